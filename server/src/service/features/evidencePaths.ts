import { resolveEvidencePath } from '../../core/evidence/evidencePaths';
import type { ProjectFolder } from '../projectFolder';

/** The existing workspace file an evidence path names (resolved as the evidence rules resolve it), or undefined. */
export function evidenceFile(folder: ProjectFolder, memoFile: string, target: string): string | undefined {
  const r = resolveEvidencePath(target, memoFile, folder.ws.fs);
  return r.kind === 'found' && !r.isDirectory ? r.path : undefined;
}
