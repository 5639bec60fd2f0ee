import type { Position, Range } from 'vscode-languageserver-protocol';

// A writer typing in an editor, as the `didChange` events an incremental-sync client sends:
// one event per keystroke (a character, Enter, Backspace), plus the odd multi-cursor edit,
// paste and cut. The model keeps the text the server should hold after every event, so a
// test can compare the server's view with a fresh check of exactly that text.

/** One `contentChanges` entry: a range of the text before the change, and what replaces it. */
export interface TextChange {
  range: Range;
  text: string;
}

/** A document being typed into: its text, line ending, cursor and LSP version. */
export class TypedDoc {
  version = 1;
  private cursor = 0;

  constructor(
    readonly rel: string,
    public text: string,
    readonly eol: '\n' | '\r\n' = '\n',
  ) {}

  /** The LSP position (line, UTF-16 character) of an offset; `\r\n`, `\n` and `\r` end lines. */
  positionAt(offset: number): Position {
    let line = 0;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 13 && this.text.charCodeAt(i + 1) === 10 && i + 1 < offset) continue;
      if (c === 10 || c === 13) {
        line++;
        lineStart = i + 1;
      }
    }
    return { line, character: offset - lineStart };
  }

  moveTo(offset: number): void {
    this.cursor = offset;
  }

  /** Replaces [start, end) with `insert`; returns the change as the client sends it. */
  replace(start: number, end: number, insert: string): TextChange {
    const change = { range: { start: this.positionAt(start), end: this.positionAt(end) }, text: insert };
    this.text = this.text.slice(0, start) + insert + this.text.slice(end);
    this.cursor = start + insert.length;
    return change;
  }

  /** Types at the cursor (Enter types the document's line ending). */
  type(key: string): TextChange {
    return this.replace(this.cursor, this.cursor, key === '\n' ? this.eol : key);
  }

  /** Deletes the character before the cursor: a whole surrogate pair, a whole `\r\n`. */
  backspace(): TextChange {
    if (this.cursor === 0) throw new Error(`backspace at the start of ${this.rel}`);
    const c = this.text.charCodeAt(this.cursor - 1);
    const before = this.text.charCodeAt(this.cursor - 2);
    const pair = (c >= 0xdc00 && c <= 0xdfff && before >= 0xd800 && before <= 0xdbff) || (c === 10 && before === 13);
    return this.replace(this.cursor - (pair ? 2 : 1), this.cursor, '');
  }

  /** Offset of the end of the first line starting with `prefix` (before its line ending). */
  lineEnd(prefix: string, from = 0): number {
    const start = this.lineStart(prefix, from);
    const m = /[\r\n]/.exec(this.text.slice(start));
    return m ? start + m.index : this.text.length;
  }

  /** Offset of the start of the first line starting with `prefix`. */
  lineStart(prefix: string, from = 0): number {
    for (let i = from; i <= this.text.length; ) {
      if (this.text.startsWith(prefix, i)) return i;
      const m = /\r\n|\n|\r/.exec(this.text.slice(i));
      if (!m) break;
      i += m.index + m[0].length;
    }
    throw new Error(`no line starting with ${JSON.stringify(prefix)} in ${this.rel}:\n${this.text}`);
  }

  hasLine(prefix: string): boolean {
    return new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm').test(this.text);
  }

  /** The rest of the line after `prefix`. */
  valueOf(prefix: string): string {
    const start = this.lineStart(prefix);
    return this.text.slice(start + prefix.length, this.lineEnd(prefix));
  }
}

/** What a burst yields: the changes of one `didChange` event. */
export type Keystrokes = Generator<TextChange[], void, undefined>;
export type Burst = (doc: TypedDoc) => Keystrokes;

function* typeText(doc: TypedDoc, text: string): Keystrokes {
  for (const key of text) yield [doc.type(key)];
}

function* backspaces(doc: TypedDoc, count: number): Keystrokes {
  for (let i = 0; i < count; i++) yield [doc.backspace()];
}

/** Keystrokes deleting `text` typed just before the cursor (one per character, as typed). */
function* untype(doc: TypedDoc, text: string): Keystrokes {
  yield* backspaces(doc, [...text].length);
}

/**
 * What the writer does, in turn. Each burst leaves the memo valid or toggles between two valid
 * states, so the stream can cycle forever; on the way it passes through broken YAML (an open
 * flow list, an unclosed quote, a missing closing fence), invalid dates, unknown tenets, a
 * duplicate memo id and a surrogate pair.
 */
export const BURSTS: Burst[] = [
  // Retitle, then think better of it.
  function* (doc) {
    doc.moveTo(doc.lineEnd('title:'));
    yield* typeText(doc, ' v2');
    yield* backspaces(doc, 3);
  },
  // Add a second owner, or take it away again: `owners: [alice` is broken YAML in between.
  function* (doc) {
    doc.moveTo(doc.lineEnd('owners:'));
    if (doc.valueOf('owners:').endsWith(', bob]')) {
      yield* backspaces(doc, 6);
      yield* typeText(doc, ']');
    } else {
      yield* backspaces(doc, 1);
      yield* typeText(doc, ', bob]');
    }
  },
  // Flip the status between proposed and accepted (accepted wants an approver).
  function* (doc) {
    doc.moveTo(doc.lineEnd('status:'));
    const current = doc.valueOf('status: ');
    yield* untype(doc, current);
    yield* typeText(doc, current === 'proposed' ? 'accepted' : 'proposed');
  },
  // A consulted line with an open flow list for a while, then gone.
  function* (doc) {
    doc.moveTo(doc.lineEnd('reversibility:'));
    yield* typeText(doc, '\nconsulted: [bob');
    yield* typeText(doc, ']');
    yield* untype(doc, '\nconsulted: [bob]');
  },
  // Cite and judge another tenet in the body (an unknown id while it is being typed), or cut that line.
  function* (doc) {
    const cited = '- [[ENG-LATENCY]]';
    if (doc.hasLine('- [[PROD-SIMPLE]]')) {
      yield [doc.replace(doc.lineEnd(cited), doc.lineEnd('- [[PROD-SIMPLE]]'), '')];
    } else {
      doc.moveTo(doc.lineEnd(cited));
      yield* typeText(doc, '\n- [[PROD-SIMPLE]] ✓ keeps onboarding simple.');
    }
  },
  // An emoji (two UTF-16 units, one keystroke) typed and deleted.
  function* (doc) {
    doc.moveTo(doc.lineEnd('Claim:'));
    yield* typeText(doc, ' 😀');
    yield* backspaces(doc, 2);
  },
  // Quote the title: an unclosed quote breaks the YAML until the closing one is typed.
  function* (doc) {
    const valueStart = doc.lineStart('title:') + 'title: '.length;
    doc.moveTo(valueStart);
    yield* typeText(doc, '"');
    doc.moveTo(doc.lineEnd('title:'));
    yield* typeText(doc, '"');
    yield* backspaces(doc, 1);
    doc.moveTo(valueStart + 1);
    yield* backspaces(doc, 1);
  },
  // Delete the closing fence and type it again: for a moment the whole memo is front matter.
  function* (doc) {
    const closing = doc.lineStart('---', doc.lineEnd('---') + 1);
    doc.moveTo(closing + 3);
    yield* backspaces(doc, 3);
    yield* typeText(doc, '---');
  },
  // Retype the month and day: 2026-13-45 is not a date, and neither is anything in between.
  function* (doc) {
    doc.moveTo(doc.lineEnd('date:'));
    const next = doc.valueOf('date: ').endsWith('05-01') ? '13-45' : '05-01';
    yield* backspaces(doc, 5);
    yield* typeText(doc, next);
  },
  // Multi-cursor: one character at the end of two lines in one event, then removed in one event.
  function* (doc) {
    const a = doc.replace(doc.lineEnd('Claim:'), doc.lineEnd('Claim:'), '!');
    const b = doc.replace(doc.lineEnd('Boundary:'), doc.lineEnd('Boundary:'), '!');
    yield [a, b];
    const c = doc.replace(doc.lineEnd('Claim:') - 1, doc.lineEnd('Claim:'), '');
    const d = doc.replace(doc.lineEnd('Boundary:') - 1, doc.lineEnd('Boundary:'), '');
    yield [c, d];
  },
  // Paste a section at the end, then cut it.
  function* (doc) {
    const block = ['', '## Consequences', '', 'We will watch the [[ENG-LATENCY]] hit rate weekly.', ''].join(doc.eol);
    const at = doc.text.length;
    yield [doc.replace(at, at, block)];
    yield [doc.replace(at, at + block.length, '')];
  },
  // Qualify the evidence's limitation, then take it back.
  function* (doc) {
    doc.moveTo(doc.lineEnd('    limits:'));
    yield* typeText(doc, ' and one region');
    yield* untype(doc, ' and one region');
  },
  // Start a supersedes link to a memo that does not link back, then delete it.
  function* (doc) {
    doc.moveTo(doc.lineEnd('tenets:'));
    yield* typeText(doc, '\nsupersedes: "0003"');
    yield* untype(doc, '\nsupersedes: "0003"');
  },
  // Change the last digit of the id (to the next memo's id: a duplicate), or back.
  function* (doc) {
    doc.moveTo(doc.lineEnd('id:'));
    const id = doc.valueOf('id: ').replace(/"/g, '');
    const own = /(\d{4})-/.exec(doc.rel)![1]!;
    const last = Number(own.slice(-1));
    const next = id === own ? String(last === 9 ? 8 : last + 1) : own.slice(-1);
    yield* backspaces(doc, 2);
    yield* typeText(doc, `${next}"`);
  },
];

/** Keystrokes forever: the bursts in turn, starting at `first`. */
export function* typingStream(doc: TypedDoc, first = 0): Keystrokes {
  for (let i = first; ; i++) yield* BURSTS[i % BURSTS.length]!(doc);
}

/** A memo every burst can edit (each anchor line present), numbered `n`. */
export function burstableMemo(n: number, eol: '\n' | '\r\n' = '\n'): string {
  const id = String(n).padStart(4, '0');
  return [
    '---',
    `id: "${id}"`,
    `title: Cache the search results, part ${n}`,
    'status: proposed',
    'date: 2026-05-01',
    'owners: [alice]',
    'reversibility: costly',
    'tenets: [ENG-LATENCY]',
    'evidence:',
    '  - path: ../evidence/slo.md',
    '    limits: four-week window only',
    '---',
    `# Cache the search results, part ${n}`,
    '',
    '## Relevant tenets',
    '',
    '- [[ENG-LATENCY]] ✓ a cache cuts p95 latency of the search API.',
    '',
    'Claim: We believe a cache keeps search p95 under 200 ms because most queries repeat within an hour.',
    'Boundary: This reduces uncertainty about latency; it does not prove the cache stays consistent.',
    '',
  ].join(eol);
}
