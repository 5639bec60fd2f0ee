import type { MemoRule } from '../core/check/rule';
import { resolveEvidencePath } from '../core/evidence/evidencePaths';
import { logEntries } from '../core/evidence/logEntries';
import { dateProblem } from '../core/dates';
import { addMapToFrontMatterList, addToFrontMatterList, canEditFrontMatter, yamlFlowSafeScalar, yamlScalar } from '../core/fixes/fixEdits';
import { isClosed } from '../core/memo/lifecycle';
import type { MemoModel } from '../core/memo/memoModel';
import { isPlaceholderValue } from '../core/text/placeholders';
import type { WorkspaceFs } from '../core/workspace/workspaceFs';

// A log artifact counts towards the evidence threshold only when front matter lists it too; the
// log is the history, `evidence:` the set the decision rests on. "Listed" compares resolved
// workspace paths (so `evidence/a.md` from the memo's folder and from the root meet), URLs as written.

export const evidenceLogUnlisted: MemoRule = {
  id: 'evidence-log-unlisted',
  target: 'memo',
  description: 'Every artifact of the evidence log is also cited under the front matter\'s `evidence:`.',
  defaultSeverity: 'info',
  check(memo, ctx, report) {
    if (isClosed(memo)) return;
    const entries = logEntries(memo);
    if (entries.length === 0) return;
    const listed = new Set(memo.evidence.filter((e) => e.target !== '').map((e) => key(e.target, e.kind, memo, ctx.fs)));
    const editable = canEditFrontMatter(memo);
    const reported = new Set<string>();
    for (const entry of entries) {
      if (isPlaceholderValue(entry.target)) continue;
      const k = key(entry.target, entry.kind, memo, ctx.fs);
      if (listed.has(k) || reported.has(k)) continue;
      reported.add(k);
      // The row's limits and date go with it: the front matter entry is then complete.
      const pairs: [string, string][] = [[entry.kind, yamlFlowSafeScalar(entry.target)]];
      if (entry.limits && !isPlaceholderValue(entry.limits.value)) pairs.push(['limits', yamlFlowSafeScalar(entry.limits.value)]);
      if (entry.date && dateProblem(entry.date.value) === undefined) pairs.push(['date', entry.date.value]);
      const edit = editable ? (pairs.length > 1 ? addMapToFrontMatterList(memo, 'evidence', pairs) : addToFrontMatterList(memo, 'evidence', yamlScalar(entry.target))) : undefined;
      report({
        range: entry.targetRange,
        message: `Evidence log artifact \`${entry.target}\` is not cited under \`evidence:\`; expected every artifact the decision rests on in the front matter (it counts towards the threshold only there).`,
        fixes: edit ? [{ title: `Add \`${entry.target}\` to \`evidence\``, edits: [edit], isPreferred: true }] : [],
      });
    }
  },
};

function key(target: string, kind: 'path' | 'url', memo: MemoModel, fs: WorkspaceFs): string {
  if (kind === 'url') return `url:${target.trim()}`;
  const r = resolveEvidencePath(target, memo.file, fs);
  return r.kind === 'found' || r.kind === 'missing' ? `path:${r.path}` : `as-written:${target.trim()}`;
}
