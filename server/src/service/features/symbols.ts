import type { Position } from '../../core/types';
import { LineIndex } from '../../core/text/lineIndex';
import type { TextDocumentPositionParams } from 'vscode-languageserver-protocol';
import type { DecisionService, DocumentTarget } from '../decisionService';
import { memoSymbolAt, tenetFileSymbolAt, tenetIdAt, type SymbolRef } from '../positions';

/** The document of a position request and the symbol under its cursor (undefined: not our document). */
export function symbolUnderCursor(svc: DecisionService, params: TextDocumentPositionParams): { target: DocumentTarget; ref: SymbolRef | undefined } | undefined {
  const target = svc.target(params.textDocument.uri);
  return target ? { target, ref: symbolAt(svc, target, params.position) } : undefined;
}

/**
 * The tenet id, person, memo id or evidence path under the cursor of any open document:
 * memos read through their model, tenet files through theirs, other files by the id's shape.
 */
function symbolAt(svc: DecisionService, target: DocumentTarget, pos: Position): SymbolRef | undefined {
  const { doc, rel } = target;
  switch (target.kind) {
    case 'memo':
      return memoSymbolAt(svc.documents.memoModel(doc, rel), pos);
    case 'tenet': {
      const file = svc.documents.tenetFile(doc, rel);
      return tenetFileSymbolAt(file, new LineIndex(file.text), pos);
    }
    default:
      return tenetIdAt(new LineIndex(doc.getText()), pos);
  }
}
