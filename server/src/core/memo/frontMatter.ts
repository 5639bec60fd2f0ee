import type { FrontMatter } from './memoModel';
import type { LineIndex } from '../text/lineIndex';
import { parseYaml } from '../yaml/yamlTree';

const OPEN = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Finds and parses the YAML front matter at the top of a memo. A first line of `---` with no
 * closing fence is reported as unclosed rather than silently read as markdown: it is what a
 * writer who is typing the front matter has in front of them.
 */
export function readFrontMatter(lines: LineIndex): FrontMatter | undefined {
  if (lines.lineCount < 1 || !OPEN.test(lines.lineText(0))) return undefined;
  let closeLine = -1;
  for (let l = 1; l < lines.lineCount; l++) {
    if (CLOSE.test(lines.lineText(l))) {
      closeLine = l;
      break;
    }
  }
  const contentStart = lines.lineStarts[1] ?? lines.text.length;
  if (closeLine < 0) {
    return {
      range: lines.lineRange(0),
      contentStart,
      contentEnd: lines.text.length,
      map: undefined,
      nonMapRoot: undefined,
      problems: [],
      unclosed: true,
    };
  }
  const contentEnd = lines.lineStarts[closeLine]!;
  const parsed = parseYaml(lines.text.slice(contentStart, contentEnd), lines, contentStart);
  const root = parsed.root;
  const isMap = root?.kind === 'map';
  const isEmpty = root === undefined || (root.kind === 'scalar' && root.value === null);
  return {
    range: { start: { line: 0, character: 0 }, end: lines.lineRange(closeLine).end },
    contentStart,
    contentEnd,
    map: isMap ? root : undefined,
    nonMapRoot: isMap || isEmpty ? undefined : root,
    problems: parsed.problems,
    unclosed: false,
  };
}
