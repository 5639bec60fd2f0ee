import { replaceRange, yamlScalar } from '../core/fixes/fixEdits';
import type { MemoRule } from '../core/check/rule';
import { closestMatches } from '../core/text/suggest';
import type { Fix } from '../core/types';
import { findDecisionType } from '../core/authority/authorityMatrix';

/** Types offered when none is close: a short matrix is offered whole. */
const MAX_OFFERED = 5;

export const decisionTypeUnknown: MemoRule = {
  id: 'decision-type-unknown',
  target: 'memo',
  description: 'A memo\'s `decision-type` is a type of the decision authority matrix (`authority.yaml`), when the workspace has one.',
  defaultSeverity: 'error',
  check(memo, ctx, report) {
    const matrix = ctx.authority;
    const written = memo.decisionType;
    if (!matrix || !written || findDecisionType(matrix, written.value)) return;
    // A matrix that could not be read, or a row of it left out for an error: config-invalid says
    // what is wrong on the matrix; the memo may well name the type rightly.
    if (!matrix.readable || matrix.leftOut.has(written.value.trim().toLowerCase())) return;
    const close = closestMatches(
      written.value,
      matrix.types.map((t) => ({ value: t.id, keys: [t.id, t.title ?? ''] })),
    ).map((s) => s.value);
    const offered = close.length > 0 ? close : matrix.types.slice(0, MAX_OFFERED).map((t) => t.id);
    const fixes: Fix[] = offered.map((id, i) => {
      const title = matrix.types.find((t) => t.id === id)?.title;
      return { title: `Change to \`${id}\`${title ? ` (${title})` : ''}`, edits: [replaceRange(memo, written.range, yamlScalar(id))], ...(i === 0 && close.length > 0 ? { isPreferred: true } : {}) };
    });
    const known = matrix.types.length === 0 ? `${matrix.file} defines no decision type` : close.length > 0 ? `did you mean ${close.map((c) => `\`${c}\``).join(' or ')}?` : `the types are ${matrix.types.slice(0, MAX_OFFERED).map((t) => `\`${t.id}\``).join(', ')}${matrix.types.length > MAX_OFFERED ? ', …' : ''}`;
    report({ range: written.range, message: `\`${written.value}\` is not a decision type of ${matrix.file}; ${known}${known.endsWith('?') ? '' : '.'}`, fixes });
  },
};
