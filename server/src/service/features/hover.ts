import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver-protocol';
import { findPerson } from '../../core/workspace/people';
import type { DecisionService } from '../decisionService';
import type { ProjectFolder } from '../projectFolder';
import type { SymbolRef } from '../positions';
import { codeSpan, markdownText } from './markdownText';
import { authorityRefAt, decisionTypeHover, triggerHover } from './authorityInfo';
import { stageGateHover } from './methodStructures';
import { symbolUnderCursor } from './symbols';
import { tenetMarkdown } from './tenetInfo';

/**
 * Hover: a tenet's statement and chain, an owner's name and role, a linked memo's title and status,
 * a memo's decision type (its matrix row, read against the memo) and impact triggers, a stage gate's date.
 */
export function hover(svc: DecisionService, params: HoverParams): Hover | null {
  const { target, ref } = symbolUnderCursor(svc, params) ?? {};
  if (!target) return null;
  if (target.kind === 'memo') {
    const memo = svc.documents.memoModel(target.doc, target.rel);
    const authority = authorityRefAt(memo, params.position);
    if (authority) {
      const ws = target.folder.ws;
      const value = authority.kind === 'decision-type' ? decisionTypeHover(ws, svc.host.today(), authority.id, memo) : triggerHover(ws, authority.trigger, memo);
      return { contents: { kind: MarkupKind.Markdown, value }, range: authority.range };
    }
  }
  const value = ref ? describe(target.folder, ref) : undefined;
  if (ref && value) return { contents: { kind: MarkupKind.Markdown, value }, range: ref.range };
  if (target.kind !== 'memo') return null;
  const gate = stageGateHover(svc.documents.memoModel(target.doc, target.rel), params.position, svc.host.today());
  return gate ? { contents: { kind: MarkupKind.Markdown, value: gate.value }, range: gate.range } : null;
}

function describe(folder: ProjectFolder, ref: SymbolRef): string | undefined {
  const ws = folder.ws;
  const md = markdownText;
  switch (ref.kind) {
    case 'tenet': {
      const t = ws.registry.get(ref.id);
      if (t) return tenetMarkdown(ws, t);
      return `**${md(ref.id)}**: no tenet with this id in ${ws.config.tenets.map(codeSpan).join(', ')}.`;
    }
    case 'person': {
      if (!ws.people) return undefined;
      const p = findPerson(ws.people, ref.id);
      if (!p) return `**${md(ref.id)}** is not in ${codeSpan(ws.people.file)}.`;
      const name = p.name ? `**${md(p.name)}** (${md(p.id)})` : `**${md(p.id)}**`;
      return [name, ...[p.role, p.email].filter((x): x is string => Boolean(x)).map(md)].join(' · ');
    }
    case 'memo': {
      const memos = ws.memos.withId(ref.id);
      if (memos.length === 0) return `**${md(ref.id)}**: no memo with this id.`;
      return memos.map((m) => `**${md(m.id)}**: ${m.title ? md(m.title) : '_untitled_'} · ${md(m.status ?? 'no status')} · ${codeSpan(m.file)}`).join('\n\n');
    }
    default:
      return undefined;
  }
}
