import type { BodyLine } from '../core/memo/memoModel';
import type { MemoRule, Report } from '../core/check/rule';
import type { Range } from '../core/types';
import { BOUNDARY_SENTENCE_SHAPE, CLAIM_SENTENCE_SHAPE } from '../shared/vocabulary';

// Placeholder words our fixes and snippets write, in capitals only: `outcome` is an English
// word, `OUTCOME` is a blank to fill. Adjacent hyphens, letters or digits make a word of their
// own (`X-ray`, `Model-Y`, `TODOs`), which is not a placeholder.
const PLACEHOLDER_WORDS = ['OUTCOME', 'SIGNALS', 'REASON', 'TODO', 'TBD', 'FIXME', 'XXX', 'X', 'Y'];
const WORD_EDGE_BEFORE = String.raw`(?<![\p{L}\p{N}_\-'’/.])`;
const WORD_EDGE_AFTER = String.raw`(?![\p{L}\p{N}_\-'’/])`;

const PLACEHOLDER = new RegExp(
  [
    `${WORD_EDGE_BEFORE}(?:${PLACEHOLDER_WORDS.join('|')})${WORD_EDGE_AFTER}`,
    // `<outcome>`, `<signals / mechanism>` (not `a < b`, which has a space after `<`).
    String.raw`<[^<>\s][^<>]*>`,
    // `{outcome}`, `${outcome}`.
    String.raw`\$?\{[^{}]*\}`,
    // An ellipsis standing for a missing phrase (`We believe … because …`), not one ending a word.
    String.raw`(?<=^|\s)(?:\.{3}|…)(?=$|[\s.,;:!?)])`,
  ].join('|'),
  'gu',
);

// Angle brackets that are markdown, not placeholders: inline HTML and autolinks.
const INLINE_HTML = /^\/?(?:a|abbr|b|br|code|del|em|i|img|ins|kbd|mark|q|s|small|span|strong|sub|sup|u|wbr)(?:\s[^>]*)?\/?$/i;
const AUTOLINK = /^(?:[a-z][a-z0-9+.-]*:|[^\s@]+@[^\s@]+$)/i;

const HINTS: Record<'claim' | 'boundary', Record<string, string>> = {
  claim: { OUTCOME: 'the outcome you expect', SIGNALS: 'the signals or mechanism that support it' },
  boundary: { X: 'what the work reduces uncertainty about', Y: 'what it does not prove' },
};

interface Placeholder {
  text: string;
  /** Offset in the line's sentence. */
  index: number;
}

/** Placeholders in a claim or boundary sentence; text inside backticks is quoted, not a blank. */
export function findPlaceholders(sentence: string): Placeholder[] {
  const unquoted = sentence.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length));
  const out: Placeholder[] = [];
  for (const m of unquoted.matchAll(PLACEHOLDER)) {
    const text = m[0];
    if (text.startsWith('<')) {
      const inner = text.slice(1, -1);
      if (INLINE_HTML.test(inner) || AUTOLINK.test(inner)) continue;
    }
    out.push({ text, index: m.index });
  }
  return out;
}

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
  description: 'Claim and boundary lines say something: no template placeholders (`OUTCOME`, `X`, `<…>`, `{…}`, `TODO`) left to fill.',
  defaultSeverity: 'warning',
  check(memo, _ctx, report) {
    for (const claim of memo.claims) checkLine(claim, 'claim', report);
    for (const boundary of memo.boundaries) checkLine(boundary, 'boundary', report);
  },
};
