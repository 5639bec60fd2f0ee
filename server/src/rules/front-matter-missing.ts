import { memoIdFromPath } from '../core/ids';
import type { MemoRule } from '../core/rule';

export const frontMatterMissing: MemoRule = {
  id: 'front-matter-missing',
  target: 'memo',
  description: 'A memo starts with YAML front matter that names its status, owners and tenets.',
  defaultSeverity: 'warning',
  check(memo, _ctx, report) {
    if (memo.frontMatter) return;
    const eol = memo.lines.eol;
    const template = ['---', `id: ${memoIdFromPath(memo.file)}`, 'status: draft', 'owners: []', 'tenets: []', '---', ''].join(eol);
    report({
      range: memo.lines.lineRange(0),
      message: 'This memo has no front matter; expected a `---` block with status, owners and tenets at the top.',
      fixes: [{ title: 'Insert a front matter template', edits: [{ range: memo.lines.rangeOf(0, 0), newText: template }], isPreferred: true }],
    });
  },
};
