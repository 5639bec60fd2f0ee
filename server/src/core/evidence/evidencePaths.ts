import * as posix from 'pathe';
import { normaliseRelative, type PathInfo, type WorkspaceFs } from '../workspace/workspaceFs';

// Where an evidence entry points, decided in one place for every evidence rule. A path is
// looked up relative to the memo's folder first, then the workspace root. Nothing here reads a
// file: existence and the real location come from `WorkspaceFs.inspect`, so a path that leads
// out of the workspace (absolute, `..`, a symlink) is never opened, and URLs are never fetched.

/** Why a target counts as outside the workspace. */
export type OutsideReason = 'absolute' | 'windows' | 'home' | 'file-url' | 'escapes' | 'symlink';

export type EvidenceResolution =
  /** A URL or another scheme (`https:`, `mailto:`, `doi:`): not a workspace file, never fetched. */
  | { kind: 'url' }
  /** An existing file or folder inside the workspace, by workspace-relative path. */
  | { kind: 'found'; path: string; isDirectory: boolean }
  /** Inside the workspace but absent. `path` is where it should be created (the memo-folder candidate). */
  | { kind: 'missing'; path: string; looked: string[]; isFolder: boolean }
  /** The name exists but is a dangling or looping symlink, so it leads to nothing readable. */
  | { kind: 'broken-link'; path: string }
  | { kind: 'outside'; reason: OutsideReason }
  /** Not a usable path at all (several lines, control characters). */
  | { kind: 'invalid' };

// A scheme of two letters or more: a one-letter "scheme" is a Windows drive (`C:`).
const SCHEME = /^([a-z][a-z0-9+.-]+):/i;
const WINDOWS_PATH = /^(?:[a-z]:|\\\\|\/\/)/i;

/** Classifies and resolves one evidence target written in `memoFile`. Never reads, never throws. */
export function resolveEvidencePath(target: string, memoFile: string, fs: WorkspaceFs): EvidenceResolution {
  const written = target.trim();
  if (written === '' || /\p{Cc}/u.test(written)) return { kind: 'invalid' };
  const outside = outsideByShape(written);
  if (outside) return { kind: 'outside', reason: outside };
  if (SCHEME.test(written)) return { kind: 'url' };

  // `report.md#latency` names a section of report.md, unless a file is really called that.
  const hash = written.indexOf('#');
  const variants = hash > 0 ? [written, written.slice(0, hash)] : [written];
  let firstBroken: string | undefined;
  let escapesViaFolder = false;
  for (const variant of variants) {
    const candidates = candidatePaths(variant, memoFile);
    if (!candidates) return { kind: 'outside', reason: 'escapes' };
    for (const candidate of candidates) {
      const state = inspectCandidate(fs, candidate);
      if (state.kind === 'found' || state.kind === 'outside') return state;
      if (state.kind === 'broken-link') firstBroken ??= candidate;
      if (state.kind === 'escaping-folder') escapesViaFolder = true;
    }
  }
  if (firstBroken !== undefined) return { kind: 'broken-link', path: firstBroken };
  // Creating the file under a folder that links out of the workspace would write outside it.
  if (escapesViaFolder) return { kind: 'outside', reason: 'symlink' };
  const lastVariant = variants[variants.length - 1]!;
  const looked = candidatePaths(lastVariant, memoFile) ?? [];
  return { kind: 'missing', path: looked[0] ?? '', looked, isFolder: /[\\/]$/.test(lastVariant) };
}

/** Targets that name a place outside the workspace by their shape alone, without looking at the disk. */
function outsideByShape(written: string): OutsideReason | undefined {
  if (/^file:/i.test(written)) return 'file-url';
  if (WINDOWS_PATH.test(written)) return 'windows';
  if (written.startsWith('/')) return 'absolute';
  // `~/x` is the writer's home folder; `~draft.md` is an ordinary (if odd) file name.
  if (/^~(?:[/\\]|$)/.test(written)) return 'home';
  return undefined;
}

/**
 * The workspace-relative places a relative path may name, in lookup order: the memo's folder,
 * then the workspace root. Undefined when the path climbs out of the workspace with `..`.
 */
export function candidatePaths(written: string, memoFile: string): string[] | undefined {
  const folder = posix.dirname(memoFile);
  const fromMemo = normaliseRelative(folder === '.' ? written : `${folder}/${written.replace(/\\/g, '/')}`);
  // Climbing out from the memo's folder means climbing out from the root too (the folder is inside it).
  if (fromMemo === undefined) return undefined;
  const fromRoot = normaliseRelative(written);
  return fromRoot === undefined || fromRoot === fromMemo ? [fromMemo] : [fromMemo, fromRoot];
}

type CandidateState =
  | { kind: 'found'; path: string; isDirectory: boolean }
  | { kind: 'outside'; reason: OutsideReason }
  | { kind: 'broken-link' }
  | { kind: 'escaping-folder' }
  | { kind: 'absent' };

function inspectCandidate(fs: WorkspaceFs, path: string): CandidateState {
  const info = safeInspect(fs, path);
  if (!info.lexicallyInside) return { kind: 'outside', reason: 'escapes' };
  if (info.exists) return info.realInside ? { kind: 'found', path, isDirectory: info.isDirectory } : { kind: 'outside', reason: 'symlink' };
  if (!info.realInside) return { kind: 'broken-link' };
  // An absent file may still sit under a folder that links out of the workspace. The nearest
  // existing folder decides: its real path already accounts for every link above it.
  for (let dir = posix.dirname(path); dir !== '.' && dir !== '/' && dir !== ''; dir = posix.dirname(dir)) {
    const d = safeInspect(fs, dir);
    if (d.exists) return d.realInside ? { kind: 'absent' } : { kind: 'escaping-folder' };
    if (!d.realInside) return { kind: 'broken-link' };
  }
  return { kind: 'absent' };
}

function safeInspect(fs: WorkspaceFs, path: string): PathInfo {
  try {
    return fs.inspect(path);
  } catch {
    // An adapter that throws tells us nothing: treat the name as leading nowhere readable.
    return { lexicallyInside: true, exists: false, realInside: false, isDirectory: false };
  }
}
