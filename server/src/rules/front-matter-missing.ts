import { yamlFlowList, yamlScalar } from '../core/fixes/fixEdits';
import { memoIdFromPath } from '../core/ids';
import type { MemoModel } from '../core/memo/memoModel';
import type { MemoRule } from '../core/check/rule';
import { dateProblem } from '../core/dates';

export const frontMatterMissing: MemoRule = {
  id: 'front-matter-missing',
  target: 'memo',
  description: 'A memo starts with YAML front matter that names its status, owners and tenets.',
  defaultSeverity: 'warning',
  check(memo, _ctx, report) {
    if (memo.frontMatter) return;
    const eol = memo.lines.eol;
    const template = ['---', ...templateFields(memo), '---', ''].join(eol);
    report({
      range: memo.lines.lineRange(0),
      message: 'This memo has no front matter; expected a `---` block with status, owners and tenets at the top.',
      fixes: [{ title: 'Insert a front matter template', edits: [{ range: memo.lines.rangeOf(0, 0), newText: template }], isPreferred: true }],
    });
  },
};

/**
 * The template's lines. Front matter takes precedence over the body once it exists, so what the
 * parser read from MADR-2 bullets (`* Status:`, `* Deciders:`, `* Date:`) or a Nygard `## Status`
 * section is carried over; a fixed template would silently reset it to draft and no owner.
 */
function templateFields(memo: MemoModel): string[] {
  const status = memo.status?.from === 'body' ? memo.statusValue : undefined;
  const date = memo.date?.from === 'body' ? memo.date.value : undefined;
  const lines = [`id: ${yamlScalar(memoIdFromPath(memo.file))}`, `status: ${status ?? 'draft'}`];
  // `Superseded by [ADR-0005](…)` in the body is the back-link; `status: superseded` alone would lose it.
  if (status === 'superseded' && memo.statusSupersededBy) lines.push(`superseded-by: ${yamlScalar(memo.statusSupersededBy.value)}`);
  if (date !== undefined && dateProblem(date) === undefined) lines.push(`date: ${date}`);
  // Without front matter, every owner the parser found came from the body.
  lines.push(`owners: ${yamlFlowList(memo.owners.map((o) => o.value))}`, 'tenets: []');
  return lines;
}
