import { INLINE_CITATION } from '../ids';
import { isExcluded, type MarkdownStructure } from '../markdown/markdownStructure';
import type { LineIndex } from '../text/lineIndex';
import type { Located } from '../types';
import type { BodyLine, Citation, FieldSource, ProseLine, Section, Verdict } from './memoModel';

// The memo body, read line by line once: claim and boundary lines, inline citations and verdicts,
// sections, the MADR/Nygard fields some records keep in the body (status, deciders, date), and
// the prose words relevance reads. Lines inside code, HTML and front matter are skipped.

export interface BodyFacts {
  claims: BodyLine[];
  boundaries: BodyLine[];
  inlineCitations: Citation[];
  verdicts: Verdict[];
  sections: Section[];
  status: FieldSource<string> | undefined;
  date: FieldSource<string> | undefined;
  owners: Located<string>[];
}

const KEYWORD_LINE = /^(\s{0,3}(?:>\s?)*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__|\*|_)?)(claim|boundary)((?:\*\*|__|\*|_)?\s*:\s*(?:\*\*|__|\*|_)?\s*)(.*)$/i;
const BULLET_FIELD = /^(\s{0,3}(?:[-*+]\s+)?(?:\*\*|__)?)(status|deciders|decision-makers|date)((?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*)(.+?)\s*$/i;
const VERDICT_MARK = /^\s*(?:[:\-–—]\s*)?(?:\*\*)?(✓|✔|✔️|✅|✗|✘|❌|✖)(?:\*\*)?\s*(.*)$/u;
const WORD = /[a-z][a-z0-9]*(?:-[a-z0-9]+)*/g;

export function scanBody(text: string, lines: LineIndex, structure: MarkdownStructure, bodyStart: number): BodyFacts {
  const facts: BodyFacts = { claims: [], boundaries: [], inlineCitations: [], verdicts: [], sections: [], status: undefined, date: undefined, owners: [] };
  const { excluded, headings } = structure;
  const firstLine = lines.positionAt(bodyStart).line;
  const headingLines = new Map<number, (typeof headings)[number]>();
  for (const h of headings) if (h.start >= bodyStart) headingLines.set(lines.positionAt(h.start).line, h);

  // Sections: each heading to the next heading of the same or a higher level.
  const bodyHeadings = headings.filter((h) => h.start >= bodyStart);
  bodyHeadings.forEach((h, i) => {
    // A scan, not `slice(i + 1).find`: copying the tail for each heading is quadratic in headings.
    let next: (typeof bodyHeadings)[number] | undefined;
    for (let j = i + 1; j < bodyHeadings.length && !next; j++) if (bodyHeadings[j]!.depth <= h.depth) next = bodyHeadings[j];
    const end = next ? next.start : text.length;
    facts.sections.push({ title: h.text, depth: h.depth, headingRange: lines.rangeOf(h.start, h.end), range: lines.rangeOf(h.start, end) });
  });

  let inStatusSection = false;
  for (let line = firstLine; line < lines.lineCount; line++) {
    const start = lines.lineStarts[line]!;
    const lineText = lines.lineText(line);
    const heading = headingLines.get(line);
    if (heading) {
      inStatusSection = /^status$/i.test(heading.text);
      continue;
    }
    // Lines that begin inside code or HTML are not prose.
    if (isExcluded(excluded, start + (lineText.length - lineText.trimStart().length))) continue;
    if (inStatusSection && !facts.status && lineText.trim() !== '') {
      const value = lineText.replace(/^\s*(?:[-*+]\s+)?/, '').trim();
      const at = start + lineText.indexOf(value);
      facts.status = { value, range: lines.rangeOf(at, at + value.length), from: 'body' };
      inStatusSection = false;
    }
    const kw = KEYWORD_LINE.exec(lineText);
    if (kw && !isExcluded(excluded, start + kw[1]!.length)) {
      const textAt = start + kw[1]!.length + kw[2]!.length + kw[3]!.length;
      const sentence = kw[4]!.replace(/(?:\*\*|__)\s*$/, '').trimEnd();
      const item: BodyLine = { range: lines.lineRange(line), text: sentence, textRange: lines.rangeOf(textAt, textAt + sentence.length) };
      (kw[2]!.toLowerCase() === 'claim' ? facts.claims : facts.boundaries).push(item);
    }
    const bf = BULLET_FIELD.exec(lineText);
    if (bf && !isExcluded(excluded, start)) {
      const key = bf[2]!.toLowerCase();
      const valueAt = start + bf[1]!.length + bf[2]!.length + bf[3]!.length;
      const value = bf[4]!;
      const loc = { value, range: lines.rangeOf(valueAt, valueAt + value.length), from: 'body' as const };
      if (key === 'status' && !facts.status) facts.status = loc;
      else if (key === 'date' && !facts.date) facts.date = loc;
      else if ((key === 'deciders' || key === 'decision-makers') && facts.owners.length === 0) {
        let cursor = valueAt;
        for (const part of value.split(',')) {
          const name = part.trim();
          if (!name) continue;
          const at = text.indexOf(name, cursor);
          facts.owners.push({ value: name, range: lines.rangeOf(at, at + name.length) });
          cursor = at + name.length;
        }
      }
    }
    for (const m of lineText.matchAll(INLINE_CITATION)) {
      const at = start + m.index;
      if (isExcluded(excluded, at, at + m[0].length)) continue;
      const id = m[1]!.trim();
      const range = lines.rangeOf(at, at + m[0].length);
      facts.inlineCitations.push({ id, range, source: 'inline' });
      const after = VERDICT_MARK.exec(lineText.slice(m.index + m[0].length));
      if (after) {
        const mark = after[1]!;
        facts.verdicts.push({ id, verdict: /[✓✔✅]/u.test(mark) ? 'supports' : 'conflicts', reason: after[2]!.trim(), range: lines.lineRange(line) });
      }
    }
  }
  return facts;
}

/** A list item or table row this short names things rather than saying anything about them. */
const MENTION_MAX_WORDS = 5;
const ITEM_START = /^\s{0,3}(?:[-*+]\s+|\d+[.)]\s+|\|)/;

/** Whether a list item's or table row's content only names things: a few words, no sentence. */
function isMention(content: string): boolean {
  return (content.toLowerCase().match(WORD)?.length ?? 0) <= MENTION_MAX_WORDS && !/[.:;!?]\s|[.!?]$/.test(content.trim());
}

/** The headings and prose lines of the body (not code, not front matter), each marked when it only mentions things. */
export function proseLines(lines: LineIndex, structure: MarkdownStructure, bodyStart: number): ProseLine[] {
  const out: ProseLine[] = [];
  for (let line = lines.positionAt(bodyStart).line; line < lines.lineCount; line++) {
    const start = lines.lineStarts[line]!;
    const lineText = lines.lineText(line);
    if (lineText.trim() === '' || isExcluded(structure.excluded, start + (lineText.length - lineText.trimStart().length))) continue;
    const item = ITEM_START.exec(lineText);
    out.push({ text: lineText, mention: item !== null && isMention(lineText.slice(item[0].length)) });
  }
  return out;
}
