import { canEditFrontMatter, addFrontMatterLines } from '../core/fixes/fixEdits';
import type { MemoRule } from '../core/check/rule';

export const ownerMissing: MemoRule = {
  id: 'owner-missing',
  target: 'memo',
  description: 'Every memo names who owns the decision (`owners`, or MADR\'s `decision-makers` / `deciders`).',
  defaultSeverity: 'warning',
  check(memo, _ctx, report) {
    if (memo.owners.length > 0) return;
    const entry = memo.ownersEntry;
    const range = entry ? entry.range : memo.lines.lineRange(0);
    const edit = !entry && canEditFrontMatter(memo) ? addFrontMatterLines(memo, ['owners:', '  - OWNER']) : undefined;
    report({
      range,
      message: entry
        ? `\`${entry.key}\` names nobody; expected at least one owner who decides.`
        : 'No owner: expected `owners:` naming who decides.',
      fixes: edit ? [{ title: 'Add `owners:` with a placeholder to fill', edits: [edit], isPreferred: true }] : [],
    });
  },
};
