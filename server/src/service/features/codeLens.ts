import type { CodeLens, CodeLensParams } from 'vscode-languageserver-protocol';
import { SHOW_REFERENCES_COMMAND } from '../../shared/protocol';
import type { DecisionService } from '../decisionService';

/** "cited by N memos" above each tenet definition; clicking shows the citing places. */
export function codeLenses(svc: DecisionService, params: CodeLensParams): CodeLens[] {
  const target = svc.target(params.textDocument.uri);
  if (!target || target.kind !== 'tenet') return [];
  const settings = svc.settingsOf(target.folder);
  if (!settings.enable || !settings.codeLens) return [];
  const file = svc.documents.tenetFile(target.doc, target.rel);
  return file.tenets.map((t) => {
    const n = target.folder.ws.memos.citing(t.id).length;
    const title = n === 0 ? 'not cited by any memo' : `cited by ${n} memo${n === 1 ? '' : 's'}`;
    return {
      range: t.idRange,
      command: n === 0 ? { title, command: '' } : { title, command: SHOW_REFERENCES_COMMAND, arguments: [target.doc.uri, t.idRange.start] },
    };
  });
}
