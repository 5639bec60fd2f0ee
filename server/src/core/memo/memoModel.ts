import type { MemoStatus } from '../../shared/vocabulary';
import type { LineIndex } from '../text/lineIndex';
import type { Suppression } from '../check/suppressions';
import type { BodyStructures } from './structureModel';
import type { Located, Range } from '../types';
import type { YamlEntry, YamlMap, YamlProblem, YamlValue } from '../yaml/yamlTree';

export interface FrontMatter {
  /** From the opening `---` to the end of the closing fence line. */
  range: Range;
  /** Offsets of the YAML text between the fences. */
  contentStart: number;
  contentEnd: number;
  /** Undefined when the YAML did not parse into a mapping. */
  map: YamlMap | undefined;
  /** The root value when it is not a mapping (e.g. a bare string). */
  nonMapRoot: YamlValue | undefined;
  problems: YamlProblem[];
  /** True when the opening fence has no closing fence. */
  unclosed: boolean;
}

export interface Section {
  title: string;
  depth: number;
  /** The heading line. */
  headingRange: Range;
  /** From the heading to just before the next heading of the same or a higher level. */
  range: Range;
}

export interface BodyLine {
  /** The whole line as written. */
  range: Range;
  /** The sentence after the `Claim:` / `Boundary:` keyword. */
  text: string;
  textRange: Range;
}

export interface Citation {
  id: string;
  range: Range;
  source: 'front-matter' | 'inline';
}

export interface Verdict {
  id: string;
  verdict: 'supports' | 'conflicts';
  reason: string;
  range: Range;
}

export interface EvidenceEntry {
  /** A workspace path or a URL. */
  target: string;
  kind: 'path' | 'url';
  targetRange: Range;
  /** The whole list item. */
  range: Range;
  limits: Located<string> | undefined;
  date: Located<string> | undefined;
  /** The item is a map (`- path: …`), so `limits:` can be added inside it. */
  isMap: boolean;
  /** Where an entry stands when it is neither a string nor a map with `path`/`url`. */
  malformed?: string;
  /** The key of a `path:` (or `url:`) written with no value yet. */
  emptyTarget?: Range;
}

/** A line of prose, marked when it only names things (a short list item or table row: an agenda, a list of metrics). */
export interface ProseLine {
  text: string;
  mention: boolean;
}

/** Where a field's value came from: the front matter, or a MADR/Nygard convention in the body. */
export interface FieldSource<T> extends Located<T> {
  from: 'front-matter' | 'body';
}

/** Everything the rules need to know about one memo, read once. */
export interface MemoModel {
  /** Workspace-relative path with `/` separators. */
  file: string;
  text: string;
  lines: LineIndex;
  frontMatter: FrontMatter | undefined;
  /** Front matter entries by key (first occurrence). */
  fields: Map<string, YamlEntry>;
  id: Located<string> & { derived: boolean };
  title: Located<string> | undefined;
  /** Raw status text as written; normalised in `statusValue`. */
  status: FieldSource<string> | undefined;
  /** The normalised status, or undefined when absent or unknown. */
  statusValue: MemoStatus | undefined;
  /** For `superseded by 0007` written in the status itself. */
  statusSupersededBy: Located<string> | undefined;
  date: FieldSource<string> | undefined;
  owners: Located<string>[];
  /** The key owners were found under (`owners`, `deciders`, …), for messages and fixes. */
  ownersEntry: YamlEntry | undefined;
  approver: Located<string>[];
  consulted: Located<string>[];
  informed: Located<string>[];
  reversibility: Located<string> | undefined;
  scope: Located<string> | undefined;
  /** `decision-type`: a type of the authority matrix. */
  decisionType: Located<string> | undefined;
  /** `impact`: the escalation triggers the memo says apply (as written). */
  impact: Located<string>[];
  /** `spend`: money committed, as written (a number, or `50k`, `$50,000`). */
  spend: Located<string> | undefined;
  citations: Citation[];
  verdicts: Verdict[];
  evidence: EvidenceEntry[];
  evidenceEntry: YamlEntry | undefined;
  supersedes: Located<string>[];
  supersededBy: Located<string>[];
  claims: BodyLine[];
  boundaries: BodyLine[];
  sections: Section[];
  /** Offset where the markdown body starts (after front matter). */
  bodyStart: number;
  /** The body's prose lines (headings included; code and front matter not), for tenet relevance. Read on first use. */
  readonly prose: ProseLine[];
  /** The method's structures (alignment sheets, scorecards, evidence logs, invalidation lines). Read on first use. */
  readonly structures: BodyStructures;
  /** The body's suppression comments (`<!-- decision-memos-disable… -->`), in order. Read on first use. */
  readonly suppressions: Suppression[];
}
