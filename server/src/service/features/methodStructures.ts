import { CompletionItemKind, InsertTextFormat, InsertTextMode, SymbolKind, type CompletionItem, type DocumentSymbol } from 'vscode-languageserver-protocol';
import { dayNumber } from '../../core/dates';
import { withSnippet, type Blank } from '../../core/fixes/snippets';
import type { MemoModel } from '../../core/memo/memoModel';
import { cell, gateDue, ownerAndCadence, reviewedOn } from '../../core/memo/method';
import type { AlignmentSheet, LabelledPart, Scorecard, TableModel } from '../../core/memo/structureModel';
import type { Position, Range } from '../../core/types';
import { contains } from '../positions';
import { codeSpan } from './markdownText';

// The editor's view of the method's structures (alignment sheet, scorecard, evidence log): the
// labels completion offers inside their sections, what a stage gate's hover says about its date,
// and the outline entries for their parts and rows. The structures come parsed with the memo.

/** A label line completion writes: its plain text (placeholder words) and the blanks that become tab stops. */
interface LabelTemplate {
  canonical: string;
  label: string;
  text: string;
  blanks: (Blank | string)[];
  doc: string;
}

const SHEET_LABELS: LabelTemplate[] = [
  { canonical: 'aim', label: 'Aim', text: '**Aim:** OUTCOME', blanks: ['OUTCOME'], doc: 'The outcome this step aims at.' },
  { canonical: 'mechanism', label: 'Mechanism', text: '**Mechanism:** We believe X will move Y because REASON.', blanks: ['X', 'Y', 'REASON'], doc: 'How the step works: `We believe A will move B because C.`' },
  { canonical: 'feedback', label: 'Feedback signals', text: '**Feedback signals:**\n  1. SIGNALS (leading)\n  2. SIGNALS', blanks: ['SIGNALS', 'SIGNALS'], doc: 'Two or three signals you will read, the first a leading one.' },
  {
    canonical: 'stage gate',
    label: 'Stage gate',
    text: '**Stage gate:** We will continue if SIGNALS ≥ X by week 2.',
    blanks: ['SIGNALS', { word: '≥', choices: ['≤', '>', '<'] }, 'X', { word: 'week 2', choices: ['week 4', 'week 6'] }],
    doc: 'When you continue: a signal, a comparison with a number, and a date (`by 2026-12-15`) or a week of the plan (`by week 2`).',
  },
  { canonical: 'guardrail', label: 'Guardrail', text: '**Guardrail:** SIGNALS stays below X.', blanks: ['SIGNALS', { word: 'below', choices: ['above'] }, 'X'], doc: 'The SLI or SLO that protects users, with its threshold.' },
  { canonical: 'owner and cadence', label: 'Owner and cadence', text: '**Owner and cadence:** OWNER, weekly', blanks: ['OWNER', { word: 'weekly', choices: ['every two weeks', 'monthly'] }], doc: 'Who owns the step and how often it is reviewed.' },
];

const SCORECARD_LABELS: LabelTemplate[] = [
  { canonical: 'decision owner', label: 'Decision owner', text: '**Decision owner:** OWNER', blanks: ['OWNER'], doc: 'Who decides when a threshold is crossed.' },
  { canonical: 'escalation path', label: 'Escalation path', text: '**Escalation path:** OWNER, then OWNER', blanks: ['OWNER', 'OWNER'], doc: 'Who it goes to next, in order (split on `,`, `→` or "then").' },
];

/** What is being typed at the start of a line: indentation, an optional bullet or `**`, then letters. */
const TYPING_LABEL = /^(\s*)((?:[-*+]|\d+[.)])\s+)?((?:\*\*|__)?[A-Za-z][A-Za-z ]*|(?:\*\*|__)?)$/;

/** Inside an alignment sheet or scorecard section, at the start of a line: the labels that section does not have yet. */
export function labelCompletions(memo: MemoModel, pos: Position, snippets: boolean): CompletionItem[] | undefined {
  const sheet = memo.structures.sheets.find((s) => inBody(s, pos));
  const scorecard = sheet ? undefined : memo.structures.scorecards.find((s) => inBody(s, pos));
  if (!sheet && !scorecard) return undefined;
  const before = memo.lines.lineText(pos.line).slice(0, pos.character);
  const typed = TYPING_LABEL.exec(before);
  if (!typed) return undefined;
  const bullet = typed[2] ?? '';
  const range: Range = { start: { line: pos.line, character: typed[1]!.length + bullet.length }, end: pos };
  // Only labels that what is typed could begin: a sentence being written in the section (each
  // space a trigger) is left alone.
  const word = (typed[3] ?? '').replace(/^(?:\*\*|__)/, '').toLowerCase();
  const templates = (sheet ? SHEET_LABELS.filter((t) => !hasPart(sheet, t.canonical)) : SCORECARD_LABELS.filter((t) => !hasScorecardPart(scorecard!, t.canonical))).filter((t) =>
    t.label.toLowerCase().startsWith(word),
  );
  if (templates.length === 0) return undefined;
  return templates.map((t, i) => {
    const plain = (bullet ? '' : '- ') + t.text;
    const edit = snippets ? withSnippet({ range, newText: plain }, t.blanks) : { range, newText: plain };
    return {
      label: `${t.label}:`,
      kind: CompletionItemKind.Property,
      detail: sheet ? 'alignment sheet part' : 'scorecard line',
      documentation: t.doc,
      // What was typed (`- **st`) filters on the label, with or without its bullet and bold.
      filterText: `${bullet}${typed[3]?.startsWith('__') ? '__' : '**'}${t.label}`,
      sortText: String(i),
      insertTextFormat: edit.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      insertTextMode: InsertTextMode.adjustIndentation,
      textEdit: { range, newText: edit.snippet ?? edit.newText },
    };
  });
}

/** Below the heading of a structure's section. */
function inBody(s: { headingRange: Range; range: Range }, pos: Position): boolean {
  return pos.line > s.headingRange.end.line && contains(s.range, pos);
}

function hasPart(sheet: AlignmentSheet, canonical: string): boolean {
  if (canonical !== 'owner and cadence') return sheet.parts.has(canonical);
  const { owner, cadenceMet } = ownerAndCadence(sheet);
  return owner !== undefined && cadenceMet;
}

function hasScorecardPart(sc: Scorecard, canonical: string): boolean {
  return canonical === 'decision owner' ? sc.decisionOwner !== undefined : sc.escalationPath !== undefined;
}

/** Hover on a stage gate: the date it falls due (computed from the memo's date for `by week N`) and where that stands today. */
export function stageGateHover(memo: MemoModel, pos: Position, today: string): { value: string; range: Range } | undefined {
  for (const sheet of memo.structures.sheets) {
    const gate = sheet.parts.get('stage gate');
    if (!gate || !contains(gate.range, pos) || pos.line !== gate.range.start.line) continue;
    return { value: gateText(memo, gate, today), range: gate.valueRange };
  }
  return undefined;
}

function gateText(memo: MemoModel, gate: LabelledPart, today: string): string {
  const due = gateDue(gate, memo);
  const head = '**Stage gate**';
  if (due.kind === 'none') return `${head}: no date; write \`by YYYY-MM-DD\` or \`by week N\` (counted from the memo's \`date\`).`;
  if (due.kind === 'date' && !due.valid) return `${head}: ${codeSpan(due.date)} is not a real date.`;
  if (due.kind === 'week' && due.week < 1) return `${head}: ${codeSpan(due.written)} counts back; a gate is \`by week N\` with N ≥ 1.`;
  if (due.kind === 'week' && !due.date) return `${head}: week ${due.week} of a plan with no start: the memo has no \`date\` to count from.`;
  const date = due.date!;
  const how = due.kind === 'week' ? ` (week ${due.week} from the memo's date ${memo.date!.value})` : '';
  return `${head} due **${date}**${how}. ${standing(memo, date, today)}`;
}

/** Where a due date stands today, as review-overdue sees it. */
function standing(memo: MemoModel, due: string, today: string): string {
  const d = dayNumber(due)!;
  const now = dayNumber(today);
  if (now === undefined) return '';
  const reviewed = reviewedOn(memo);
  if (reviewed && dayNumber(reviewed)! >= d) return `Reviewed on ${reviewed}.`;
  const days = Math.abs(d - now);
  const n = `${days} day${days === 1 ? '' : 's'}`;
  if (d > now) return `In ${n}.`;
  if (d === now) return 'Due today.';
  const open = memo.statusValue === 'proposed' || memo.statusValue === 'accepted';
  return `${n} ago${open ? ', not reviewed since' : ''}.`;
}

/** Outline children for a section that holds a structure: the sheet's parts, the scorecard's signals and dependencies, the log's rows. */
export function structureSymbols(memo: MemoModel): Map<number, DocumentSymbol[]> {
  const byHeadingLine = new Map<number, DocumentSymbol[]>();
  for (const sheet of memo.structures.sheets) {
    byHeadingLine.set(
      sheet.headingRange.start.line,
      [...sheet.parts.values()].map((p) => ({ name: p.written.replace(/[*_]/g, '').trim(), detail: p.value, kind: SymbolKind.Field, range: p.range, selectionRange: p.labelRange })),
    );
  }
  for (const sc of memo.structures.scorecards) {
    const children: DocumentSymbol[] = [];
    if (sc.signals) children.push(tableSymbol('Capacity signals', sc.signals, 'signal', 'threshold'));
    for (const p of [sc.decisionOwner, sc.escalationPath]) if (p) children.push({ name: p.written.replace(/[*_]/g, '').trim(), detail: p.value, kind: SymbolKind.Field, range: p.range, selectionRange: p.labelRange });
    if (sc.dependencies) children.push(tableSymbol('Dependencies', sc.dependencies, 'dependency', 'owner'));
    byHeadingLine.set(sc.headingRange.start.line, children);
  }
  for (const log of memo.structures.logs) {
    if (log.table) byHeadingLine.set(log.headingRange.start.line, tableSymbol('Log rows', log.table, 'scale step', 'decision').children ?? []);
  }
  return byHeadingLine;
}

/** A table as a symbol with one child per row, named by its `name` column, detailed by its `detail` column. */
function tableSymbol(name: string, table: TableModel, nameColumn: string, detailColumn: string): DocumentSymbol {
  const children = table.rows.map((row, i) => {
    const label = cell(table, row, nameColumn)?.text || row.cells[0]?.text || `row ${i + 1}`;
    const detail = cell(table, row, detailColumn)?.text;
    return { name: label, ...(detail ? { detail } : {}), kind: SymbolKind.EnumMember, range: row.range, selectionRange: row.cells[0]?.range ?? row.range };
  });
  return { name, detail: `${table.rows.length} row${table.rows.length === 1 ? '' : 's'}`, kind: SymbolKind.Array, range: table.range, selectionRange: table.header.range, children };
}
