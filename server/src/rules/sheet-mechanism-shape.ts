import type { MemoRule } from '../core/check/rule';
import { isClosed } from '../core/memo/lifecycle';
import { holdsPlaceholder } from '../core/text/placeholders';

const SHAPE = /^(?:\*\*|__)?we believe\b.+\bwill\b.+\bbecause\b.+/i;

export const sheetMechanismShape: MemoRule = {
  id: 'sheet-mechanism-shape',
  target: 'memo',
  description: 'An alignment sheet\'s mechanism reads `We believe A will move B because C.`',
  defaultSeverity: 'warning',
  check(memo, _ctx, report) {
    if (isClosed(memo)) return;
    for (const sheet of memo.structures.sheets) {
      const m = sheet.parts.get('mechanism');
      // An empty part or one with a blank in it is placeholder-left's until filled in.
      if (!m || m.value.trim() === '' || holdsPlaceholder(m.value) || SHAPE.test(m.value.trim())) continue;
      report({ range: m.valueRange, message: 'The mechanism does not say how the step works; expected `We believe <A> will move <B> because <C>.`' });
    }
  },
};
