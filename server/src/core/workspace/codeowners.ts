// GitHub's CODEOWNERS file as a source of known owners: every `@user`, `@org/team` and email it
// assigns is someone a memo may name as owner (when the config says `people: CODEOWNERS` or
// `codeowners: true`). Patterns are not read: a memo's owners are people, not paths.
import { LineIndex, stripBom } from '../text/lineIndex';
import { personWithId, type Person } from './people';
import type { YamlProblem } from '../yaml/yamlTree';

/** Where GitHub looks for the file, in its order: the first that exists is the one. */
export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

/** A GitLab section heading at the start of a line: `[Name]`, `^[Name]`, `[Name][2]`. */
const SECTION = /^\s*\^?\[[^\]\n]*\](?:\[\d+\])?(?=\s|$)/;
const HANDLE = /^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\/[A-Za-z0-9._-]+)?$/;

export interface CodeOwners {
  file: string;
  people: Person[];
  problems: YamlProblem[];
}

/** The owners a CODEOWNERS file names, each once, in the order first seen. */
export function parseCodeOwners(file: string, rawText: string): CodeOwners {
  const text = stripBom(rawText);
  const lines = new LineIndex(text);
  const seen = new Set<string>();
  const people: Person[] = [];
  const problems: YamlProblem[] = [];
  for (let n = 0; n < lines.lineCount; n++) {
    const line = lines.lineText(n);
    const start = lines.offsetAt({ line: n, character: 0 });
    // `#` starts a comment unless escaped (`\#` in a pattern).
    const content = line.replace(/(^|[^\\])#.*$/, '$1');
    // A token is a run of non-spaces and escaped characters (`path\ with\ spaces/`); a GitLab
    // section heading (`[Docs team]`, `^[Docs][2]`) stands where the pattern does.
    const section = SECTION.exec(content);
    const tokens = [...content.slice(section?.[0].length ?? 0).matchAll(/(?:\\.|\S)+/g)];
    for (const token of tokens.slice(section ? 0 : 1)) {
      const owner = token[0];
      const key = owner.toLowerCase();
      if (seen.has(key)) continue;
      const at = start + (section?.[0].length ?? 0) + token.index;
      const range = lines.rangeOf(at, at + owner.length);
      if (HANDLE.test(owner) || isEmail(owner)) {
        seen.add(key);
        people.push(personWithId(owner, range));
      } else if (problems.length < 20) {
        problems.push({ message: `\`${owner.slice(0, 80)}\` is not an owner GitHub reads (\`@user\`, \`@org/team\` or an email address).`, range, severity: 'warning' });
      }
    }
  }
  return { file, people, problems };
}

/**
 * `name@domain.tld`: one `@`, a dot inside the domain. Not a regex like `[^@]+@[^@]+\.[^@]+`, whose
 * backtracking over the dots takes quadratic time on a long token.
 */
function isEmail(token: string): boolean {
  const at = token.indexOf('@');
  if (at < 1 || token.indexOf('@', at + 1) >= 0) return false;
  const domain = token.slice(at + 1);
  const dot = domain.indexOf('.', 1);
  return dot > 0 && dot < domain.length - 1;
}
