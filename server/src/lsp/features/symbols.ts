import type { Position } from '../../core/types';
import { LineIndex } from '../../core/text';
import type { DocumentTarget, ServerContext } from '../context';
import { memoSymbolAt, tenetFileSymbolAt, tenetIdAt, type SymbolRef } from '../positions';

/**
 * The tenet id, person, memo id or evidence path under the cursor of any open document:
 * memos read through their model, tenet files through theirs, other files by the id's shape.
 */
export function symbolAt(ctx: ServerContext, target: DocumentTarget, pos: Position): SymbolRef | undefined {
  const { doc, rel } = target;
  switch (target.kind) {
    case 'memo':
      return memoSymbolAt(ctx.documents.memoModel(doc, rel), pos);
    case 'tenet': {
      const file = ctx.documents.tenetFile(doc, rel);
      return tenetFileSymbolAt(file, new LineIndex(file.text), pos);
    }
    default:
      return tenetIdAt(new LineIndex(doc.getText()), pos);
  }
}
