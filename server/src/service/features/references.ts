import type { CancellationToken, Location, ReferenceParams } from 'vscode-languageserver-protocol';
import type { TenetFile } from '../../core/tenets/tenetModel';
import { LineIndex } from '../../core/text/lineIndex';
import type { Range } from '../../core/types';
import type { DecisionService } from '../decisionService';
import type { ProjectFolder } from '../projectFolder';
import { idRangeWithin } from '../positions';
import { symbolUnderCursor } from './symbols';

/** Find references: every citation of a tenet (closed memos included) and every `parent:` naming it; memos linking to a memo id. */
export function references(svc: DecisionService, params: ReferenceParams, token?: CancellationToken): Location[] | null {
  const { target, ref } = symbolUnderCursor(svc, params) ?? {};
  if (!target || !ref) return null;
  const { folder } = target;
  const ws = folder.ws;
  const withDeclaration = params.context.includeDeclaration;
  if (ref.kind === 'tenet') {
    const out: Location[] = [];
    if (withDeclaration) for (const t of ws.registry.definitions(ref.id)) out.push({ uri: folder.uriOf(t.file), range: t.idRange });
    for (const r of tenetReferences(svc, folder, ref.id, token)) out.push({ uri: folder.uriOf(r.file), range: r.range });
    return out;
  }
  if (ref.kind === 'memo') {
    const out: Location[] = [];
    if (withDeclaration) for (const m of ws.memos.withId(ref.id)) out.push({ uri: folder.uriOf(m.file), range: m.idRange });
    for (const m of ws.memos.linkedTo(ref.id)) {
      for (const l of [...m.supersedes, ...m.supersededBy]) if (l.value === ref.id) out.push({ uri: folder.uriOf(m.file), range: l.range });
    }
    return out;
  }
  return null;
}

export interface TenetReference {
  file: string;
  /** The id itself (without `[[`/`]]` or quotes). */
  range: Range;
  kind: 'citation' | 'parent';
}

/**
 * Every place outside a definition that names a tenet: citations in memos (parsed on demand, from
 * the open buffer or the disk, so the ranges are exact) and `parent:` in tenet files.
 */
export function tenetReferences(svc: DecisionService, folder: ProjectFolder, id: string, token?: CancellationToken): TenetReference[] {
  const ws = folder.ws;
  const out: TenetReference[] = [];
  const files = new Set(ws.memos.citing(id).map((m) => m.file));
  for (const doc of svc.documents.all()) {
    const rel = folder.relative(doc.uri);
    if (rel !== undefined && folder.kindOf(rel) === 'memo' && svc.folders.existingFolderFor(doc.uri) === folder) files.add(rel);
  }
  for (const file of [...files].sort()) {
    if (token?.isCancellationRequested) break;
    const doc = folder.openDocument(file);
    const memo = doc ? svc.documents.memoModel(doc, file) : folder.currentMemo(file);
    if (!memo) continue;
    for (const c of memo.citations) if (c.id === id) out.push({ file, range: idRangeWithin(memo.lines, c.range, id), kind: 'citation' });
  }
  for (const tf of currentTenetFiles(folder)) {
    const naming = tf.tenets.filter((t) => t.parent?.value === id);
    if (naming.length === 0) continue;
    const lines = new LineIndex(tf.text);
    for (const t of naming) out.push({ file: tf.file, range: idRangeWithin(lines, t.parent!.range, id), kind: 'parent' });
  }
  return out;
}

/** The folder's tenet files, open ones as their buffers read now (the registry may lag behind typing). */
export function currentTenetFiles(folder: ProjectFolder): TenetFile[] {
  return folder.ws.registry.tenetFiles.map((tf) => folder.currentTenetFile(tf.file) ?? tf);
}
