import { yamlFlowSafeScalar } from '../core/fixes/fixEdits';
import type { Finding, MemoRule, RuleContext } from '../core/check/rule';
import type { MemoModel } from '../core/memo/memoModel';
import type { LabelledPart, TableModel } from '../core/memo/structureModel';
import { findPlaceholders, isPlaceholderValue } from '../core/text/placeholders';
import type { Fix, Located, Range } from '../core/types';
import { rankedPeople } from '../core/workspace/people';

// A blank the writer has not filled yet, wherever the product's templates put one (owners,
// approvers, citations, evidence entries, verdict reasons; claim and boundary lines are
// claim-placeholder's). One message shape everywhere: "`X` is a placeholder; write …, e.g. …".
// Other rules leave these values alone: a blank is not an unknown person, a missing file or a
// malformed date, and reporting it as one would be wrong twice.

/** People offered in place of an `OWNER` blank. */
const MAX_PEOPLE = 5;

export const placeholderLeft: MemoRule = {
  id: 'placeholder-left',
  target: 'memo',
  description: 'No template blank is left to fill: owners, citations, evidence entries and verdict reasons say something (`OWNER`, `TENET-ID`, `PATH-OR-URL`, `REASON`, `___` are blanks).',
  defaultSeverity: 'warning',
  check(memo, ctx, report) {
    for (const owner of memo.owners) if (isPlaceholderValue(owner.value)) report(peopleBlank(memo, ctx, owner, 'who decides', memo.ownersEntry !== undefined));
    for (const approver of memo.approver) if (isPlaceholderValue(approver.value)) report(peopleBlank(memo, ctx, approver, 'who approved the decision', true));
    for (const list of [memo.consulted, memo.informed]) for (const p of list) if (isPlaceholderValue(p.value)) report(peopleBlank(memo, ctx, p, 'a person', true));
    for (const c of memo.citations) {
      if (!isPlaceholderValue(c.id)) continue;
      const example = ctx.registry.all.find((t) => t.status === 'active')?.id ?? 'ENG-LATENCY';
      report({ range: within(memo, c.range, c.id), message: blank(c.id, 'the id of a tenet this decision applies', example) });
    }
    for (const e of memo.evidence) {
      if (e.emptyTarget) report({ range: e.emptyTarget, message: 'The evidence path is empty; write the path or URL of the artifact, e.g. `evidence/slo-report.md`.' });
      else if (isPlaceholderValue(e.target)) report({ range: e.targetRange, message: blank(e.target, 'the path or URL of the artifact', 'evidence/slo-report.md') });
      if (e.limits && isPlaceholderValue(e.limits.value)) report({ range: e.limits.range, message: blank(e.limits.value, 'what the artifact cannot show', 'four-week window only') });
      if (e.date && isPlaceholderValue(e.date.value)) report({ range: e.date.range, message: blank(e.date.value, 'the date of the artifact', ctx.today) });
    }
    structureBlanks(memo, report);
    // Each verdict line once: a line holding many `[[ID]] ✓` marks is scanned from its first reason on, not once per mark.
    const scanned = new Set<number>();
    for (const v of memo.verdicts) {
      const line = v.range.start.line;
      if (scanned.has(line)) continue;
      scanned.add(line);
      const text = memo.lines.lineText(line);
      const from = Math.max(0, text.length - v.reason.length - (text.length - text.trimEnd().length));
      const what = v.verdict === 'supports' ? 'why the decision follows the tenet' : 'why the decision goes against the tenet';
      for (const p of findPlaceholders(text.slice(from))) {
        const at = memo.lines.lineStarts[line]! + from + p.index;
        report({ range: memo.lines.rangeOf(at, at + p.text.length), message: blank(p.text, what, 'a cache keeps p95 under 200 ms') });
      }
    }
  },
};

/** The one message shape of a blank. */
function blank(text: string, what: string, example: string): string {
  return `\`${text}\` is a placeholder; write ${what}, e.g. \`${example}\`.`;
}

/** The message of a label written with nothing after it. */
function empty(label: string, what: string, example: string): string {
  return `\`${label.replace(/[*_]/g, '').trim()}:\` is empty; write ${what}, e.g. \`${example}\`.`;
}

/** A person blank, with one fix per known person (the workspace's most frequent owners first). */
function peopleBlank(memo: MemoModel, ctx: RuleContext, who: Located<string>, what: string, inYaml: boolean): Finding {
  const people = ctx.people ? rankedPeople(ctx.people, ctx.memos, ctx.today).slice(0, MAX_PEOPLE) : [];
  const fixes: Fix[] = people.map((p, i) => ({
    title: `Replace \`${who.value}\` with \`${p.id}\`${p.name ? ` (${p.name})` : ''}`,
    // In YAML a CODEOWNERS handle (`@priya`) must be quoted: `@` cannot start a plain scalar.
    edits: [{ range: who.range, newText: inYaml ? yamlFlowSafeScalar(p.id) : p.id }],
    ...(i === 0 ? { isPreferred: true } : {}),
  }));
  return { range: who.range, message: blank(who.value, what, people[0]?.id ?? 'priya'), fixes };
}

/** The range of `id` inside a larger range (a citation's brackets), or the range itself. */
function within(memo: MemoModel, range: Range, id: string): Range {
  const s = memo.lines.offsetAt(range.start);
  const at = memo.text.slice(s, memo.lines.offsetAt(range.end)).indexOf(id);
  return at < 0 ? range : memo.lines.rangeOf(s + at, s + at + id.length);
}

/** What each part of the method's structures is for, in the blank's message. */
const PART_WHAT: Record<string, [what: string, example: string]> = {
  aim: ['the outcome the step aims at', 'search answers in under 200 ms'],
  mechanism: ['how the step works', 'We believe a cache will move p95 because queries repeat'],
  feedback: ['the signals you will read', 'cache hit rate, p95'],
  'stage gate': ['when you continue', 'We will continue if hit rate ≥ 40 % by week 2'],
  guardrail: ['the SLI or SLO that protects users', 'error rate stays below 0.1 %'],
  'owner and cadence': ['who owns the step and how often it is reviewed', 'priya, weekly'],
  owner: ['who owns the step', 'priya'],
  cadence: ['how often the step is reviewed', 'weekly'],
  'decision owner': ['who decides when a threshold is crossed', 'priya'],
  'escalation path': ['who it goes to next', 'sam, then the CTO'],
};

/** An example value per table column, for the blank's message. */
const CELL_EXAMPLES: Record<string, string> = {
  signal: 'queue depth',
  threshold: '≤ 500 jobs',
  cadence: 'daily',
  action: 'pause',
  dependency: 'payments API',
  owner: 'team-payments',
  monitoring: 'the payments dashboard',
  'scale step': 'step 2: 10 % of traffic',
  claim: 'We believe … because …',
  'evidence artifact': 'evidence/slo-report.md',
  'quality limits': 'four-week window only',
  'threshold status': 'met',
  decision: 'continue',
  approver: 'priya',
};

/** Blanks in alignment sheets, scorecards (parts and cells), evidence logs and invalidation lines. */
function structureBlanks(memo: MemoModel, report: (f: Finding) => void): void {
  /** Each blank of `text`, which starts at `from` in the memo. */
  const blanksIn = (text: string, from: number, what: string, example: string) => {
    for (const b of findPlaceholders(text)) {
      const at = from + b.index;
      report({ range: memo.lines.rangeOf(at, at + b.text.length), message: blank(b.text, what, example) });
    }
  };
  const part = (p: LabelledPart) => {
    const [what, example] = PART_WHAT[p.label] ?? ['this part', '…'];
    // A label with nothing after it is as unfilled as a blank (an empty feedback part is sheet-feedback-count's).
    if (p.value.trim() === '' && p.items.length === 0 && p.label !== 'feedback') {
      report({ range: p.labelRange, message: empty(p.written, what, example) });
      return;
    }
    blanksIn(p.value, memo.lines.offsetAt(p.valueRange.start), what, example);
    // Sub-items (feedback signals as a numbered list): the item's text after its bullet.
    for (const item of p.items) {
      const start = memo.lines.offsetAt(item.range.start);
      const lead = memo.text.slice(start, memo.lines.offsetAt(item.range.end)).indexOf(item.text);
      if (lead >= 0) blanksIn(item.text, start + lead, what, example);
    }
  };
  const cells = (table: TableModel | undefined) => {
    if (!table) return;
    const nameOf = new Map([...table.columns].map(([name, i]) => [i, name]));
    for (const row of table.rows) {
      row.cells.forEach((c, i) => {
        const column = nameOf.get(i);
        const example = column ? CELL_EXAMPLES[column] : undefined;
        for (const b of findPlaceholders(c.text)) {
          const at = memo.lines.offsetAt(c.range.start) + b.index;
          const what = `the ${column ?? table.header.cells[i]?.text.toLowerCase() ?? 'value'} of this row`;
          report({ range: memo.lines.rangeOf(at, at + b.text.length), message: blank(b.text, what, example ?? 'your own words') });
        }
      });
    }
  };
  for (const sheet of memo.structures.sheets) for (const p of sheet.parts.values()) part(p);
  for (const sc of memo.structures.scorecards) {
    // `## Scorecard: TODO`: the step the scorecard is for.
    const heading = memo.lines.lineText(sc.headingRange.start.line);
    const suffix = /^\s*#+\s*(?:alignment\s+)?scorecard\b\s*:?/i.exec(heading);
    if (suffix) blanksIn(heading.slice(suffix[0].length), memo.lines.offsetAt(sc.headingRange.start) + suffix[0].length, 'the scale step this scorecard is for', 'step 2: 10 % of traffic');
    if (sc.decisionOwner) part(sc.decisionOwner);
    if (sc.escalationPath) part(sc.escalationPath);
    cells(sc.signals);
    cells(sc.dependencies);
  }
  for (const log of memo.structures.logs) cells(log.table);
  for (const inv of memo.structures.invalidations) {
    if (inv.text.trim() === '') report({ range: inv.range, message: empty('Invalidated if', 'the observable signal and threshold that would show the claim wrong', 'p95 stays above 300 ms for two weeks') });
    for (const b of findPlaceholders(inv.text)) {
      const at = memo.lines.offsetAt(inv.textRange.start) + b.index;
      report({ range: memo.lines.rangeOf(at, at + b.text.length), message: blank(b.text, 'the observable signal and threshold that would show the claim wrong', 'p95 stays above 300 ms for two weeks') });
    }
  }
}
