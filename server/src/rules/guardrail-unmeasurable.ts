import type { MemoRule } from '../core/check/rule';
import { isClosed } from '../core/memo/lifecycle';
import { isMeasurable } from '../core/memo/method';
import { holdsPlaceholder } from '../core/text/placeholders';

export const guardrailUnmeasurable: MemoRule = {
  id: 'guardrail-unmeasurable',
  target: 'memo',
  description: 'An alignment sheet\'s guardrail names its threshold: one SLI or SLO with a comparison and a number.',
  defaultSeverity: 'info',
  check(memo, _ctx, report) {
    if (isClosed(memo)) return;
    for (const sheet of memo.structures.sheets) {
      const g = sheet.parts.get('guardrail');
      if (!g || g.value.trim() === '' || holdsPlaceholder(g.value) || isMeasurable(g.value)) continue;
      report({ range: g.valueRange, message: 'The guardrail names no threshold; expected an SLI or SLO with a comparison and a number, such as `error rate stays below 0.1 %`.' });
    }
  },
};
