import type { MemoRule } from '../core/check/rule';
import { isClosed } from '../core/memo/lifecycle';
import { isPlaceholderValue } from '../core/text/placeholders';

export const sheetFeedbackCount: MemoRule = {
  id: 'sheet-feedback-count',
  target: 'memo',
  description: 'An alignment sheet names two or three feedback signals (sub-bullets or a comma list).',
  defaultSeverity: 'warning',
  check(memo, _ctx, report) {
    if (isClosed(memo)) return;
    for (const sheet of memo.structures.sheets) {
      const part = sheet.parts.get('feedback');
      if (!part) continue;
      const signals = part.items.length > 0 ? part.items.map((i) => i.text) : part.value.split(/\s*[,;]\s*|\s+and\s+/).filter((s) => s.trim() !== '');
      // Only blanks so far: placeholder-left reports them; counting them would say the same twice.
      if (signals.length === 0 || signals.every((s) => isPlaceholderValue(s))) {
        if (signals.length === 0) report({ range: part.labelRange, message: 'The feedback part names no signal; expected two or three signals, at least one leading.' });
        continue;
      }
      if (signals.length >= 2 && signals.length <= 3) continue;
      report({
        range: part.range,
        message: `The feedback part names ${signals.length} signal${signals.length === 1 ? '' : 's'}; expected two or three (more is a dashboard, one is a guess).`,
      });
    }
  },
};
