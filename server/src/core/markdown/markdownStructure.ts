import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Nodes, Root } from 'mdast';
import { remarkLimitExceeded } from './markdownLimits';
import { scanPlainMarkdown } from './plainMarkdown';

// What the memo reader needs from the markdown syntax tree: headings, and the spans whose
// text is not prose (code, inline code, HTML, front matter), where `Claim:` or `[[ID]]`
// must not be recognised.

export interface Heading {
  depth: number;
  text: string;
  start: number;
  end: number;
}

export interface MarkdownStructure {
  headings: Heading[];
  /** Sorted, non-overlapping [start, end) offsets of non-prose spans. */
  excluded: Array<[number, number]>;
  /** How the structure was read: the plain-markdown fast path, remark, or the line scanner for input remark should not see. */
  parser: 'plain' | 'remark' | 'lines';
}

/** Above this size a memo is read with the line scanner: remark's cost grows with the input, and no real memo is this long. */
const REMARK_MAX_CHARS = 1_000_000;

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** Reads headings and non-prose spans; never throws. */
export function readStructure(text: string): MarkdownStructure {
  const plain = scanPlainMarkdown(text);
  if (plain) return plain;
  return readStructureWithRemark(text);
}

/**
 * Reads the body of a memo: the front matter (everything before `bodyStart`) is blanked out,
 * offsets kept, so its YAML is never read as markdown. remark-frontmatter closes front matter
 * only with `---`; after a `...` close it read the YAML as markdown, so a `# comment` became the
 * title and a fence in a block scalar turned the whole body into code.
 */
export function readBodyStructure(text: string, bodyStart: number): MarkdownStructure {
  if (bodyStart <= 0) return readStructure(text);
  // No body (a memo read up to its closing fence, as the editor's first index pass does): blank
  // lines hold no markdown, and blanking the front matter was a tenth of that pass.
  if (bodyStart >= text.length) return { headings: [], excluded: [], parser: 'plain' };
  return readStructure(text.slice(0, bodyStart).replace(/[^\r\n]/g, ' ') + text.slice(bodyStart));
}

/** The full parser's answer (exported for the differential test of the fast path). */
export function readStructureWithRemark(text: string): MarkdownStructure {
  // Too large, or shaped so that remark would take minutes (see markdownLimits.ts): lines instead.
  if (text.length <= REMARK_MAX_CHARS && remarkLimitExceeded(text) === undefined) {
    try {
      return fromTree(processor.parse(text));
    } catch {
      // Pathological nesting can exhaust the stack in the tree builder; the line scanner cannot.
    }
  }
  return scanLines(text);
}

function fromTree(root: Root): MarkdownStructure {
  const headings: Heading[] = [];
  const excluded: Array<[number, number]> = [];
  // An explicit stack: a 20,000-deep blockquote must not recurse 20,000 times.
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    switch (node.type) {
      case 'heading':
        if (start !== undefined && end !== undefined) headings.push({ depth: node.depth, text: plainText(node), start, end });
        break;
      case 'code':
      case 'inlineCode':
      case 'html':
      case 'yaml':
        if (start !== undefined && end !== undefined) excluded.push([start, end]);
        continue;
    }
    if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
    }
  }
  headings.sort((a, b) => a.start - b.start);
  excluded.sort((a, b) => a[0] - b[0]);
  return { headings, excluded, parser: 'remark' };
}

function plainText(node: Nodes): string {
  let out = '';
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'text' || n.type === 'inlineCode' || n.type === 'html') out += n.value;
    else if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as Nodes);
  }
  return out.trim();
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

/** A line-by-line approximation: ATX headings and fenced code. Used for huge or pathological input. */
function scanLines(text: string): MarkdownStructure {
  const headings: Heading[] = [];
  const excluded: Array<[number, number]> = [];
  let fence: { marker: string; start: number } | undefined;
  let offset = 0;
  while (offset <= text.length) {
    let nl = text.indexOf('\n', offset);
    if (nl < 0) nl = text.length;
    const line = text.slice(offset, nl).replace(/\r$/, '');
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1]![0] === fence.marker[0] && f[1]!.length >= fence.marker.length) {
        excluded.push([fence.start, nl]);
        fence = undefined;
      }
    } else if (f) {
      fence = { marker: f[1]!, start: offset };
    } else {
      const h = ATX.exec(line);
      if (h) headings.push({ depth: h[1]!.length, text: (h[2] ?? '').trim(), start: offset, end: offset + line.length });
    }
    offset = nl + 1;
  }
  if (fence) excluded.push([fence.start, text.length]);
  return { headings, excluded, parser: 'lines' };
}

/** Whether [start, end) overlaps a non-prose span. `excluded` is sorted. */
export function isExcluded(excluded: Array<[number, number]>, start: number, end = start + 1): boolean {
  let lo = 0;
  let hi = excluded.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = excluded[mid]!;
    if (e <= start) lo = mid + 1;
    else if (s >= end) hi = mid - 1;
    else return true;
  }
  return false;
}
