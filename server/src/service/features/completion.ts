import * as posix from 'pathe';
import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  InsertTextMode,
  type Position,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
} from 'vscode-languageserver-protocol';
import { type MemoModel } from '../../core/memo/memoModel';
import type { Range } from '../../core/types';
import type { DecisionService } from '../decisionService';
import type { ProjectFolder } from '../projectFolder';
import { completionTargetAt } from '../positions';
import { markdownText } from './markdownText';
import { tenetDetail, tenetMarkdown } from './tenetInfo';
import { APPROVER_KEYS, DECISION_TYPE_KEYS, EVIDENCE_PATH_KEYS, IMPACT_KEYS, LIMITS_PLACEHOLDER, MEMO_LINK_KEYS, MEMO_STATUSES, OWNER_KEYS, PATH_PLACEHOLDER, PEOPLE_KEYS, REVERSIBILITIES } from '../../shared/vocabulary';
import { knownTriggers, type AuthorityMatrix } from '../../core/authority/authorityMatrix';
import { ANY_OWNER, holders, memoDecisionType } from '../../core/authority/memoAuthority';
import { BUILT_IN_TRIGGERS, triggerKey } from '../../core/authority/triggers';
import { hasLeft } from '../../core/workspace/people';
import { contains } from '../positions';
import { decisionTypeMarkdown, triggerDoc, triggerReadFromFields } from './authorityInfo';
import { frontMatterKeyItems } from './frontMatterKeys';
import { labelCompletions } from './methodStructures';
import { CONFIG_FILE_SNIPPETS, PEOPLE_FILE_SNIPPETS, TENET_FILE_SNIPPETS } from './fileSnippets';


const STATUS_DOCS: Record<string, string> = {
  draft: 'Being written; most checks wait until it is proposed.',
  proposed: 'Ready for review: needs owners, a claim, a boundary and evidence.',
  accepted: 'Decided: also needs an approver.',
  rejected: 'Decided against.',
  deprecated: 'No longer applies.',
  superseded: 'Replaced by a newer memo (name it in `superseded-by`).',
};

/**
 * Completion in memos (front matter keys, tenet ids, people, status and reversibility values,
 * decision types and triggers, evidence paths and entries, memo ids, the labels of an alignment
 * sheet or scorecard) and, in the workspace's YAML files, the snippets each is written with.
 */
export function completion(svc: DecisionService, params: CompletionParams): CompletionList | null {
  const target = svc.target(params.textDocument.uri);
  if (!target) return null;
  if (target.kind !== 'memo') return fileSnippetItems(svc, target.kind, target.rel, target.doc.getText(), params.position);
  const memo = svc.documents.memoModel(target.doc, target.rel);
  const { folder } = target;
  const at = completionTargetAt(memo, params.position);
  const keys = frontMatterKeyItems(folder.ws, memo, params.position, svc.client.completionSnippets);
  if (keys) {
    // An empty unindented line may also continue the list above it, when entries can go there.
    const entries = at?.kind === 'field' && at.newItem && entriesFitUnindented(memo, at.key) ? newEntryItems(svc, folder, memo, at.key.toLowerCase(), at.range) : [];
    return list([...entries.map((e) => ({ ...e, sortText: `0${e.sortText ?? e.label}` })), ...keys.map((k) => ({ ...k, sortText: `1${k.sortText ?? k.label}` }))]);
  }
  if (!at) {
    const labels = labelCompletions(memo, params.position, svc.client.completionSnippets);
    return labels ? list(labels) : null;
  }
  // Inside `[[…]]` already closed (a snippet's `[[$1]]`), the brackets stay: the snippet goes on.
  if (at.kind === 'inline-tenet') return list(tenetItems(folder, at.range, at.closed ? '' : ']]', new Set()));
  const key = at.key.toLowerCase();
  if (at.newItem) return list(newEntryItems(svc, folder, memo, key, at.range));
  if (key === 'tenets') {
    const cited = new Set(memo.citations.filter((c) => c.source === 'front-matter' && c.id !== at.prefix).map((c) => c.id));
    return list(tenetItems(folder, at.range, '', cited));
  }
  if (PEOPLE_KEYS.includes(key)) return list(peopleItems(svc, folder, memo, key, at.range));
  if (has(DECISION_TYPE_KEYS, key)) return list(decisionTypeItems(svc, folder, memo, at.range));
  if (has(IMPACT_KEYS, key)) return list(triggerItems(folder, memo, at.range, params.position));
  if (key === 'status') return list(valueItems(MEMO_STATUSES, at.range, (s) => STATUS_DOCS[s]));
  if (key === 'reversibility') {
    const required: Record<string, number> = folder.ws.config.evidence.required;
    return list(valueItems(REVERSIBILITIES, at.range, (r) => `Needs at least ${required[r]} evidence artifact${required[r] === 1 ? '' : 's'}.`));
  }
  if (key === 'evidence' && (at.subKey === undefined || EVIDENCE_PATH_KEYS.includes(at.subKey))) return evidenceItems(folder, memo, at.range);
  if (MEMO_LINK_KEYS.includes(key)) return list(memoItems(folder, memo, at.range));
  return null;
}

function has(keys: readonly string[], key: string): boolean {
  return keys.includes(key);
}

function list(items: CompletionItem[], isIncomplete = false): CompletionList {
  return { isIncomplete, items };
}

function tenetItems(folder: ProjectFolder, range: Range, suffix: string, exclude: Set<string>): CompletionItem[] {
  const ws = folder.ws;
  return ws.registry.all
    .filter((t) => !exclude.has(t.id))
    .map((t) => ({
      label: t.id,
      kind: CompletionItemKind.Reference,
      detail: tenetDetail(ws, t),
      documentation: { kind: MarkupKind.Markdown, value: tenetMarkdown(ws, t) },
      textEdit: { range, newText: t.id + suffix },
      filterText: t.id,
      // Retired tenets last, struck through: they can still be read, but should not be cited anew.
      sortText: `${t.status === 'retired' ? 1 : 0}${t.id}`,
      ...(t.status === 'retired' ? { tags: [CompletionItemTag.Deprecated] } : {}),
    }));
}

/**
 * People for a people key. Those who have left (by today) are not offered: they own nothing and
 * hold no authority. For `approver`, the holders of the escalation authority of the memo's decision
 * type come first; for the owner keys, the holders of its `decides` authority.
 */
function peopleItems(svc: DecisionService, folder: ProjectFolder, memo: MemoModel, key: string, range: Range): CompletionItem[] {
  const ws = folder.ws;
  const today = svc.host.today();
  const authority = rankingAuthority(ws.authority, memo, key);
  const people = ws.people?.people;
  if (people && people.length > 0) {
    const first = new Set(authority ? holders(authority, ws.people, today) : []);
    return people
      .filter((p) => !hasLeft(p, today))
      .map((p, i) => {
        const holds = first.has(p) ? `holds ${authority}` : undefined;
        return {
          label: p.id,
          kind: CompletionItemKind.Value,
          detail: [holds, p.name, p.role].filter(Boolean).join(' · ') || undefined,
          documentation: p.email ? { kind: MarkupKind.Markdown, value: markdownText(p.email) } : undefined,
          filterText: [p.id, p.name, p.email].filter(Boolean).join(' '),
          // Holders first, then the directory's order.
          sortText: `${holds ? 0 : 1}${String(i).padStart(6, '0')}`,
          ...(holds ? { preselect: true } : {}),
          textEdit: { range, newText: p.id },
        };
      });
  }
  // Without a people directory, offer the owners other memos already name (and, first, the authority the type names: a person, perhaps).
  const seen = new Map<string, number>();
  for (const m of ws.memos.all) for (const o of m.owners) seen.set(o, (seen.get(o) ?? 0) + 1);
  const named: CompletionItem[] = authority ? [{ label: authority, kind: CompletionItemKind.Value, detail: `named by ${memo.decisionType?.value ?? 'the decision type'}`, sortText: '0', textEdit: { range, newText: authority } }] : [];
  return [
    ...named,
    ...[...seen].filter(([name]) => name !== authority).map(([name, n]) => ({
      label: name,
      kind: CompletionItemKind.Value,
      detail: `owner of ${n} memo${n === 1 ? '' : 's'}`,
      sortText: `1${name}`,
      textEdit: { range, newText: name },
    })),
  ];
}

/** The authority whose holders a people key offers first: `escalate-to` for approvers, `decides` (unless any owner may) for owners. */
function rankingAuthority(matrix: AuthorityMatrix | undefined, memo: MemoModel, key: string): string | undefined {
  const type = memoDecisionType(memo, matrix);
  if (!type) return undefined;
  if (has(APPROVER_KEYS, key)) return type.escalateTo?.value;
  const decides = type.decides?.value;
  return has(OWNER_KEYS, key) && decides && decides.toLowerCase() !== ANY_OWNER ? decides : undefined;
}

/** The decision types of the matrix, in its order, each explained as its hover explains it. */
function decisionTypeItems(svc: DecisionService, folder: ProjectFolder, memo: MemoModel, range: Range): CompletionItem[] {
  const ws = folder.ws;
  const matrix = ws.authority;
  if (!matrix) return [];
  const today = svc.host.today();
  return matrix.types.map((t, i) => ({
    label: t.id,
    kind: CompletionItemKind.EnumMember,
    detail: t.title,
    documentation: { kind: MarkupKind.Markdown, value: decisionTypeMarkdown(ws, today, matrix, t, memo) },
    filterText: [t.id, t.title].filter(Boolean).join(' '),
    sortText: String(i).padStart(4, '0'),
    textEdit: { range, newText: t.id },
  }));
}

/**
 * Triggers for `impact`: those the memo's decision type lists first, then the others the matrix
 * knows (built in or named by a row); triggers that other fields already apply (`one-way`, `costly`
 * from reversibility, a `spend-over:<n>` the matrix names from spend) last. Triggers the list already holds are left out.
 */
function triggerItems(folder: ProjectFolder, memo: MemoModel, range: Range, pos: Position | undefined): CompletionItem[] {
  const matrix = folder.ws.authority;
  const listed = new Set(memo.impact.filter((i) => !pos || !contains(i.range, pos)).map((i) => triggerKey(i.value)));
  const type = memoDecisionType(memo, matrix);
  const ofType = new Set(type?.triggers.map((t) => t.value));
  const all = matrix ? knownTriggers(matrix) : [...BUILT_IN_TRIGGERS];
  return all
    .filter((t) => !listed.has(t))
    .map((t, i) => {
      const group = triggerReadFromFields(t) ? 2 : ofType.has(t) ? 0 : 1;
      const doc = triggerDoc(t);
      const detail = [ofType.has(t) && type ? `escalates ${type.id}` : undefined, (BUILT_IN_TRIGGERS as readonly string[]).includes(t) ? 'built in' : `from ${matrix?.file ?? 'the matrix'}`].filter(Boolean).join(' · ');
      return {
        label: t,
        kind: CompletionItemKind.EnumMember,
        detail,
        ...(doc ? { documentation: { kind: MarkupKind.Markdown, value: doc } } : {}),
        sortText: `${group}${String(i).padStart(4, '0')}`,
        textEdit: { range, newText: t },
      };
    });
}

/** Whether `- entry` lines fit at column 0 under `key`: it has no value yet, or a block list written at column 0. */
function entriesFitUnindented(memo: MemoModel, key: string): boolean {
  const entry = memo.fields.get(key);
  const v = entry?.value;
  if (!entry || !v || (v.kind === 'scalar' && v.value === null)) return true;
  return v.kind === 'seq' && v.range.start.line > entry.keyRange.start.line && v.range.start.character === 0;
}

function valueItems(values: readonly string[], range: Range, doc: (v: string) => string | undefined): CompletionItem[] {
  return values.map((v, i) => {
    const documentation = doc(v);
    return { label: v, kind: CompletionItemKind.EnumMember, sortText: String(i).padStart(2, '0'), textEdit: { range, newText: v }, ...(documentation ? { documentation } : {}) };
  });
}

function evidenceItems(folder: ProjectFolder, memo: MemoModel, range: Range): CompletionList {
  const dir = posix.dirname(memo.file);
  const { files, complete } = folder.files();
  const items: CompletionItem[] = [];
  for (const f of files) {
    if (f === memo.file) continue;
    const rel = dir === '.' ? f : posix.relative(dir, f);
    // Evidence first; other memos after; the product's own files (config, people, tenets) last.
    const kind = folder.kindOf(f);
    const group = kind === 'other' ? 0 : kind === 'memo' ? 1 : 2;
    items.push({
      label: rel,
      kind: CompletionItemKind.File,
      detail: rel === f ? undefined : f,
      // Then nearby files first: fewer `../` and fewer folders.
      sortText: `${group}${String(rel.split('/').length).padStart(3, '0')}${rel}`,
      textEdit: { range, newText: rel },
    });
  }
  return list(items, !complete);
}

/**
 * On an empty line of a front matter list, whole entries: an evidence entry (a snippet: the path
 * first, with path completion, then the limitation; dated today), `- person`, `- TENET-ID`.
 */
function newEntryItems(svc: DecisionService, folder: ProjectFolder, memo: MemoModel, key: string, range: Range): CompletionItem[] {
  const entry = (items: CompletionItem[]) => items.map((i) => ({ ...i, textEdit: { range, newText: `- ${i.textEdit && 'newText' in i.textEdit ? i.textEdit.newText : i.label}` }, filterText: `- ${i.filterText ?? i.label}` }));
  if (key === 'evidence') {
    const today = svc.host.today();
    const snippets = svc.client.completionSnippets;
    const text = snippets ? `- path: $1\n  limits: \${2:${LIMITS_PLACEHOLDER}}\n  date: ${today}$0` : `- path: ${PATH_PLACEHOLDER}\n  limits: ${LIMITS_PLACEHOLDER}\n  date: ${today}`;
    return [
      {
        label: 'evidence entry',
        kind: CompletionItemKind.Snippet,
        detail: 'path, limits, date',
        documentation: 'An artifact the decision rests on: its path or URL, one limitation it has, and its date.',
        insertTextFormat: snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        insertTextMode: InsertTextMode.adjustIndentation,
        textEdit: { range, newText: text },
        filterText: '- evidence path',
        sortText: '0',
        preselect: true,
        // The path is where the cursor lands: offer the workspace's files there at once.
        ...(snippets ? { command: { title: 'Suggest paths', command: 'editor.action.triggerSuggest' } } : {}),
      },
    ];
  }
  if (PEOPLE_KEYS.includes(key)) return entry(peopleItems(svc, folder, memo, key, range));
  if (has(IMPACT_KEYS, key)) return entry(triggerItems(folder, memo, range, undefined));
  if (key === 'tenets') return entry(tenetItems(folder, range, '', new Set(memo.citations.filter((c) => c.source === 'front-matter').map((c) => c.id))));
  if (MEMO_LINK_KEYS.includes(key)) return entry(memoItems(folder, memo, range));
  return [];
}

/** In a YAML tenet file, the people directory or `.decisions.yaml`: the snippets for its entries, at the start of a line. */
function fileSnippetItems(svc: DecisionService, kind: string, rel: string, text: string, pos: Position): CompletionList | null {
  const snippets = kind === 'tenet' && /\.ya?ml$/i.test(rel) ? TENET_FILE_SNIPPETS : kind === 'people' ? PEOPLE_FILE_SNIPPETS : kind === 'config' ? CONFIG_FILE_SNIPPETS : [];
  if (snippets.length === 0 || !svc.client.completionSnippets) return null;
  const line = text.split(/\r\n|\r|\n/)[pos.line] ?? '';
  const before = line.slice(0, pos.character);
  const typed = /^(\s*)([A-Za-z-]*)$/.exec(before);
  if (!typed) return null;
  const range = { start: { line: pos.line, character: typed[1]!.length }, end: pos };
  return list(
    snippets.map((s) => ({
      label: s.prefix,
      kind: CompletionItemKind.Snippet,
      detail: s.label,
      documentation: s.description,
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.adjustIndentation,
      textEdit: { range, newText: s.body },
    })),
  );
}

function memoItems(folder: ProjectFolder, memo: MemoModel, range: Range): CompletionItem[] {
  return folder.ws.memos.all
    .filter((m) => m.file !== memo.file)
    .map((m) => ({
      label: m.id,
      kind: CompletionItemKind.Reference,
      detail: m.title,
      documentation: `${m.status ?? 'no status'} · ${m.file}`,
      filterText: `${m.id} ${m.title ?? ''}`,
      textEdit: { range, newText: m.id },
    }));
}
