import type { TenetRule } from '../core/check/rule';
import { comparePositions } from '../core/text/lineIndex';
import type { TenetDefinition, TenetFile } from '../core/tenets/tenetModel';

const SHAPE = '`When …, we choose A over B because R.`';

// The four words that make a trade-off rule, in the order they come, and what the tenet lacks
// without each one (or without the words that follow it).
const PARTS = [
  { word: 'when', lacks: 'the situation (`When …`)', gap: 'no situation after `When`' },
  { word: 'choose', lacks: 'the choice (`we choose …`)', gap: 'nothing chosen after `choose`' },
  { word: 'over', lacks: 'what is given up (`over …`)', gap: 'nothing given up after `over`' },
  { word: 'because', lacks: 'the reason (`because …`)', gap: 'no reason after `because`' },
] as const;

const HAS_WORD = /[\p{L}\p{N}]/u;

function find(statement: string, word: string, from: number): number {
  const re = new RegExp(`\\b${word}\\b`, 'gi');
  re.lastIndex = from;
  return re.exec(statement)?.index ?? -1;
}

/** `a`, `a and b`, `a, b and c`: a list as a sentence reads it. */
function joinWithAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** What keeps a statement from the tenet shape, as a phrase, or undefined when it has the shape. */
export function shapeProblem(statement: string): string | undefined {
  const missing = PARTS.filter((p) => find(statement, p.word, 0) < 0);
  if (missing.length > 0) return `lacks ${joinWithAnd(missing.map((p) => p.lacks))}`;
  // Each word after the previous one, with words of its own between them.
  const at: number[] = [];
  let cursor = 0;
  for (const p of PARTS) {
    const i = find(statement, p.word, cursor);
    if (i < 0) return 'has `when`, `choose`, `over` and `because` out of order';
    at.push(i);
    cursor = i + p.word.length;
  }
  for (let k = 0; k < PARTS.length; k++) {
    const from = at[k]! + PARTS[k]!.word.length;
    const to = k + 1 < PARTS.length ? at[k + 1]! : statement.length;
    if (!HAS_WORD.test(statement.slice(from, to))) return `has ${PARTS[k]!.gap}`;
  }
  return undefined;
}

/** A YAML error inside the tenet garbles what was read as its statement: tenet-file-invalid reports it instead. */
function hasYamlError(file: TenetFile, tenet: TenetDefinition): boolean {
  const end = comparePositions(tenet.statementRange.end, tenet.range.end) > 0 ? tenet.statementRange.end : tenet.range.end;
  return file.problems.some(
    (p) => p.severity === 'error' && comparePositions(p.range.start, tenet.range.start) >= 0 && comparePositions(p.range.start, end) <= 0,
  );
}

export const tenetMalformed: TenetRule = {
  id: 'tenet-malformed',
  target: 'tenet-file',
  description: `A tenet's statement is a trade-off rule: ${SHAPE}`,
  defaultSeverity: 'warning',
  check(file, _ctx, report) {
    for (const tenet of file.tenets) {
      // A retired tenet is kept as a record; rewriting it would not change any decision.
      if (tenet.status === 'retired' || hasYamlError(file, tenet)) continue;
      if (tenet.statement.trim() === '') {
        report({ range: tenet.idRange, message: `Tenet \`${tenet.id}\` has no statement; expected ${SHAPE}` });
        continue;
      }
      const problem = shapeProblem(tenet.statement);
      if (problem) report({ range: tenet.statementRange, message: `Tenet \`${tenet.id}\` ${problem}; expected ${SHAPE}` });
    }
  },
};
