import type { MemoRule } from '../core/check/rule';
import { insertAfterLine } from '../core/fixes/fixEdits';
import { withSnippet } from '../core/fixes/snippets';
import { isClosed } from '../core/memo/lifecycle';
import { ownerAndCadence } from '../core/memo/method';
import type { AlignmentSheet } from '../core/memo/structureModel';
import type { MemoModel } from '../core/memo/memoModel';

/** The parts of an alignment sheet, as the fix writes each (the blank is `___`). */
const PARTS: [label: string, line: string][] = [
  ['aim', '- **Aim:** ___'],
  ['mechanism', '- **Mechanism:** We believe ___ will move ___ because ___.'],
  ['feedback', '- **Feedback signals:** ___, ___'],
  ['stage gate', '- **Stage gate:** We will continue if ___ ≥ ___ by week ___.'],
  ['guardrail', '- **Guardrail:** ___ stays below ___.'],
  ['owner and cadence', '- **Owner and cadence:** ___, weekly'],
];

export const sheetPartMissing: MemoRule = {
  id: 'sheet-part-missing',
  target: 'memo',
  description: 'An alignment sheet has every part: Aim, Mechanism, Feedback signals, Stage gate, Guardrail, Owner and cadence.',
  defaultSeverity: 'warning',
  check(memo, _ctx, report) {
    if (isClosed(memo)) return;
    for (const sheet of memo.structures.sheets) {
      for (const [label, line] of PARTS) {
        if (present(sheet, label)) continue;
        // An `Owner:` without a cadence lacks only the cadence: a second owner line would say it twice.
        const cadenceOnly = label === 'owner and cadence' && ownerAndCadence(sheet).owner !== undefined;
        const added = cadenceOnly ? '- **Cadence:** weekly' : line;
        report({
          range: sheet.headingRange,
          message: cadenceOnly
            ? 'This alignment sheet names its owner but no cadence; expected how often the step is reviewed (`Cadence: weekly`, or `Owner and cadence: priya, weekly`).'
            : `This alignment sheet has no \`${LABEL_AS_WRITTEN[label] ?? label}:\` part; expected ${describe(label)}.`,
          fixes: [
            {
              title: cadenceOnly ? 'Add the cadence part' : `Add the ${label} part to fill in`,
              edits: [withSnippet(insertAfterLine(memo, lastLine(memo, sheet), [added]), cadenceOnly ? [{ word: 'weekly', choices: ['every two weeks', 'monthly'] }] : Array(4).fill('___'))],
              isPreferred: true,
            },
          ],
        });
      }
    }
  },
};

/** The canonical label as the fix writes it. */
const LABEL_AS_WRITTEN: Record<string, string> = {
  aim: 'Aim',
  mechanism: 'Mechanism',
  feedback: 'Feedback signals',
  'stage gate': 'Stage gate',
  guardrail: 'Guardrail',
  'owner and cadence': 'Owner and cadence',
};

function present(sheet: AlignmentSheet, label: string): boolean {
  if (label !== 'owner and cadence') return sheet.parts.has(label);
  const { owner, cadenceMet } = ownerAndCadence(sheet);
  return owner !== undefined && cadenceMet;
}

/** The sheet's last line with content: where a part goes. */
function lastLine(memo: MemoModel, sheet: AlignmentSheet): number {
  // The section ends where the next heading starts (character 0 of its line): that line is not the sheet's.
  let line = sheet.range.end.character === 0 ? sheet.range.end.line - 1 : sheet.range.end.line;
  while (line > sheet.headingRange.start.line && memo.lines.lineText(line).trim() === '') line--;
  return line;
}

function describe(label: string): string {
  switch (label) {
    case 'aim':
      return 'the outcome the step aims at';
    case 'mechanism':
      return 'how the step works, as `We believe A will move B because C`';
    case 'feedback':
      return 'two or three signals, at least one leading';
    case 'stage gate':
      return '`We will continue if <signal> <comparison> <number> by <date | week N>`';
    case 'guardrail':
      return 'one SLI or SLO with its threshold';
    default:
      return 'who owns the step and how often it is reviewed';
  }
}
