import type { AuthorityMatrix } from '../authority/authorityMatrix';
import type { SuppressionResult } from './suppressions';
import type { BaseRef } from '../workspace/baseRef';
import type { ResolvedConfig } from '../workspace/config';
import type { MemoIndex } from '../workspace/memoIndex';
import type { MemoModel } from '../memo/memoModel';
import type { RelevanceModel } from '../relevance/model';
import type { PeopleDirectory } from '../workspace/people';
import type { TenetFile } from '../tenets/tenetModel';
import type { TenetRegistry } from '../tenets/tenetRegistry';
import { type Fix, type Range, type RelatedLocation } from '../types';
import type { WorkspaceFs } from '../workspace/workspaceFs';
import { type Severity } from '../../shared/vocabulary';

/** What a rule may look at besides the file it checks. Read-only by convention. */
export interface RuleContext {
  config: ResolvedConfig;
  registry: TenetRegistry;
  people: PeopleDirectory | undefined;
  /** The decision authority matrix, when the workspace has one. */
  authority: AuthorityMatrix | undefined;
  memos: MemoIndex;
  fs: WorkspaceFs;
  /** Today's date as `YYYY-MM-DD` (injected so tests do not depend on the clock). */
  today: string;
  /** Which tenets a memo should consider (built on first use, kept while the registry is unchanged). */
  readonly relevance: RelevanceModel;
  /** The branch this one will merge into, when the CLI was given `--base REF`; rules that compare with it stay quiet without. */
  base?: BaseRef;
}

export interface Finding {
  range: Range;
  message: string;
  related?: RelatedLocation[];
  fixes?: Fix[];
}

export type Report = (finding: Finding) => void;

interface RuleMeta {
  /** Stable id: the diagnostic code, the settings key and the doc page name. */
  id: string;
  /** One sentence for docs, settings and SARIF. */
  description: string;
  defaultSeverity: Severity;
}

export interface MemoRule extends RuleMeta {
  target: 'memo';
  /** The rule reads only the body (or reports the front matter itself): it runs while the front matter is broken. */
  bodyOnly?: true;
  check(memo: MemoModel, ctx: RuleContext, report: Report): void;
  /**
   * Called after every rule has run and the memo's suppression comments have been applied, with
   * the comments (or the rules they name) that silenced nothing: only the checker knows that.
   */
  checkSuppressions?(memo: MemoModel, unused: SuppressionResult['unused'], report: Report): void;
}

export interface TenetRule extends RuleMeta {
  target: 'tenet-file';
  check(file: TenetFile, ctx: RuleContext, report: Report): void;
}

/** Problems found while loading files (config, people, tenet files, unreadable memos). */
export interface LoadRule extends RuleMeta {
  target: 'load';
}

export type Rule = MemoRule | TenetRule | LoadRule;

/** The doc page a diagnostic links to. */
export function ruleDocUrl(id: string): string {
  return `https://github.com/decision-memos/decision-memos/blob/main/docs/rules/${id}.md`;
}
