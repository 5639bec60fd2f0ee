import { addToFrontMatterList, canEditFrontMatter } from '../core/fixes/fixEdits';
import { isClosed } from '../core/memo/lifecycle';
import { whyRelevant } from '../core/relevance/explain';
import type { MemoRule } from '../core/check/rule';
import { citableTenets } from '../core/tenets/tenetScope';
import { typeTenets } from '../core/authority/memoAuthority';

/** A memo gets at most this many hints: beyond that they stop being read. */
const MAX_HINTS = 3;

export const tenetRelevantUncited: MemoRule = {
  id: 'tenet-relevant-uncited',
  target: 'memo',
  description: 'A tenet whose tags and words the memo uses strongly, or that the memo\'s decision type applies (authority.yaml), is cited (and judged) by the memo.',
  defaultSeverity: 'hint',
  check(memo, ctx, report) {
    // A memo that cites nothing gets tenet-missing, whose fixes already rank these tenets.
    if (isClosed(memo) || memo.citations.length === 0) return;
    const registry = ctx.registry;
    const cited = new Set(memo.citations.map((c) => c.id));
    // A parent of a cited tenet is not covered by it: it is hinted only when the memo weighs its own trade-off.
    const candidates = citableTenets(memo, registry).filter((t) => !cited.has(t.id));
    const range = memo.title?.range ?? memo.lines.lineRange(0);
    const editable = canEditFrontMatter(memo);
    // The decision type's tenets are relevant by the matrix's word, whatever the memo's words say.
    const required = typeTenets(memo, ctx.authority, candidates);
    for (const tenet of required?.tenets ?? []) {
      const edit = editable ? addToFrontMatterList(memo, 'tenets', tenet.id) : undefined;
      const name = tenet.title ? `${tenet.id} (${tenet.title})` : tenet.id;
      report({
        range: memo.decisionType?.range ?? range,
        message: `Decision type \`${required!.type.id}\` applies tenet ${name} (${ctx.authority!.file}), but the memo does not cite it; cite it and judge it.`,
        related: [
          { file: tenet.file, range: tenet.idRange, message: `${tenet.id}: ${tenet.statement || 'defined here'}` },
          { file: ctx.authority!.file, range: required!.type.idRange, message: `\`${required!.type.id}\` applies ${tenet.id}` },
        ],
        fixes: edit ? [{ title: `Cite ${tenet.id} in \`tenets\``, edits: [edit], isPreferred: true }] : [],
      });
    }
    const requiredIds = new Set(required?.tenets.map((t) => t.id));
    const model = ctx.relevance;
    const hints = model.hints(model.rank(memo, candidates.filter((t) => !requiredIds.has(t.id)))).slice(0, MAX_HINTS);
    for (const r of hints) {
      const { tenet } = r;
      const edit = editable ? addToFrontMatterList(memo, 'tenets', tenet.id) : undefined;
      const name = tenet.title ? `${tenet.id} (${tenet.title})` : tenet.id;
      report({
        range,
        message: `Tenet ${name} looks relevant (the memo ${whyRelevant(r)}) but is not cited; cite it and judge it, or leave it out if it does not apply.`,
        related: [{ file: tenet.file, range: tenet.idRange, message: `${tenet.id}: ${tenet.statement || 'defined here'}` }],
        fixes: edit ? [{ title: `Cite ${tenet.id} in \`tenets\``, edits: [edit], isPreferred: true }] : [],
      });
    }
  },
};
