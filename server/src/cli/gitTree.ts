import { git, gitBytes, splitNul } from './git';

// Reading another commit's files without checking it out: its file list (`git ls-tree`) and the
// text of some of them (`git cat-file --batch`, one process for any number of files). Paths in
// and out are relative to the workspace root, which may be a folder inside the repository.

/** A file's state against a commit. */
export interface ChangedPath {
  path: string;
  change: 'added' | 'modified' | 'deleted';
}

/** Files of the workspace that differ between `commit` and the working tree: staged, unstaged and untracked (not ignored). */
export function changedSince(root: string, commit: string): ChangedPath[] {
  const out = new Map<string, ChangedPath>();
  // `--relative` run in the root: only files below it, with paths relative to it.
  const fields = splitNul(git(root, ['diff', '--name-status', '-z', '--no-renames', '--relative', commit, '--']));
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const status = fields[i]!.charAt(0);
    out.set(fields[i + 1]!, { path: fields[i + 1]!, change: status === 'A' ? 'added' : status === 'D' ? 'deleted' : 'modified' });
  }
  for (const file of splitNul(git(root, ['ls-files', '--others', '--exclude-standard', '-z', '--']))) out.set(file, { path: file, change: 'added' });
  return [...out.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Files of the workspace added or modified between two commits (what the other branch did since they parted). */
export function changedBetween(root: string, from: string, to: string): string[] {
  return splitNul(git(root, ['diff', '--name-only', '-z', '--no-renames', '--relative', '--diff-filter=AMT', from, to, '--']));
}

/** Every file of the workspace in a commit. */
export function filesAt(root: string, commit: string): string[] {
  // Without --full-name, ls-tree run in a subfolder prints paths relative to it.
  return splitNul(git(root, ['ls-tree', '-r', '-z', '--name-only', commit, '--', '.']));
}

/** The text of each file at a commit (files that are not there are left out). */
export function readAt(root: string, commit: string, files: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  // The batch protocol is one request per line: a name with a line break cannot be asked for.
  const asked = files.filter((f) => !/[\r\n]/.test(f));
  if (asked.length === 0) return out;
  // `./` makes the path relative to the current folder (the root), not to the repository's top.
  const raw = gitBytes(root, ['cat-file', '--batch'], asked.map((f) => `${commit}:./${f}`).join('\n') + '\n');
  let at = 0;
  for (const file of asked) {
    const eol = raw.indexOf(0x0a, at);
    if (eol < 0) break;
    const header = raw.subarray(at, eol).toString('utf8');
    at = eol + 1;
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!m) continue; // `<name> missing`
    const size = Number(m[2]);
    if (m[1] === 'blob') out.set(file, raw.subarray(at, at + size).toString('utf8'));
    at += size + 1;
  }
  return out;
}
