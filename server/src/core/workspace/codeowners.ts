// GitHub's CODEOWNERS file as a source of known owners: every `@user`, `@org/team` and email it
// assigns is someone a memo may name as owner (when the config says `people: CODEOWNERS` or
// `codeowners: true`). Patterns are not read: a memo's owners are people, not paths.
import { LineIndex, stripBom } from '../text/lineIndex';
import { personWithId, type Person } from './people';
import type { YamlProblem } from '../yaml/yamlTree';

/** Where GitHub looks for the file, in its order: the first that exists is the one. */
export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

const HANDLE = /^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\/[A-Za-z0-9._-]+)?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

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
    const tokens = [...content.matchAll(/\S+/g)];
    for (const token of tokens.slice(1)) {
      const owner = token[0];
      const key = owner.toLowerCase();
      if (seen.has(key)) continue;
      const range = lines.rangeOf(start + token.index, start + token.index + owner.length);
      if (HANDLE.test(owner) || EMAIL.test(owner)) {
        seen.add(key);
        people.push(personWithId(owner, range));
      } else if (problems.length < 20) {
        problems.push({ message: `\`${owner.slice(0, 80)}\` is not an owner GitHub reads (\`@user\`, \`@org/team\` or an email address).`, range, severity: 'warning' });
      }
    }
  }
  return { file, people, problems };
}
