import type { MemoModel } from '../memo/memoModel';
import type { TenetDefinition } from './tenetModel';
import type { TenetRegistry } from './tenetRegistry';
import type { Range } from '../types';

// Which tenets apply to a memo, from its `scope`. A scope is `company`, a function
// (engineering, product, …) or a team; the registry tells which: a function is a name some
// tenet gives as its `function:`, a team one some tenet gives as its `team:`. A scope the
// registry does not know cannot be told apart (a team without tenets of its own looks just like
// an unknown function), so it restricts nothing rather than guess.

export type MemoScope =
  | { kind: 'company'; range: Range }
  | { kind: 'function'; function: string; range: Range }
  | { kind: 'team'; team: string; /** Undefined when the team's tenets do not say. */ function: string | undefined; range: Range };

/** The memo's scope as the registry understands it; undefined when absent or unknown. */
export function memoScope(memo: MemoModel, registry: TenetRegistry): MemoScope | undefined {
  const written = memo.scope;
  if (!written) return undefined;
  const name = written.value.trim().toLowerCase();
  if (name === 'company') return { kind: 'company', range: written.range };
  const all = registry.all;
  if (all.some((t) => t.function === name)) return { kind: 'function', function: name, range: written.range };
  if (all.some((t) => t.team === name)) return { kind: 'team', team: name, function: registry.functionOfTeam(name), range: written.range };
  return undefined;
}

/**
 * Why a tenet lies outside a scope, as a phrase ("an engineering tenet", "a tenet of team
 * search"), or undefined when it applies. Company tenets apply everywhere; a function's tenets
 * apply to the function and its teams; a team's tenets apply to that team only.
 */
export function outOfScopeReason(tenet: TenetDefinition, scope: MemoScope | undefined, registry: TenetRegistry): string | undefined {
  if (!scope || scope.kind === 'company' || registry.layerOf(tenet) === 'company') return undefined;
  const tenetFunction = registry.functionOf(tenet);
  if (scope.function !== undefined && tenetFunction !== undefined && tenetFunction !== scope.function) {
    return tenet.team ? `a tenet of team ${tenet.team} (${tenetFunction})` : `${/^[aeiou]/.test(tenetFunction) ? 'an' : 'a'} ${tenetFunction} tenet`;
  }
  if (scope.kind === 'team' && tenet.team !== undefined && tenet.team !== scope.team) return `a tenet of team ${tenet.team}`;
  return undefined;
}

/** How a scope reads in a message: "product", "team search". */
export function describeScope(scope: MemoScope): string {
  return scope.kind === 'company' ? 'the company' : scope.kind === 'function' ? scope.function : `team ${scope.team}`;
}

/** Active tenets that apply to the memo's scope: what the memo may be asked to cite. */
export function citableTenets(memo: MemoModel, registry: TenetRegistry): TenetDefinition[] {
  const scope = memoScope(memo, registry);
  return registry.all.filter((t) => t.status === 'active' && outOfScopeReason(t, scope, registry) === undefined);
}
