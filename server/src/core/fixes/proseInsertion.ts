import { isExcluded, readBodyStructure, type MarkdownStructure } from '../markdown/markdownStructure';
import type { MemoModel } from '../memo/memoModel';

// Fixes that add prose (a claim line, a judgement line) must put it where the memo reader will
// see prose. After a code fence or an HTML block that is still open, added lines would be code
// and the fix would change nothing; these functions find such blocks so the fix can go before
// them. The memo is read at most twice, and only when it holds a fence or a `<`.

/** Only fences and HTML blocks swallow the lines that follow them. */
const MAY_HOLD_OPEN_BLOCK = /```|~~~|</;

const structureCache = new WeakMap<MemoModel, MarkdownStructure>();
const openAtEndCache = new WeakMap<MemoModel, number | undefined>();

function structureOf(memo: MemoModel): MarkdownStructure {
  let structure = structureCache.get(memo);
  if (!structure) structureCache.set(memo, (structure = readBodyStructure(memo.text, memo.bodyStart)));
  return structure;
}

/** The start of the line holding `offset`, never before the body. */
function blockLineStart(memo: MemoModel, offset: number): number {
  return Math.max(memo.bodyStart, memo.lines.lineStarts[memo.lines.positionAt(offset).line]!);
}

/**
 * Where a fence or HTML block starts (the start of its line) that lines appended at the end of
 * the memo, after a blank line, would still belong to: an unclosed fence, an unclosed `<!--`.
 * Undefined when appended lines would be prose. Found by reading the memo with a probe line added.
 */
export function blockOpenAtEnd(memo: MemoModel): number | undefined {
  if (openAtEndCache.has(memo)) return openAtEndCache.get(memo);
  let open: number | undefined;
  if (MAY_HOLD_OPEN_BLOCK.test(memo.text)) {
    const probe = `${memo.text}\n\nx`;
    const { excluded } = readBodyStructure(probe, memo.bodyStart);
    const x = probe.length - 1;
    const span = isExcluded(excluded, x) ? excluded.find(([start, end]) => start <= x && x < end) : undefined;
    if (span && span[0] < memo.text.length) open = blockLineStart(memo, span[0]);
  }
  openAtEndCache.set(memo, open);
  return open;
}

/**
 * Where the fence or HTML block holding `line` starts (the start of its line), when lines
 * inserted right after `line` would belong to it: the block goes on past the line, or it is an
 * HTML block, which takes every following line up to a blank one. Undefined when they would be prose.
 */
export function blockAroundLine(memo: MemoModel, line: number): number | undefined {
  if (!MAY_HOLD_OPEN_BLOCK.test(memo.text)) return undefined;
  const lineStart = memo.lines.lineStarts[line]!;
  const lineEnd = memo.lines.lineContentEnd(line);
  if (lineEnd === lineStart) return undefined;
  const { excluded } = structureOf(memo);
  const span = excluded.find(([start, end]) => start < lineEnd && lineEnd - 1 < end);
  if (!span || span[0] < memo.bodyStart) return undefined;
  const [start, end] = span;
  // A block, not inline code or inline HTML: it starts on an earlier line, or opens this one
  // (after any quote or list markers).
  const isBlock = start < lineStart || /^[\s>*+\-\d.)]*$/.test(memo.text.slice(lineStart, start));
  if (!isBlock) return undefined;
  return end > lineEnd || memo.text[start] === '<' ? blockLineStart(memo, start) : undefined;
}
