import { memoIdFromPath, memoRefToId } from '../ids';
import { readFrontMatter } from '../memo/frontMatter';
import type { MemoModel } from '../memo/memoModel';
import { parseMemo } from '../memo/memoParser';
import { detached } from '../text/detached';
import { LineIndex, stripBom } from '../text/lineIndex';
import type { Located } from '../types';
import { getEntry, scalarText, stringList, type YamlMap } from '../yaml/yamlTree';
import type { MemoSummary } from './memoIndex';

// The index entry of a memo that is not being checked, read from its front matter alone. When a
// few named files of a large workspace are checked, the other memos matter only through what
// the cross-memo rules read of them: their ids and supersede links (memo-duplicate-id,
// supersede-broken). Parsing their bodies and weighing their words was nearly all of such a
// run. The entry holds those fields exactly as `summarise(parseMemo(…))` would (a test compares
// them) and leaves the rest empty: owners, citations and key terms, so relevance then draws on
// the tenet registry and the memos being checked. Not for the editor, the audit or the cache.

const OPEN = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * The id and links of a memo from the text up to its front matter's closing fence, or undefined
 * when the body or a full parse may say otherwise: no front matter, an unclosed or invalid one,
 * no `status:` in it (a MADR or Nygard body may carry the status), or a status that names a
 * successor (`superseded by …`, a link the full parser reads).
 */
export function frontMatterSummary(file: string, rawText: string): MemoSummary | undefined {
  const text = stripBom(rawText);
  const end = frontMatterEnd(text);
  if (end === undefined) return undefined;
  // A prefix of the text: every position in it is where the full parse puts it.
  const fm = readFrontMatter(new LineIndex(text.slice(0, end)));
  const map = fm?.map;
  if (!fm || fm.unclosed || !map || fm.problems.some((p) => p.severity === 'error')) return undefined;
  const status = getEntry(map, 'status');
  if (!status || /superseded\s+by/i.test((scalarText(status.value) ?? '').replace(/[*_`]/g, ''))) return undefined;
  const idValue = getEntry(map, 'id')?.value;
  const idText = scalarText(idValue);
  const zero = { line: 0, character: 0 };
  // Detached: the entry outlives the text, which its substrings would otherwise keep alive.
  return detached({
    file,
    id: idText ?? memoIdFromPath(file),
    idRange: idText !== undefined && idValue ? idValue.range : { start: zero, end: zero },
    title: scalarText(getEntry(map, 'title')?.value),
    status: undefined,
    date: undefined,
    owners: [],
    cited: [],
    conflicts: [],
    supersedes: links(map, 'supersedes'),
    supersededBy: links(map, 'superseded-by', 'superseded_by'),
    reversibility: undefined,
    evidenceCount: 0,
    hasFrontMatter: true,
    keyTerms: [],
  });
}

/**
 * A memo parsed from its front matter alone (the text up to the closing fence, so every position
 * is where the full parse puts it): what the editor's first index pass records, so ids, titles,
 * statuses, owners and front-matter citations are known in a fraction of a full parse; the body
 * (inline citations, verdicts, evidence, key terms) is read by the second pass. Undefined when the
 * front matter is absent or unclosed (`whole`: false when `rawText` is only the start of the file,
 * so a fence may lie beyond it): then only a full parse can tell.
 */
export function frontMatterMemo(file: string, rawText: string, whole = true): MemoModel | undefined {
  // Of the start of a file, only whole lines: a fence cut short (`--` of `---x`) is not a fence.
  const text = whole ? rawText : rawText.slice(0, rawText.lastIndexOf('\n') + 1);
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const end = frontMatterEnd(bom ? text.slice(1) : text);
  return end === undefined ? undefined : parseMemo(file, text.slice(0, end + bom));
}

/** `supersedes:` / `superseded-by:` values as memo ids (the first key present wins, as in the parser). */
function links(map: YamlMap, ...keys: string[]): Located<string>[] {
  const value = keys.map((k) => getEntry(map, k)?.value).find((v) => v !== undefined);
  return stringList(value).map((s) => ({ value: memoRefToId(s.value), range: s.range }));
}

/** Offset just past the line that closes the front matter (the fences `memo/frontMatter.ts` reads), if it is closed. */
function frontMatterEnd(text: string): number | undefined {
  const lineEnd = /\r\n|\r|\n/g;
  let start = 0;
  for (let line = 0; ; line++) {
    const m = lineEnd.exec(text);
    const content = text.slice(start, m ? m.index : text.length);
    if (line === 0 && !OPEN.test(content)) return undefined;
    if (line > 0 && CLOSE.test(content)) return m ? lineEnd.lastIndex : text.length;
    if (!m) return undefined;
    start = lineEnd.lastIndex;
  }
}
