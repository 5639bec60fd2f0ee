import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Replaces a file's content all at once: the bytes go to a temporary file in the same folder
 * (so the rename stays on one file system), which takes the original's permissions and is then
 * renamed over it. A reader, an editor or an interrupted run sees the old file or the new one,
 * never half of one. A symbolic link is followed, so the link itself stays a link.
 */
export function writeFileAtomic(file: string, data: Buffer): void {
  const target = fs.realpathSync(file);
  const mode = fs.statSync(target).mode & 0o7777;
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.decision-memos.tmp`);
  try {
    fs.writeFileSync(tmp, data, { flag: 'wx', mode });
    // The mode given at creation is reduced by the umask: set it exactly.
    fs.chmodSync(tmp, mode);
    fs.renameSync(tmp, target);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
