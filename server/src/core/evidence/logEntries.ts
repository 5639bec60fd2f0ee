import { isUrl } from '../ids';
import { artifactOf, cell } from '../memo/method';
import type { EvidenceEntry, MemoModel } from '../memo/memoModel';

// The artifacts of a memo's evidence logs as evidence entries, so that the evidence rules resolve
// and judge them exactly as they do front matter evidence (not found, outside the workspace,
// stale, no limitation), with each cell's range. `fromLog` tells them apart.

export interface LogEntry extends EvidenceEntry {
  fromLog: true;
}

const cache = new WeakMap<MemoModel, LogEntry[]>();

/** Every artifact cell of every evidence log of the memo, as an entry (rows without an artifact are left out). */
export function logEntries(memo: MemoModel): LogEntry[] {
  let out = cache.get(memo);
  if (out) return out;
  out = [];
  for (const log of memo.structures.logs) {
    const table = log.table;
    if (!table) continue;
    for (const row of table.rows) {
      const artifactCell = cell(table, row, 'evidence artifact');
      const artifact = artifactCell ? artifactOf(artifactCell) : undefined;
      if (!artifact) continue;
      const limits = cell(table, row, 'quality limits');
      const date = cell(table, row, 'date');
      out.push({
        target: artifact.target,
        kind: isUrl(artifact.target) ? 'url' : 'path',
        targetRange: artifact.range,
        range: row.range,
        limits: limits && limits.text.trim() !== '' ? { value: limits.text.trim(), range: limits.range } : undefined,
        date: date && date.text.trim() !== '' ? { value: date.text.trim(), range: date.range } : undefined,
        isMap: false,
        fromLog: true,
      });
    }
  }
  cache.set(memo, out);
  return out;
}
