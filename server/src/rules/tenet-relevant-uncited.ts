import { addToFrontMatterList, canEditFrontMatter } from '../core/fixes/fixEdits';
import { isClosed } from '../core/memo/lifecycle';
import { isStronglyRelevant, rankTenets } from '../core/relevance/relevance';
import type { MemoRule } from '../core/check/rule';
import { citableTenets } from '../core/tenets/tenetScope';

/** A memo gets at most this many hints: beyond that they stop being read. */
const MAX_HINTS = 3;
/** Matched words shown in a message. */
const MAX_WORDS = 5;

export const tenetRelevantUncited: MemoRule = {
  id: 'tenet-relevant-uncited',
  target: 'memo',
  description: 'A tenet whose tags and words the memo uses strongly is cited (and judged) by the memo.',
  defaultSeverity: 'hint',
  check(memo, ctx, report) {
    // A memo that cites nothing gets tenet-missing, whose fixes already rank these tenets.
    if (isClosed(memo) || memo.citations.length === 0) return;
    const registry = ctx.registry;
    const cited = new Set(memo.citations.map((c) => c.id));
    // Citing a tenet covers the tenets it interprets: a memo citing ENG-LATENCY is not asked for its parent CO-TRUST.
    const covered = new Set<string>();
    for (const id of cited) {
      const tenet = registry.get(id);
      if (tenet) for (const t of registry.chain(tenet)) covered.add(t.id);
    }
    const candidates = citableTenets(memo, registry).filter((t) => !cited.has(t.id) && !covered.has(t.id));
    const hints = rankTenets(memo, candidates).filter(isStronglyRelevant).slice(0, MAX_HINTS);
    const range = memo.title?.range ?? memo.lines.lineRange(0);
    const editable = canEditFrontMatter(memo);
    for (const r of hints) {
      const { tenet } = r;
      const edit = editable ? addToFrontMatterList(memo, 'tenets', tenet.id) : undefined;
      const name = tenet.title ? `${tenet.id} (${tenet.title})` : tenet.id;
      // Tags first: they are the words the tenet's authors chose to describe it.
      const isTag = (term: string) => tenet.tags.some((tag) => tag === term || tag === `${term}s`);
      const words = [...r.matched].sort((a, b) => Number(isTag(b)) - Number(isTag(a))).slice(0, MAX_WORDS).join(', ');
      report({
        range,
        message: `Tenet ${name} looks relevant (the memo mentions ${words}) but is not cited; cite it and judge it, or leave it out if it does not apply.`,
        related: [{ file: tenet.file, range: tenet.idRange, message: `${tenet.id}: ${tenet.statement || 'defined here'}` }],
        fixes: edit ? [{ title: `Cite ${tenet.id} in \`tenets\``, edits: [edit], isPreferred: true }] : [],
      });
    }
  },
};
