import type { MemoRule } from '../core/check/rule';
import { isClosed } from '../core/memo/lifecycle';
import { gateDue, isMeasurable } from '../core/memo/method';
import { holdsPlaceholder } from '../core/text/placeholders';

export const stageGateUnmeasurable: MemoRule = {
  id: 'stage-gate-unmeasurable',
  target: 'memo',
  description: 'A stage gate names a threshold and a date: `We will continue if <signal> <comparison> <number> by <YYYY-MM-DD | week N>`.',
  defaultSeverity: 'warning',
  check(memo, _ctx, report) {
    if (isClosed(memo)) return;
    for (const sheet of memo.structures.sheets) {
      const gate = sheet.parts.get('stage gate');
      if (!gate || gate.value.trim() === '' || holdsPlaceholder(gate.value)) continue;
      const due = gateDue(gate, memo);
      const missing: string[] = [];
      if (!isMeasurable(gate.value)) missing.push('threshold (a comparison and a number, such as `≥ 40 %`)');
      if (due.kind === 'none') missing.push('date (`by 2026-12-15` or `by week 2`)');
      else if (due.kind === 'week' && due.week < 1) missing.push(`week of the plan (\`${due.written}\` counts back; expected \`by week N\` with N ≥ 1)`);
      if (missing.length === 0) continue;
      report({ range: gate.valueRange, message: `The stage gate cannot be checked: it names no ${missing.join(' and no ')}.` });
    }
  },
};
