import { dateOfDay, dateProblem, dayNumber } from '../dates';
import { isPlaceholderValue } from '../text/placeholders';
import type { Range } from '../types';
import type { MemoModel } from './memoModel';
import type { AlignmentSheet, LabelledPart, TableCell, TableModel, TableRow } from './structureModel';

// What the method's rules share: when a threshold is measurable, when a stage gate falls due,
// what a review date is, and how to read a table row's cells. The contract is memo-format v2's
// "Clarifications".

/** A comparison followed by a number (with an optional unit or `%`): `≥ 40 %`, `at most 3`, `under 200 ms`. */
const THRESHOLD = /(?:[≥≤><=]=?|>=|<=|\bat\s+(?:least|most)\b|\babove\b|\bbelow\b|\bunder\b|\bover\b|\bmore than\b|\bless than\b|\bno more than\b|\bstays? (?:below|above|under|over)\b)\s*[-+]?\d+(?:[.,]\d+)?/i;

/** Whether text names a measurable threshold. */
export function isMeasurable(text: string): boolean {
  return THRESHOLD.test(text);
}

/** A cadence named in words (daily, weekly, monthly, quarterly, "every N weeks"…). */
const CADENCE = /\b(?:daily|weekly|fortnightly|biweekly|monthly|quarterly|yearly|annually|every\s+(?:\d+|one|two|three|four|six|other)?\s*(?:day|week|month|quarter|sprint)s?)\b/i;

function namesCadence(text: string): boolean {
  return CADENCE.test(text);
}

/** `by 2026-12-15` or `by week 2`, as the stage gate writes its date. */
const GATE_DATE = /\bby\s+(\d{4}-\d{2}-\d{2})\b/i;
const GATE_WEEK = /\bby\s+(?:the\s+end\s+of\s+)?week\s+(-?\d+)\b/i;

/** When a stage gate falls due: its date as written, or the memo's `date` plus N weeks. */
export type GateDue =
  | { kind: 'date'; date: string; written: string; valid: boolean }
  | { kind: 'week'; week: number; date: string | undefined; written: string }
  | { kind: 'none' };

export function gateDue(gate: LabelledPart, memo: MemoModel): GateDue {
  const d = GATE_DATE.exec(gate.value);
  if (d) return { kind: 'date', date: d[1]!, written: d[0], valid: dateProblem(d[1]!) === undefined };
  const w = GATE_WEEK.exec(gate.value);
  if (w) {
    const week = Number(w[1]);
    const start = memo.date ? dayNumber(memo.date.value) : undefined;
    return { kind: 'week', week, date: start !== undefined && week >= 1 ? dateOfDay(start + week * 7) : undefined, written: w[0] };
  }
  return { kind: 'none' };
}

/** The owner-and-cadence requirement: one `Owner and cadence:` part, or `Owner:` and `Cadence:`, or an `Owner:` that names a cadence. */
export function ownerAndCadence(sheet: AlignmentSheet): { owner: LabelledPart | undefined; cadenceMet: boolean } {
  const both = sheet.parts.get('owner and cadence');
  if (both) return { owner: both, cadenceMet: true };
  const owner = sheet.parts.get('owner');
  return { owner, cadenceMet: sheet.parts.has('cadence') || (owner !== undefined && namesCadence(owner.value)) };
}

/** The person part of `Owner and cadence:` (before `•`, `,` or ` — `). */
export function ownerOf(value: string): string {
  return value.split(/\s*(?:•|,|\s—\s|\s-\s|;)\s*/)[0]!.trim();
}

/** The names of `Escalation path:`, split on `,`, `→`, `->` and "then". */
export function escalationNames(value: string): string[] {
  return value
    .split(/\s*(?:,|→|->|\bthen\b)\s*/i)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A cell of a row by canonical column, undefined when the table has no such column or the row is short. */
export function cell(table: TableModel, row: TableRow, column: string): TableCell | undefined {
  const i = table.columns.get(column);
  return i === undefined ? undefined : row.cells[i];
}

/** Whether a cell holds something (not empty, not only a blank to fill). */
export function filled(c: TableCell | undefined): boolean {
  return c !== undefined && c.text.trim() !== '' && !isPlaceholderValue(stripMarkup(c.text));
}

/** A row is a pause threshold when its action or threshold says to pause. */
export function isPauseRow(table: TableModel, row: TableRow): boolean {
  return saysPause(cell(table, row, 'action')?.text ?? '') || saysPause(cell(table, row, 'threshold')?.text ?? '');
}

/** `pause`, `pause the rollout`, but not `do not pause` or `no pause`. */
function saysPause(text: string): boolean {
  return /\bpaus(?:e|es|ed|ing)\b/i.test(text) && !/\b(?:do not|don't|does not|doesn't|never|no|not|without)\s+paus/i.test(text);
}

/** A log row awaits a decision when its Decision cell is empty, a blank, `pending`, `open` or `tbd`. */
export function awaitsDecision(table: TableModel, row: TableRow): boolean {
  const text = stripMarkup(cell(table, row, 'decision')?.text ?? '').trim().toLowerCase();
  return text === '' || isPlaceholderValue(text.toUpperCase()) || ['pending', 'open', 'tbd', 'to be decided'].includes(text);
}

/** A cell's text without the markdown around it: code ticks, emphasis, a link's brackets. */
function stripMarkup(text: string): string {
  return text
    .replace(/^\[([^\]]*)\]\(([^)]*)\)$/, '$2')
    .replace(/[`*_]/g, '')
    .trim();
}

/** The artifact an evidence-log cell names: a path, a backticked path, a markdown link's target, or a URL. */
export function artifactOf(c: TableCell): { target: string; range: Range } | undefined {
  const text = c.text.trim();
  if (text === '') return undefined;
  const link = /^\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)$/.exec(text);
  const target = link ? link[1]! : text.replace(/^`([^`]*)`$/, '$1').trim();
  return target === '' ? undefined : { target, range: c.range };
}

/** The review dates of a memo: `review-by` (or `revisit`, `review-date`) and every stage gate's date. */
export interface ReviewDue {
  due: string;
  range: Range;
  source: 'review-by' | 'stage gate';
}

export const REVIEW_BY_KEYS = ['review-by', 'revisit', 'review-date'] as const;

export function reviewDues(memo: MemoModel): ReviewDue[] {
  const out: ReviewDue[] = [];
  for (const key of REVIEW_BY_KEYS) {
    const v = memo.fields.get(key)?.value;
    const text = v?.kind === 'scalar' ? String(v.value ?? '').trim() : '';
    if (v && dateProblem(text) === undefined) {
      out.push({ due: text, range: v.range, source: 'review-by' });
      break;
    }
  }
  for (const sheet of memo.structures.sheets) {
    const gate = sheet.parts.get('stage gate');
    if (!gate) continue;
    const due = gateDue(gate, memo);
    const date = due.kind === 'date' ? (due.valid ? due.date : undefined) : due.kind === 'week' ? due.date : undefined;
    if (date) out.push({ due: date, range: gate.valueRange, source: 'stage gate' });
  }
  return out;
}

/** The memo's `reviewed` date when it is a real date. */
export function reviewedOn(memo: MemoModel): string | undefined {
  const v = memo.fields.get('reviewed')?.value;
  const text = v?.kind === 'scalar' ? String(v.value ?? '').trim() : '';
  return v && dateProblem(text) === undefined ? text : undefined;
}
