// Shapes of markdown on which remark (micromark) takes time that grows with the square of the
// input or worse, measured on micromark 4: `- - - - …` or `> > > …` nested thousands deep
// (8,000 levels on one line: about 50 s), thousands of list items that each hold another list
// or quote (`- - x` on 4,000 lines: about 2 s; 5,000 lines of `- - - … x` 31 deep: over a
// minute), thousands of separate block quotes (`> a` and a blank line, 4,000 times: about
// 1.3 s), thousands of setext headings (`Title` over `===`; 4,000 of them: about 5 s),
// thousands of emphasis or link delimiters in one paragraph (`*a*a*a…`, `[a][a]…`; the cost
// grows with the square of each paragraph's count), and thousands of unclosed `<!--`, `<!X` or
// `<?` in one paragraph (4,000 in 36 KB: about 2.5 s). No memo looks like this, so past these
// limits the memo is read with the line scanner instead (ATX headings and fenced code only),
// which is linear. The limits sit far above what a memo holds and well below where the cost
// shows: at a limit, remark takes a few hundred milliseconds at most.

/** Container levels (block quotes, list items, two columns of indentation) at the start of one line. */
const MAX_CONTAINER_DEPTH = 48;
/** Containers opened inside another container (a list in a list item, a quote in a list item), over the whole text. */
const MAX_NESTED_CONTAINERS = 1000;
/** Lines that start a list item or a block quote, over the whole text. */
const MAX_CONTAINER_STARTS = 1500;
/** Lines that could underline a setext heading (`===`, `---`). */
const MAX_SETEXT_UNDERLINES = 300;
/** Emphasis and link delimiters (`*`, `_`, `[`, `]`) in one block of consecutive non-blank lines. */
const MAX_DELIMITERS_PER_BLOCK = 3000;
/** The sum over blocks of the square of their delimiter counts: the work those blocks cost together. */
const MAX_DELIMITER_WORK = 50_000_000;
/**
 * The sum over blocks of (`<!` and `<?` openers) × (the block's length): each unclosed comment,
 * declaration or processing instruction is looked for an end through the rest of its paragraph.
 */
const MAX_INLINE_HTML_WORK = 8_000_000;

const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;

/** Why remark should not read this text (a limit it passes), or undefined when remark may. Linear in the text. */
export function remarkLimitExceeded(text: string): string | undefined {
  let setext = 0;
  let nested = 0;
  let starts = 0;
  let previousQuoted = false;
  let delimiters = 0;
  let delimiterWork = 0;
  let htmlOpeners = 0;
  let blockChars = 0;
  let htmlWork = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    const prefix = containerPrefix(text, lineStart, lineEnd);
    if (prefix.depth > MAX_CONTAINER_DEPTH) return `a line nested more than ${MAX_CONTAINER_DEPTH} levels deep`;
    nested += Math.max(0, prefix.markers - 1) + (prefix.markers > 0 && prefix.leadingColumns >= 2 ? 1 : 0);
    if (nested > MAX_NESTED_CONTAINERS) return `more than ${MAX_NESTED_CONTAINERS} nested lists or quotes`;
    // Consecutive `>` lines continue one quote; each list marker starts an item.
    if (prefix.markers > 0 && !(prefix.quoted && previousQuoted)) starts++;
    previousQuoted = prefix.quoted;
    if (starts > MAX_CONTAINER_STARTS) return `more than ${MAX_CONTAINER_STARTS} list items or quotes`;
    const line = text.slice(lineStart, lineEnd);
    if (SETEXT_UNDERLINE.test(line) && ++setext > MAX_SETEXT_UNDERLINES) return `more than ${MAX_SETEXT_UNDERLINES} setext underlines`;
    if (line.trim() === '') {
      delimiterWork += delimiters * delimiters;
      htmlWork += htmlOpeners * blockChars;
      delimiters = htmlOpeners = blockChars = 0;
    } else {
      blockChars += lineEnd - lineStart + 1;
      for (let i = lineStart; i < lineEnd; i++) {
        const c = text.charCodeAt(i);
        if (c === 42 /* * */ || c === 95 /* _ */ || c === 91 /* [ */ || c === 93 /* ] */) delimiters++;
        else if (c === 60 /* < */ && (text.charCodeAt(i + 1) === 33 /* ! */ || text.charCodeAt(i + 1) === 63) /* ? */) htmlOpeners++;
      }
      if (delimiters > MAX_DELIMITERS_PER_BLOCK) return `more than ${MAX_DELIMITERS_PER_BLOCK} emphasis or link delimiters in one block`;
    }
    if (delimiterWork + delimiters * delimiters > MAX_DELIMITER_WORK) return 'too many emphasis or link delimiters';
    if (htmlWork + htmlOpeners * blockChars > MAX_INLINE_HTML_WORK) return 'too many unclosed HTML comments or declarations';
    // A \r\n pair ends one line.
    lineStart = lineEnd + (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
  }
  return undefined;
}

interface ContainerPrefix {
  /** Block quote and list markers in the line's leading run. */
  markers: number;
  /** Columns of white space before the first marker (a list item indented under another). */
  leadingColumns: number;
  /** The first marker is `>`: the line is in a block quote. */
  quoted: boolean;
  /**
   * An upper estimate of the containers the line opens or continues: its markers, plus one
   * level per two columns of white space (a list item's content sits at least two columns
   * deeper than its parent's).
   */
  depth: number;
}

function containerPrefix(text: string, start: number, end: number): ContainerPrefix {
  let markers = 0;
  let columns = 0;
  let leadingColumns = 0;
  let quoted = false;
  let i = start;
  while (i < end && markers + (columns >> 1) <= MAX_CONTAINER_DEPTH) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) {
      const width = c === 9 ? 4 : 1;
      columns += width;
      if (markers === 0) leadingColumns += width;
    } else if (c === 62 /* > */) {
      if (markers === 0) quoted = true;
      markers++;
    }
    else if ((c === 45 || c === 42 || c === 43) /* - * + */ && isSpaceOrEnd(text, i + 1, end)) markers++;
    else if (c >= 48 && c <= 57) {
      // An ordered list marker: up to nine digits, then `.` or `)`, then a space.
      let j = i;
      while (j < end && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      const d = text.charCodeAt(j);
      if ((d !== 46 && d !== 41) || !isSpaceOrEnd(text, j + 1, end)) break;
      markers++;
      i = j;
    } else break;
    i++;
  }
  return { markers, leadingColumns, quoted, depth: markers + (columns >> 1) };
}

function isSpaceOrEnd(text: string, i: number, end: number): boolean {
  return i >= end || text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9;
}
