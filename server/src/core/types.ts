// Plain data shapes shared by the core, the rules, the CLI and the LSP adapters.
// Positions follow LSP conventions (0-based line, UTF-16 character) so the language
// server can hand them over unchanged; the CLI adds 1 when it prints them.

import type { Severity } from '../shared/vocabulary';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}


/** A replacement of the text between two offsets of a document. */
export interface TextEdit {
  range: Range;
  newText: string;
  /**
   * The same text as an editor snippet (`${1:OWNER}` tab stops, `${1|a,b|}` choices), for
   * clients that insert snippets: the first blank is selected, Tab goes to the next. Plain
   * `newText` is what every other client (and "fix all", and the CLI) applies.
   */
  snippet?: string;
}

/** A quick fix: a titled set of edits, each confined to one file. */
export interface Fix {
  title: string;
  /** Edits to the file the diagnostic is on. */
  edits: TextEdit[];
  /** A file to create (for evidence-not-found), as a workspace-relative path and its content. */
  createFile?: { path: string; content: string };
  /** The fix is the obvious one: editors may apply it with a single key. */
  isPreferred?: boolean;
  /** Safe to apply without looking (used by "fix all"). */
  safe?: boolean;
}

export interface RelatedLocation {
  /** Workspace-relative path with `/` separators. */
  file: string;
  range: Range;
  message: string;
}

export interface Diagnostic {
  rule: string;
  severity: Severity;
  message: string;
  /** Workspace-relative path with `/` separators. */
  file: string;
  range: Range;
  related?: RelatedLocation[];
  fixes?: Fix[];
  /** Silenced by a suppression comment in the memo (kept for SARIF, which reports it as suppressed; every other output leaves it out). */
  suppressed?: { justification?: string };
}

/** A value read from YAML together with where it stands in the document. */
export interface Located<T> {
  value: T;
  range: Range;
}
