import { insertAfterLine } from '../core/fixes/fixEdits';
import type { BodyLine, MemoModel } from '../core/memo/memoModel';
import type { MemoRule } from '../core/check/rule';
import { BOUNDARY_SENTENCE, BOUNDARY_SHAPE } from '../shared/vocabulary';
import { withSnippet } from '../core/fixes/snippets';

// Lines that start a new markdown block: a hard-wrapped claim ends before them.
const BLOCK_START = /^(?:[-*+]\s|\d+[.)]\s|#{1,6}(?:\s|$)|```|~~~|\||<|(?:\*\*|__|\*|_)?(?:claim|boundary)\b)/i;

/** The last line of the paragraph the claim starts: a hard-wrapped claim must not be split by the new line. */
function paragraphEnd(memo: MemoModel, line: number): number {
  let last = line;
  for (let l = line + 1; l < memo.lines.lineCount; l++) {
    const content = memo.lines.lineText(l).replace(/^\s*(?:>\s?)*\s*/, '');
    if (content === '' || BLOCK_START.test(content)) break;
    last = l;
  }
  return last;
}

/** `- **Claim:** We …` gives `- **Boundary:** …`: the new line is written the way the claim is. */
function boundaryLineLike(memo: MemoModel, claim: BodyLine): string {
  const lineText = memo.lines.lineText(claim.range.start.line);
  const prefix = lineText.slice(0, claim.textRange.start.character);
  const suffix = lineText.slice(claim.textRange.end.character).trim();
  const keyword = prefix.replace(/claim/i, (w) => (w === 'CLAIM' ? 'BOUNDARY' : w[0] === 'c' ? 'boundary' : 'Boundary'));
  return `${keyword}${BOUNDARY_SENTENCE}${suffix}`;
}

export const boundaryMissing: MemoRule = {
  id: 'boundary-missing',
  target: 'memo',
  bodyOnly: true,
  description: 'A memo with a claim also limits it: `Boundary: This reduces uncertainty about <X>; it does not prove <Y>.`',
  defaultSeverity: 'warning',
  check(memo, _ctx, report) {
    const claim = memo.claims[0];
    if (!claim || memo.boundaries.length > 0) return;
    const edit = insertAfterLine(memo, paragraphEnd(memo, claim.range.start.line), [boundaryLineLike(memo, claim)]);
    report({
      range: claim.range,
      message: `This claim has no boundary line; expected \`${BOUNDARY_SHAPE}\``,
      fixes: [{ title: 'Insert a boundary line after the claim', edits: [withSnippet(edit, ['X', 'Y'])], isPreferred: true }],
    });
  },
};
