import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { findPerson } from '../../core/people';
import { documentTarget, type ServerContext } from '../context';
import type { Folder } from '../folders';
import type { SymbolRef } from '../positions';
import { symbolAt } from './symbols';
import { tenetMarkdown } from './tenetInfo';

/** Hover: a tenet's statement and chain, an owner's name and role, a linked memo's title and status. */
export function hover(ctx: ServerContext, params: HoverParams): Hover | null {
  const target = documentTarget(ctx, params.textDocument.uri);
  if (!target) return null;
  const ref = symbolAt(ctx, target, params.position);
  const value = ref ? describe(target.folder, ref) : undefined;
  return ref && value ? { contents: { kind: MarkupKind.Markdown, value }, range: ref.range } : null;
}

function describe(folder: Folder, ref: SymbolRef): string | undefined {
  const ws = folder.ws;
  switch (ref.kind) {
    case 'tenet': {
      const t = ws.registry.get(ref.id);
      if (t) return tenetMarkdown(ws, t);
      return `**${ref.id}**: no tenet with this id in \`${ws.config.tenets.join('`, `')}\`.`;
    }
    case 'person': {
      if (!ws.people) return undefined;
      const p = findPerson(ws.people, ref.id);
      if (!p) return `**${ref.id}** is not in \`${ws.people.file}\`.`;
      const name = p.name ? `**${p.name}** (${p.id})` : `**${p.id}**`;
      return [name, p.role, p.email].filter(Boolean).join(' · ');
    }
    case 'memo': {
      const memos = ws.memos.withId(ref.id);
      if (memos.length === 0) return `**${ref.id}**: no memo with this id.`;
      return memos.map((m) => `**${m.id}**: ${m.title ?? '_untitled_'} · ${m.status ?? 'no status'} · \`${m.file}\``).join('\n\n');
    }
    default:
      return undefined;
  }
}
