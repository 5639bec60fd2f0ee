import * as posix from 'pathe';
import {
  CompletionItemKind,
  CompletionItemTag,
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
import { EVIDENCE_PATH_KEYS, MEMO_LINK_KEYS, MEMO_STATUSES, PEOPLE_KEYS, REVERSIBILITIES } from '../../shared/vocabulary';


const STATUS_DOCS: Record<string, string> = {
  draft: 'Being written; most checks wait until it is proposed.',
  proposed: 'Ready for review: needs owners, a claim, a boundary and evidence.',
  accepted: 'Decided: also needs an approver.',
  rejected: 'Decided against.',
  deprecated: 'No longer applies.',
  superseded: 'Replaced by a newer memo (name it in `superseded-by`).',
};

/** Completion in memos: tenet ids, people, status and reversibility values, evidence paths, memo ids. */
export function completion(svc: DecisionService, params: CompletionParams): CompletionList | null {
  const target = svc.target(params.textDocument.uri);
  if (!target || target.kind !== 'memo') return null;
  const memo = svc.documents.memoModel(target.doc, target.rel);
  const at = completionTargetAt(memo, params.position);
  if (!at) return null;
  const { folder } = target;
  if (at.kind === 'inline-tenet') return list(tenetItems(folder, at.range, ']]', new Set()));
  const key = at.key.toLowerCase();
  if (key === 'tenets') {
    const cited = new Set(memo.citations.filter((c) => c.source === 'front-matter' && c.id !== at.prefix).map((c) => c.id));
    return list(tenetItems(folder, at.range, '', cited));
  }
  if (PEOPLE_KEYS.includes(key)) return list(peopleItems(folder, at.range));
  if (key === 'status') return list(valueItems(MEMO_STATUSES, at.range, (s) => STATUS_DOCS[s]));
  if (key === 'reversibility') {
    const required: Record<string, number> = folder.ws.config.evidence.required;
    return list(valueItems(REVERSIBILITIES, at.range, (r) => `Needs at least ${required[r]} evidence artifact${required[r] === 1 ? '' : 's'}.`));
  }
  if (key === 'evidence' && (at.subKey === undefined || EVIDENCE_PATH_KEYS.includes(at.subKey))) return evidenceItems(folder, memo, at.range);
  if (MEMO_LINK_KEYS.includes(key)) return list(memoItems(folder, memo, at.range));
  return null;
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

function peopleItems(folder: ProjectFolder, range: Range): CompletionItem[] {
  const people = folder.ws.people?.people;
  if (people && people.length > 0) {
    return people.map((p) => ({
      label: p.id,
      kind: CompletionItemKind.Value,
      detail: [p.name, p.role].filter(Boolean).join(' · ') || undefined,
      documentation: p.email ? { kind: MarkupKind.Markdown, value: markdownText(p.email) } : undefined,
      filterText: [p.id, p.name, p.email].filter(Boolean).join(' '),
      textEdit: { range, newText: p.id },
    }));
  }
  // Without a people directory, offer the owners other memos already name.
  const seen = new Map<string, number>();
  for (const m of folder.ws.memos.all) for (const o of m.owners) seen.set(o, (seen.get(o) ?? 0) + 1);
  return [...seen].map(([name, n]) => ({
    label: name,
    kind: CompletionItemKind.Value,
    detail: `owner of ${n} memo${n === 1 ? '' : 's'}`,
    textEdit: { range, newText: name },
  }));
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
    items.push({
      label: rel,
      kind: CompletionItemKind.File,
      detail: rel === f ? undefined : f,
      // Nearby files first: fewer `../` and fewer folders.
      sortText: `${String(rel.split('/').length).padStart(3, '0')}${rel}`,
      textEdit: { range, newText: rel },
    });
  }
  return list(items, !complete);
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
