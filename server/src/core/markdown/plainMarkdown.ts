import type { Heading, MarkdownStructure } from './markdownStructure';

// The fast path of the markdown reader. Most memos are "plain" markdown: ATX headings,
// paragraphs, flat lists, tables, links, fenced code and inline code on one line. For those
// a single pass over the lines finds exactly what remark would (headings with their text,
// and the code spans and blocks where `Claim:` and `[[ID]]` are not prose), about 500 times
// faster. Anything this scanner cannot be sure about — HTML, block quotes, indented code,
// setext headings, code spans across lines, headings with inline markup — makes it give up
// (return undefined), and the caller parses with remark. A differential test checks that
// whenever the scanner answers, its answer equals remark's.

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const ATX_START = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
/** Characters that give a heading inline markup remark would strip or transform. */
const HEADING_MARKUP = /[*_`[\]\\<>&!~]/;
const FRONT_MATTER_OPEN = /^---[ \t]*$/;
const FRONT_MATTER_CLOSE = /^(?:---|\.\.\.)[ \t]*$/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/** Exact structure of plain markdown, or undefined when remark must decide. */
export function scanPlainMarkdown(text: string): MarkdownStructure | undefined {
  // HTML (tags, comments, autolinks) and entity-escaped backticks are remark's to read.
  if (/<[A-Za-z/!?]/.test(text) || text.includes('\\`')) return undefined;
  const headings: Heading[] = [];
  const excluded: Array<[number, number]> = [];
  const lines = splitLines(text);
  let i = 0;
  if (lines.length > 0 && FRONT_MATTER_OPEN.test(lines[0]!.text)) {
    const close = lines.findIndex((l, k) => k > 0 && FRONT_MATTER_CLOSE.test(l.text));
    // remark-frontmatter closes only with `---`; leave the rarer `...` to it.
    if (close < 0 || lines[close]!.text.startsWith('.')) return undefined;
    excluded.push([0, lines[close]!.end]);
    i = close + 1;
  }
  let fence: { char: string; length: number; start: number; indent: number } | undefined;
  let previousBlank = true;
  let previousWasParagraph = false;
  for (; i < lines.length; i++) {
    const { text: line, start, end } = lines[i]!;
    if (fence) {
      const close = /^( {0,3})(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[2]![0] === fence.char && close[2]!.length >= fence.length) {
        // An indented fence may sit in a list item; a closer at another indent may belong elsewhere.
        if (fence.indent > 0 && close[1]!.length !== fence.indent) return undefined;
        excluded.push([fence.start, end]);
        fence = undefined;
        previousBlank = true;
        previousWasParagraph = false;
      } else if (fence.indent > 0 && line.trim() !== '' && leadingSpaces(line) < fence.indent) {
        // A line less indented than an indented fence may end a list item around it.
        return undefined;
      }
      continue;
    }
    const blank = line.trim() === '';
    if (!blank) {
      const indent = leadingSpaces(line);
      if (/^ *\t/.test(line) || indent >= 4) return undefined;
      const quote = /^(?: {0,3}> ?)+/.exec(line);
      if (quote) {
        // Quoted prose is read like any line; a quoted block (heading, fence, code, list) is remark's.
        const content = line.slice(quote[0].length);
        if (/^(?: {4,}|\t)/.test(content) || ATX_START.test(content) || FENCE_OPEN.test(content) || LIST_ITEM.test(content) || SETEXT_UNDERLINE.test(content)) return undefined;
        if (!codeSpans(content, start + quote[0].length, excluded)) return undefined;
        previousWasParagraph = false;
        previousBlank = false;
        continue;
      }
      if (SETEXT_UNDERLINE.test(line) && previousWasParagraph) return undefined;
      const open = FENCE_OPEN.exec(line);
      if (open) {
        // A backtick fence whose info string holds a backtick is not a fence but inline code.
        if (open[2]![0] === '`' && open[3]!.includes('`')) return undefined;
        fence = { char: open[2]![0]!, length: open[2]!.length, start, indent: open[1]!.length };
        previousWasParagraph = false;
        previousBlank = false;
        continue;
      }
      if (ATX_START.test(line)) {
        const m = ATX.exec(line);
        const content = (m?.[2] ?? '').trim();
        if (!m || HEADING_MARKUP.test(content)) return undefined;
        headings.push({ depth: m[1]!.length, text: content, start, end: start + line.length });
        previousWasParagraph = false;
        previousBlank = false;
        continue;
      }
      // A list item whose content opens a heading, a fence or a quote nests a block in the item.
      if (/^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+(?:#{1,6}(?:[ \t]|$)|`{3,}|~{3,}|>)/.test(line)) return undefined;
      if (!codeSpans(line, start, excluded)) return undefined;
      previousWasParagraph = !LIST_ITEM.test(line) || previousWasParagraph;
      // After a blank line, a list item starts a new block; text starts a paragraph.
      if (previousBlank && LIST_ITEM.test(line)) previousWasParagraph = false;
      if (/^ {0,3}(?:[-*_][ \t]*){3,}$/.test(line)) previousWasParagraph = false;
    } else {
      previousWasParagraph = false;
    }
    previousBlank = blank;
  }
  if (fence) excluded.push([fence.start, text.length]);
  return { headings, excluded, parser: 'plain' };
}

/** Records the line's code spans; false when a backtick run has no partner on the line. */
function codeSpans(line: string, lineStart: number, excluded: Array<[number, number]>): boolean {
  const runs = [...line.matchAll(/`+/g)];
  let k = 0;
  while (k < runs.length) {
    const open = runs[k]!;
    // From the opener on, not from the start of the line: a line of thousands of `a` spans was quadratic.
    let closeIndex = k + 1;
    while (closeIndex < runs.length && runs[closeIndex]![0].length !== open[0].length) closeIndex++;
    if (closeIndex >= runs.length) return false;
    const close = runs[closeIndex]!;
    excluded.push([lineStart + open.index, lineStart + close.index + close[0].length]);
    k = closeIndex + 1;
  }
  return true;
}

function leadingSpaces(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

function splitLines(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ text: text.slice(start, m.index), start, end: m.index });
    start = m.index + m[0].length;
  }
  out.push({ text: text.slice(start), start, end: text.length });
  return out;
}
