import { addFrontMatterLines, addToFrontMatterList, canEditFrontMatter } from '../core/fixes/fixEdits';
import { isClosed } from '../core/memo/lifecycle';
import { whyRelevant } from '../core/relevance/explain';
import type { MemoRule } from '../core/check/rule';
import { citableTenets } from '../core/tenets/tenetScope';
import type { Fix, TextEdit } from '../core/types';
import { typeTenets } from '../core/authority/memoAuthority';
import type { MemoModel } from '../core/memo/memoModel';

/** How many "cite X" fixes to offer: enough to choose from, few enough to read. */
const MAX_FIXES = 3;

export const tenetMissing: MemoRule = {
  id: 'tenet-missing',
  target: 'memo',
  description: 'A memo cites the tenets it applies, in `tenets:` or as inline `[[ID]]` citations.',
  defaultSeverity: 'warning',
  check(memo, ctx, report) {
    if (memo.citations.length > 0) return;
    // A closed decision is a record; asking it for citations now would rewrite history.
    if (isClosed(memo)) return;
    // A workspace without (active) tenets has nothing to cite: asking would be noise on every memo.
    if (!ctx.registry.all.some((t) => t.status === 'active')) return;
    const entry = memo.fields.get('tenets');
    const model = ctx.relevance;
    const citable = citableTenets(memo, ctx.registry);
    // The decision type's tenets come first: the matrix says a memo of the type must consider them.
    const required = typeTenets(memo, ctx.authority, citable);
    const requiredIds = new Set(required?.tenets.map((t) => t.id));
    // Only tenets that clear the relevance threshold are offered: no fix beats a wrong fix.
    const ranked = model.fixes(model.rank(memo, citable.filter((t) => !requiredIds.has(t.id)))).slice(0, MAX_FIXES);
    const fixes: Fix[] = [];
    if (canEditFrontMatter(memo)) {
      if (required) {
        const ids = required.tenets.map((t) => t.id);
        const edit = addFrontMatterList(memo, ids);
        const names = ids.join(', ');
        if (edit) fixes.push({ title: `Cite ${names}: the \`${required.type.id}\` decision type applies ${ids.length === 1 ? 'it' : 'them'} (${ctx.authority!.file})`, edits: [edit], isPreferred: true });
      }
      ranked.forEach((r, i) => {
        const edit = addToFrontMatterList(memo, 'tenets', r.tenet.id);
        if (!edit) return;
        const name = r.tenet.title ? `${r.tenet.id} (${r.tenet.title})` : r.tenet.id;
        fixes.push({ title: `Cite ${name}: the memo ${whyRelevant(r)}`, edits: [edit], ...(i === 0 && !required ? { isPreferred: true } : {}) });
      });
    }
    const best = required
      ? `; decision type \`${required.type.id}\` applies ${required.tenets.map((t) => t.id).join(', ')} (${ctx.authority!.file})`
      : ranked[0]
        ? `; ${ranked[0].tenet.id} looks relevant (the memo ${whyRelevant(ranked[0])})`
        : '; no tenet of the registry stands out as relevant, so cite the ones this decision applies';
    report({
      range: entry ? entry.keyRange : memo.lines.lineRange(0),
      message: entry
        ? `\`tenets\` lists no tenet; expected the ids of the tenets this decision applies${best}.`
        : `This memo cites no tenet; expected \`tenets:\` (or inline \`[[ID]]\`) naming the tenets this decision applies${best}.`,
      fixes,
    });
  },
};

/** Adds several ids to `tenets` in one edit: a new block list, or the ids joined into the value there is. */
function addFrontMatterList(memo: MemoModel, ids: string[]): TextEdit | undefined {
  // tenet-missing fires only when nothing is cited: `tenets` is absent, empty, `[]` or a blank.
  if (!memo.fields.has('tenets')) return addFrontMatterLines(memo, ['tenets:', ...ids.map((id) => `  - ${id}`)]);
  return addToFrontMatterList(memo, 'tenets', ids.join(', '));
}
