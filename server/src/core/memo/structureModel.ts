import type { Range } from '../types';

// The method's structures in a memo body (memo-format v2 "Body structures"): the alignment sheet,
// scorecards, the evidence log and claim invalidation lines, each part and cell with its exact
// range. Read by structures.ts from remark's list, paragraph and table nodes.

/** A `Label: value` line (bold or not, bulleted or not). */
export interface LabelledPart {
  /** The canonical label (`aim`, `mechanism`, `feedback`, `stage gate`, `guardrail`, `owner and cadence`, `owner`, `cadence`, `decision owner`, `escalation path`). */
  label: string;
  /** The label as written, and where. */
  written: string;
  labelRange: Range;
  /** The text after the colon (trimmed; markdown emphasis kept as written). */
  value: string;
  valueRange: Range;
  /** The whole line or list item. */
  range: Range;
  /** Sub-items of a list item (feedback signals as sub-bullets). */
  items: { text: string; range: Range }[];
}

/** A cell of a table, with its text (markdown kept as written, trimmed). */
export interface TableCell {
  text: string;
  range: Range;
}

export interface TableRow {
  cells: TableCell[];
  range: Range;
}

/** A markdown table: its header cells by canonical column name, and its data rows. */
export interface TableModel {
  header: TableRow;
  /** Canonical column name → index (columns the reader does not know are left out). */
  columns: Map<string, number>;
  rows: TableRow[];
  range: Range;
}

export interface AlignmentSheet {
  headingRange: Range;
  range: Range;
  /** Parts by canonical label (the first of each). */
  parts: Map<string, LabelledPart>;
}

export interface Scorecard {
  headingRange: Range;
  range: Range;
  /** The table with Signal/Threshold/Cadence columns, if any. */
  signals: TableModel | undefined;
  /** The table with Dependency/Owner/Monitoring columns, if any. */
  dependencies: TableModel | undefined;
  decisionOwner: LabelledPart | undefined;
  escalationPath: LabelledPart | undefined;
}

export interface EvidenceLog {
  headingRange: Range;
  range: Range;
  table: TableModel | undefined;
}

/** An `Invalidated if:` (or `Invalidation:`) line. */
export interface InvalidationLine {
  text: string;
  textRange: Range;
  range: Range;
}

export interface BodyStructures {
  sheets: AlignmentSheet[];
  scorecards: Scorecard[];
  logs: EvidenceLog[];
  invalidations: InvalidationLine[];
}
