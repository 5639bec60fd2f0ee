import type { CodeLens, CodeLensParams } from 'vscode-languageserver/node';
import { SHOW_REFERENCES_COMMAND } from '../../shared/protocol';
import { documentTarget, type ServerContext } from '../context';

/** "cited by N memos" above each tenet definition; clicking shows the citing places. */
export async function codeLenses(ctx: ServerContext, params: CodeLensParams): Promise<CodeLens[]> {
  const target = documentTarget(ctx, params.textDocument.uri);
  if (!target || target.kind !== 'tenet') return [];
  const settings = await ctx.settings.get(target.folder);
  if (!settings.enable || !settings.codeLens) return [];
  const file = ctx.documents.tenetFile(target.doc, target.rel);
  return file.tenets.map((t) => {
    const n = target.folder.ws.memos.citing(t.id).length;
    const title = n === 0 ? 'not cited by any memo' : `cited by ${n} memo${n === 1 ? '' : 's'}`;
    return {
      range: t.idRange,
      command: n === 0 ? { title, command: '' } : { title, command: SHOW_REFERENCES_COMMAND, arguments: [target.doc.uri, t.idRange.start] },
    };
  });
}
