import type { BodyLine } from '../core/memo/memoModel';
import type { MemoRule, Report } from '../core/check/rule';
import { findPlaceholders } from '../core/text/placeholders';
import type { Range } from '../core/types';
import { BOUNDARY_SENTENCE_SHAPE, CLAIM_SENTENCE_SHAPE } from '../shared/vocabulary';

const HINTS: Record<'claim' | 'boundary', Record<string, string>> = {
  claim: { OUTCOME: 'the outcome you expect', SIGNALS: 'the signals or mechanism that support it' },
  boundary: { X: 'what the work reduces uncertainty about', Y: 'what it does not prove' },
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
    const hint = HINTS[kind][p.text] ?? 'your own words';
    report({ range, message: `The ${label} still holds the template placeholder \`${p.text}\`; replace it with ${hint}.` });
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
