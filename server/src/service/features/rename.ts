import {
  TextDocumentEdit,
  type PrepareRenameParams,
  type Range,
  type RenameParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TENET_ID } from '../../core/ids';
import { LineIndex } from '../../core/text/lineIndex';
import { ServiceError, type DecisionService } from '../decisionService';
import type { ProjectFolder } from '../projectFolder';
import { idRangeWithin } from '../positions';
import { currentTenetFiles, tenetReferences } from './references';
import { symbolUnderCursor } from './symbols';

/** Rename is offered on tenet ids only: the range of the id under the cursor. */
export function prepareRename(svc: DecisionService, params: PrepareRenameParams): { range: Range; placeholder: string } | null {
  const { target, ref } = symbolUnderCursor(svc, params) ?? {};
  if (!target || !ref || ref.kind !== 'tenet') return null;
  if (target.folder.ws.registry.definitions(ref.id).length === 0) {
    throw new ServiceError('invalid-request', `${ref.id} is not defined in any tenet file, so it cannot be renamed.`);
  }
  refuseShared(target.folder, ref.id);
  refuseWhileIndexing(target.folder);
  return { range: ref.range, placeholder: ref.id };
}

/** Until every memo's body is indexed, some citations are not known yet: a rename now would leave them behind. */
function refuseWhileIndexing(folder: ProjectFolder): void {
  const { state, done, total, reading } = folder.index;
  if (state === 'ready' && !reading) return;
  const progress = reading ? `${reading.done}/${reading.total} memo bodies read` : `${done}/${total} memos indexed`;
  throw new ServiceError('invalid-request', `The workspace is still being indexed (${progress}); rename once it is complete, so that every citation is found.`);
}

/** A tenet a shared config (`extends`) defines is read-only here: renaming it would leave the package and its other users behind. */
function refuseShared(folder: ProjectFolder, id: string): void {
  for (const d of folder.ws.registry.definitions(id)) {
    const source = folder.ws.sharedSourceOf(d.file);
    if (source !== undefined) throw new ServiceError('invalid-request', `${id} is defined by the shared config ${source}; change it there.`);
  }
}

/** Renames a tenet id in its definitions, in `parent:` fields and in every memo that cites it. */
export function rename(svc: DecisionService, params: RenameParams): WorkspaceEdit | null {
  const { target, ref } = symbolUnderCursor(svc, params) ?? {};
  if (!target) return null;
  if (!ref || ref.kind !== 'tenet') throw new ServiceError('invalid-request', 'Only tenet ids can be renamed.');
  const newId = params.newName.trim();
  if (!TENET_ID.test(newId)) {
    throw new ServiceError('invalid-params', `\`${newId}\` is not a tenet id; expected capitals, digits and dashes such as ENG-LATENCY.`);
  }
  const { folder } = target;
  refuseShared(folder, ref.id);
  refuseWhileIndexing(folder);
  if (newId === ref.id) return { changes: {} };
  if (folder.ws.registry.definitions(newId).length > 0) {
    throw new ServiceError('invalid-params', `A tenet named ${newId} already exists; pick another id.`);
  }
  const edits = new Map<string, TextEdit[]>();
  const add = (file: string, range: Range) => {
    let list = edits.get(file);
    if (!list) edits.set(file, (list = []));
    if (!list.some((e) => sameRange(e.range, range))) list.push({ range, newText: newId });
  };
  for (const tf of currentTenetFiles(folder)) {
    const defs = tf.tenets.filter((t) => t.id === ref.id);
    if (defs.length === 0) continue;
    const lines = new LineIndex(tf.text);
    for (const t of defs) add(tf.file, idRangeWithin(lines, t.idRange, ref.id));
  }
  // A shared tenet file's `parent:` naming a local id stays as the package wrote it.
  for (const r of tenetReferences(svc, folder, ref.id)) if (folder.ws.sharedSourceOf(r.file) === undefined) add(r.file, r.range);
  return toWorkspaceEdit(svc, folder, edits);
}

function toWorkspaceEdit(svc: DecisionService, folder: ProjectFolder, edits: Map<string, TextEdit[]>): WorkspaceEdit {
  if (svc.client.documentChanges) {
    return {
      documentChanges: [...edits].map(([file, list]) => {
        const doc = folder.openDocument(file);
        return TextDocumentEdit.create({ uri: doc?.uri ?? folder.uriOf(file), version: doc ? doc.version : null }, list);
      }),
    };
  }
  return { changes: Object.fromEntries([...edits].map(([file, list]) => [folder.uriOf(file), list])) };
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
