import type { RelatedLocation } from '../core/types';
import type { MemoRule } from '../core/check/rule';
import { describeScope, memoScope, outOfScopeReason } from '../core/tenets/tenetScope';

export const tenetOutOfScope: MemoRule = {
  id: 'tenet-out-of-scope',
  target: 'memo',
  description: 'A memo scoped to a function or a team cites tenets of that function or team (or of the company), not of another.',
  defaultSeverity: 'info',
  check(memo, ctx, report) {
    const registry = ctx.registry;
    const scope = memoScope(memo, registry);
    if (!scope || scope.kind === 'company') return;
    // Once per tenet: the front matter entry and the verdict line are the same citation twice.
    const seen = new Set<string>();
    for (const citation of memo.citations) {
      if (seen.has(citation.id)) continue;
      seen.add(citation.id);
      const tenet = registry.get(citation.id);
      if (!tenet) continue;
      const reason = outOfScopeReason(tenet, scope, registry);
      if (!reason) continue;
      const related: RelatedLocation[] = [
        { file: tenet.file, range: tenet.idRange, message: `\`${tenet.id}\` is defined here.` },
        { file: memo.file, range: scope.range, message: `The memo's scope is ${describeScope(scope)}.` },
      ];
      const inScope = scope.kind === 'team' && scope.function ? `team ${scope.team}, of ${scope.function}` : describeScope(scope);
      report({
        range: citation.range,
        message: `Tenet \`${tenet.id}\` is ${reason}, outside this memo's scope (${describeScope(scope)}); expected tenets of ${inScope} or of the company, or a wider \`scope\`.`,
        related,
      });
    }
  },
};
