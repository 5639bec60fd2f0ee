import { execFileSync } from 'node:child_process';
import { CliError } from './cliError';

// The few git questions `check --changed` and `--base` ask, answered by the user's own git as a
// child process: no shell (arguments are never parsed as a command line), run in the workspace
// root, and never over the network — `protocol.allow=never` refuses every transport, so even a
// partial clone cannot fetch a missing object behind the user's back.

const MAX_OUTPUT = 512 * 1024 * 1024;

/** Runs git and returns its stdout; a failure becomes a CliError with git's first line. */
export function git(cwd: string, args: readonly string[]): string {
  return gitBytes(cwd, args).toString('utf8');
}

/** Runs git and returns its stdout as bytes (file contents, whose lengths git counts in bytes). */
export function gitBytes(cwd: string, args: readonly string[], input?: string): Buffer {
  try {
    return execFileSync('git', ['-c', 'protocol.allow=never', '-c', 'core.quotePath=false', ...args], {
      cwd,
      input,
      maxBuffer: MAX_OUTPUT,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_NO_LAZY_FETCH: '1', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
    });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string | Buffer };
    if (e.code === 'ENOENT') throw new CliError('git was not found on the PATH; --changed and --base need it.');
    const detail = String(e.stderr ?? e.message).trim().split('\n')[0] ?? '';
    throw new CliError(`git ${args[0] ?? ''} failed in ${cwd}: ${detail.replace(/^(fatal|error): /, '')}`);
  }
}

/** Like `git`, but undefined instead of an error (for questions whose "no" is an answer). */
function gitOrUndefined(cwd: string, args: readonly string[]): string | undefined {
  try {
    return git(cwd, args);
  } catch (error) {
    if (error instanceof CliError && error.message.startsWith('git was not found')) throw error;
    return undefined;
  }
}

/** Fails with one line unless `dir` lies in a git work tree. */
export function requireRepository(dir: string, option: string): void {
  if (gitOrUndefined(dir, ['rev-parse', '--is-inside-work-tree'])?.trim() !== 'true') {
    throw new CliError(`${option} compares with git, but ${dir} is not inside a git repository.`);
  }
}

/** The commit a ref names; a ref that names none is a usage error. */
export function resolveCommit(dir: string, ref: string, option: string): string {
  // A ref that starts with `-` would be read as an option by git.
  const sha = ref.startsWith('-') ? undefined : gitOrUndefined(dir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])?.trim();
  if (!sha) throw new CliError(`${option} ${ref}: no such commit or branch in this repository.`);
  return sha;
}

/** The merge base of HEAD and a commit; undefined when there is none to be had (a shallow clone, unrelated histories). */
export function mergeBase(dir: string, commit: string): string | undefined {
  return gitOrUndefined(dir, ['merge-base', 'HEAD', commit])?.trim() || undefined;
}

/**
 * What `--changed` compares with when no ref is given: where this branch left the default
 * branch (`origin/HEAD`, else `main`, else `master`).
 */
export function defaultChangedBase(dir: string): { ref: string; commit: string } {
  for (const ref of ['origin/HEAD', 'main', 'master']) {
    const tip = gitOrUndefined(dir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])?.trim();
    if (!tip) continue;
    return { ref: `the merge base with ${ref}`, commit: mergeBase(dir, tip) ?? tip };
  }
  throw new CliError('--changed found no default branch to compare with (origin/HEAD, main or master); name one: --changed REF.');
}

/** NUL-separated output as a list (git's `-z`). */
export function splitNul(text: string): string[] {
  return text.split('\0').filter((s) => s !== '');
}
