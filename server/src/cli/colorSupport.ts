// Whether stylish output is coloured. The command-line flag wins; otherwise NO_COLOR (set and
// non-empty, per no-color.org) turns colour off, FORCE_COLOR turns it on for pipes and CI logs
// (`FORCE_COLOR=0` turns it off), and by default colour needs a terminal that is not "dumb".

export interface ColorEnvironment {
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}

/** True when stylish output should carry ANSI colours. `flag` is `--color` / `--no-color`, if given. */
export function shouldUseColor(flag: boolean | undefined, { env, isTTY }: ColorEnvironment): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return isTTY && env.TERM !== 'dumb';
}
