import { createHash } from 'node:crypto';
import { memoIdFromPath } from '../core/ids';
import { parseMemo } from '../core/memo/memoParser';
import type { BaseRef } from '../core/workspace/baseRef';
import { frontMatterSummary } from '../core/workspace/frontMatterSummary';
import type { Workspace } from '../core/workspace/workspace';
import { looksBinary } from '../core/workspace/workspaceFs';
import { mergeBase, requireRepository, resolveCommit } from './git';
import { changedBetween, filesAt, readAt } from './gitTree';

// `--base REF` (check and new): what the branch this one merges into holds. Its memo files are
// listed from the commit's tree; the ids that matter are those of the memos the base added or
// changed since the branches parted (`git diff <merge-base> REF`), whose text is read from git
// objects without a checkout. Without a merge base (a shallow clone) every base memo this branch
// lacks counts instead: more than needed, never less. The memo globs are this branch's.

/** Reads the base for a workspace whose config is loaded. Throws CliError (one line) when git cannot answer. */
export function readBaseRef(ws: Workspace, ref: string, option = '--base'): BaseRef {
  const root = ws.fs.root;
  requireRepository(root, option);
  const commit = resolveCommit(root, ref, option);
  const files = filesAt(root, commit);
  const memoFiles = files.filter((f) => ws.isMemoFile(f));
  const parted = mergeBase(root, commit);
  let candidates: string[];
  if (parted) {
    candidates = changedBetween(root, parted, commit).filter((f) => ws.isMemoFile(f));
  } else {
    const here = new Set(ws.listMemoFiles());
    candidates = memoFiles.filter((f) => !here.has(f));
  }
  const idsAdded = new Map<string, string[]>();
  for (const [file, text] of readAt(root, commit, candidates)) {
    if (looksBinary(Buffer.from(text))) continue;
    const id = frontMatterSummary(file, text)?.id ?? parseMemo(file, text).id.value;
    idsAdded.set(id, [...(idsAdded.get(id) ?? []), file]);
  }
  return { name: ref, files: new Set(files), idsAdded };
}

/** Every id the base holds beyond the workspace's own memos, file-name numbers included (what `new` numbers after). */
export function baseTakenIds(base: BaseRef): string[] {
  return [...base.idsAdded].flatMap(([id, files]) => [id, ...files.map(memoIdFromPath)]);
}

/** A fingerprint of the base for the result cache: results computed against one base are not reused against another. */
export function baseFingerprint(base: BaseRef): string {
  const h = createHash('sha1');
  for (const f of [...base.files].sort()) h.update(`${f}\n`);
  for (const [id, files] of [...base.idsAdded].sort(([a], [b]) => (a < b ? -1 : 1))) h.update(`${id}\0${files.join('\0')}\n`);
  return h.digest('base64url');
}
