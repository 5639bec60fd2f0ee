import { SymbolKind, type CancellationToken, type WorkspaceSymbol, type WorkspaceSymbolParams } from 'vscode-languageserver-protocol';
import type { DecisionService } from '../decisionService';

/** More than anyone scrolls through; the editor asks again as the query grows. */
const MAX_SYMBOLS = 500;

/** Memos (by id and title) and tenets (by id and title) across every folder, filtered by the query. */
export function workspaceSymbols(svc: DecisionService, params: WorkspaceSymbolParams, token?: CancellationToken): WorkspaceSymbol[] {
  const matches = matcher(params.query);
  const out: WorkspaceSymbol[] = [];
  for (const folder of svc.folders.all) {
    if (token?.isCancellationRequested) break;
    const ws = folder.ws;
    for (const t of ws.registry.all) {
      if (out.length >= MAX_SYMBOLS) return out;
      if (!matches(`${t.id} ${t.title ?? ''}`)) continue;
      out.push({ name: t.title ? `${t.id}: ${t.title}` : t.id, kind: SymbolKind.Constant, containerName: t.file, location: { uri: folder.uriOf(t.file), range: t.idRange } });
    }
    for (const m of ws.memos.all) {
      if (out.length >= MAX_SYMBOLS) return out;
      if (!matches(`${m.id} ${m.title ?? ''}`)) continue;
      out.push({ name: m.title ? `${m.id}: ${m.title}` : m.id, kind: SymbolKind.File, containerName: m.file, location: { uri: folder.uriOf(m.file), range: m.idRange } });
    }
  }
  return out;
}

/** Case-insensitive: the query's characters appear in order (so `englat` finds ENG-LATENCY). */
function matcher(query: string): (text: string) => boolean {
  const q = query.toLowerCase().replace(/\s+/g, '');
  return (text) => {
    const t = text.toLowerCase();
    let i = 0;
    for (let j = 0; j < t.length && i < q.length; j++) if (t[j] === q[i]) i++;
    return i === q.length;
  };
}
