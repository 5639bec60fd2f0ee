import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver-protocol';
import { findPerson } from '../../core/workspace/people';
import type { DecisionService } from '../decisionService';
import type { ProjectFolder } from '../projectFolder';
import type { SymbolRef } from '../positions';
import { codeSpan, markdownText } from './markdownText';
import { symbolUnderCursor } from './symbols';
import { tenetMarkdown } from './tenetInfo';

/** Hover: a tenet's statement and chain, an owner's name and role, a linked memo's title and status. */
export function hover(svc: DecisionService, params: HoverParams): Hover | null {
  const { target, ref } = symbolUnderCursor(svc, params) ?? {};
  if (!target) return null;
  const value = ref ? describe(target.folder, ref) : undefined;
  return ref && value ? { contents: { kind: MarkupKind.Markdown, value }, range: ref.range } : null;
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
