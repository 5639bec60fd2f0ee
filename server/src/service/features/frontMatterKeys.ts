import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver-protocol';
import { REVIEW_BY_KEYS } from '../../core/memo/method';
import type { MemoModel } from '../../core/memo/memoModel';
import type { Position, Range } from '../../core/types';
import type { Workspace } from '../../core/workspace/workspace';
import { APPROVER_KEYS, DECISION_TYPE_KEYS, IMPACT_KEYS, MEMO_LINK_KEYS, OWNER_KEYS } from '../../shared/vocabulary';

// Completion of a memo's front matter keys: on an unindented line of the front matter, the fields
// the memo does not have yet (under any of the spellings the parser reads). The authority
// matrix's fields are offered only in a workspace that has a matrix: elsewhere they mean nothing.

interface MemoField {
  key: string;
  /** The other spellings the parser reads the field under: one of them present, the field is there. */
  aliases: readonly string[];
  doc: string;
  /** Read only against the authority matrix. */
  authority?: true;
  /** Its value has completion of its own: asked for as soon as the key is in. */
  values?: true;
}

/** The spellings of a key list but the ones named. */
function others(keys: readonly string[], ...not: string[]): string[] {
  return keys.filter((k) => !not.includes(k));
}

const MEMO_FIELDS: readonly MemoField[] = [
  { key: 'id', aliases: [], doc: 'The memo’s id (`"0007"`); other memos link to it. Defaults to the number the file name starts with.' },
  { key: 'title', aliases: [], doc: 'The decision in a line. Defaults to the first `#` heading.' },
  { key: 'status', values: true, aliases: [], doc: 'Where the decision stands: draft, proposed, accepted, rejected, deprecated or superseded.' },
  { key: 'date', aliases: [], doc: 'When it was decided (or proposed): `YYYY-MM-DD`.' },
  { key: 'owners', values: true, aliases: others(OWNER_KEYS, 'owners'), doc: 'Who owns the decision and answers for it: people of the people directory.' },
  { key: 'approver', values: true, aliases: others(APPROVER_KEYS, 'approver'), doc: 'Who approved it: needed once the memo is accepted, and from the `escalate-to` authority when a trigger applies.' },
  { key: 'consulted', values: true, aliases: [], doc: 'Who was consulted (RACI).' },
  { key: 'informed', values: true, aliases: [], doc: 'Who is informed (RACI).' },
  { key: 'reversibility', values: true, aliases: [], doc: 'How hard the decision is to undo: two-way, costly or one-way. Sets how much evidence it needs.' },
  { key: 'scope', aliases: [], doc: 'Who the decision covers: company, a function, or a team. Tenets of another function are out of scope.' },
  { key: 'tenets', values: true, aliases: [], doc: 'The tenets the decision cites (`[[ID]]` in the body cites too).' },
  { key: 'evidence', aliases: [], doc: 'The artifacts the decision rests on: a path or URL, one limitation, a date.' },
  { key: 'supersedes', values: true, aliases: [], doc: 'The ids of the memos this one replaces.' },
  { key: 'superseded-by', values: true, aliases: others(MEMO_LINK_KEYS, 'superseded-by', 'supersedes'), doc: 'The id of the memo that replaces this one.' },
  { key: 'review-by', aliases: others(REVIEW_BY_KEYS, 'review-by'), doc: 'When the decision must be looked at again: `YYYY-MM-DD`.' },
  { key: 'reviewed', aliases: [], doc: 'When it last was: `YYYY-MM-DD`.' },
  { key: 'decision-type', aliases: others(DECISION_TYPE_KEYS, 'decision-type'), doc: 'A type of the authority matrix: who decides, who approves when a trigger applies, the tenets applied.', authority: true, values: true },
  { key: 'impact', aliases: others(IMPACT_KEYS, 'impact'), doc: 'The escalation triggers that apply: `cross-team`, `customer-data`, `precedent`, or a trigger the matrix names.', authority: true, values: true },
  { key: 'spend', aliases: [], doc: 'Money the decision commits (`25000`, `25k`, `$25,000`), for `spend-over:<n>` triggers.', authority: true },
];

/** An unindented `key:` line. */
const KEY_LINE = /^([A-Za-z_][\w-]*)\s*:/;

/** What a key being typed at the start of a front matter line looks like (no colon yet). */
const TYPING_KEY = /^[A-Za-z_][\w-]*$|^$/;

/**
 * On an unindented front matter line holding no more than the key being typed: the fields the memo
 * lacks, as `key: `. Undefined anywhere else (values complete as before). With `suggestValues`
 * (a client that runs VS Code's commands), a key whose value completes asks for that completion.
 */
export function frontMatterKeyItems(ws: Workspace, memo: MemoModel, pos: Position, suggestValues: boolean): CompletionItem[] | undefined {
  const fm = memo.frontMatter;
  if (!fm || pos.line === 0 || (!fm.unclosed && pos.line >= fm.range.end.line) || pos.line >= memo.lines.lineCount) return undefined;
  const text = memo.lines.lineText(pos.line);
  const before = text.slice(0, pos.character);
  const after = /^[\w-]*/.exec(text.slice(pos.character))![0];
  if (!TYPING_KEY.test(before) || text.slice(pos.character + after.length).trim() !== '') return undefined;
  const range: Range = { start: { line: pos.line, character: 0 }, end: { line: pos.line, character: pos.character + after.length } };
  const present = presentKeys(memo, pos.line, fm.unclosed ? memo.lines.lineCount : fm.range.end.line);
  return MEMO_FIELDS.filter((f) => (!f.authority || ws.authority !== undefined) && ![f.key, ...f.aliases].some((k) => present.has(k))).map((f, i) => ({
    label: f.key,
    kind: CompletionItemKind.Property,
    detail: f.authority ? 'authority matrix' : 'memo field',
    documentation: { kind: MarkupKind.Markdown, value: f.doc },
    sortText: String(i).padStart(2, '0'),
    textEdit: { range, newText: `${f.key}: ` },
    ...(suggestValues && f.values ? { command: { title: 'Suggest values', command: 'editor.action.triggerSuggest' } } : {}),
  }));
}

/**
 * The keys the front matter has, from its text: the line being typed makes the YAML unreadable
 * (a bare word in a mapping), so the parsed fields may stop short of it. The line itself is left out.
 */
function presentKeys(memo: MemoModel, typingLine: number, endLine: number): Set<string> {
  const keys = new Set([...memo.fields.keys()].map((k) => k.toLowerCase()));
  for (let l = 1; l < endLine; l++) {
    if (l === typingLine) continue;
    const key = KEY_LINE.exec(memo.lines.lineText(l))?.[1];
    if (key) keys.add(key.toLowerCase());
  }
  return keys;
}
