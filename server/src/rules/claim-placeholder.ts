import type { BodyLine } from '../core/memo/memoModel';
import type { MemoRule, Report } from '../core/check/rule';
import { findPlaceholders } from '../core/text/placeholders';
import type { Range } from '../core/types';
import { BOUNDARY_SENTENCE_SHAPE, CLAIM_SENTENCE_SHAPE } from '../shared/vocabulary';

/** What to write in place of each blank, and an example: the one message shape of every blank ("`X` is a placeholder; write …, e.g. …"). */
const HINTS: Record<'claim' | 'boundary', Record<string, [what: string, example: string]>> = {
  claim: { OUTCOME: ['the outcome you expect', 'search p95 stays under 200 ms'], SIGNALS: ['the signals or mechanism that support it', 'most queries repeat within an hour'] },
  boundary: { X: ['what the work reduces uncertainty about', 'latency of repeated queries'], Y: ['what it does not prove', 'that first-time queries get faster'] },
};

function checkLine(line: BodyLine, kind: 'claim' | 'boundary', report: Report): void {
  const label = kind === 'claim' ? 'claim' : 'boundary';
  if (line.text.trim() === '') {
    const expected = kind === 'claim' ? CLAIM_SENTENCE_SHAPE : BOUNDARY_SENTENCE_SHAPE;
    report({ range: line.range, message: `The ${label} line is empty; expected \`${expected}\`` });
    return;
  }
  for (const p of findPlaceholders(line.text)) {
    const start = line.textRange.start;
    const range: Range = {
      start: { line: start.line, character: start.character + p.index },
      end: { line: start.line, character: start.character + p.index + p.text.length },
    };
    const [what, example] = HINTS[kind][p.text] ?? [`the ${label} in your own words`, kind === 'claim' ? 'We believe … because …' : 'This reduces uncertainty about …'];
    report({ range, message: `\`${p.text}\` is a placeholder; write ${what}, e.g. \`${example}\`.` });
  }
}

export const claimPlaceholder: MemoRule = {
  id: 'claim-placeholder',
  target: 'memo',
  bodyOnly: true,
  description: 'Claim and boundary lines say something: no template placeholders (`OUTCOME`, `X`, `<…>`, `{…}`, `TODO`) left to fill.',
  defaultSeverity: 'warning',
  check(memo, _ctx, report) {
    for (const claim of memo.claims) checkLine(claim, 'claim', report);
    for (const boundary of memo.boundaries) checkLine(boundary, 'boundary', report);
  },
};
