import type { TenetLayer } from '../../shared/vocabulary';
import type { Located, Range } from '../types';
import type { YamlProblem } from '../yaml/yamlTree';

/** Higher layers interpret nothing; a parent must sit on a strictly higher layer. */
export const LAYER_RANK: Record<TenetLayer, number> = { company: 0, function: 1, team: 2 };

export interface TenetDefinition {
  id: string;
  /** Workspace-relative path of the tenet file. */
  file: string;
  idRange: Range;
  /** The heading (markdown) or the list item (YAML) that defines the tenet. */
  range: Range;
  title: string | undefined;
  layer: Located<string> | undefined;
  /** `function:` as written (engineering, product, …). */
  function: string | undefined;
  team: string | undefined;
  parent: Located<string> | undefined;
  tags: string[];
  /** Words and phrases the tenet's authors accept as naming its subject (`aliases: [response time, p99]`). */
  aliases: string[];
  statement: string;
  statementRange: Range;
  status: 'active' | 'retired';
}

export interface TenetFile {
  file: string;
  text: string;
  tenets: TenetDefinition[];
  /** YAML errors and structural problems, reported as `tenet-file-invalid`. */
  problems: YamlProblem[];
}
