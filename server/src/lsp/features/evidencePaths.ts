import { resolveEvidencePath } from '../../core/evidence/evidencePaths';
import type { Folder } from '../folders';

/** The existing workspace file an evidence path names (resolved as the evidence rules resolve it), or undefined. */
export function evidenceFile(folder: Folder, memoFile: string, target: string): string | undefined {
  const r = resolveEvidencePath(target, memoFile, folder.ws.fs);
  return r.kind === 'found' && !r.isDirectory ? r.path : undefined;
}
