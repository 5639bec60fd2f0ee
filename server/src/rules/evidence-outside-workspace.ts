import { isPlaceholder } from '../core/evidence/evidenceEntries';
import { resolveEvidencePath, type OutsideReason } from '../core/evidence/evidencePaths';
import type { MemoRule } from '../core/check/rule';
import { logEntries } from '../core/evidence/logEntries';

const WHY: Record<OutsideReason, string> = {
  absolute: 'is an absolute path',
  windows: 'is a Windows drive or network path',
  home: 'points into a home folder',
  'file-url': 'is a `file:` URL',
  escapes: 'climbs out of the workspace with `..`',
  symlink: 'leads through a symbolic link to a place outside the workspace',
};

export const evidenceOutsideWorkspace: MemoRule = {
  id: 'evidence-outside-workspace',
  target: 'memo',
  description: 'Evidence paths stay inside the workspace (after following symbolic links); anything outside is reported and never read.',
  defaultSeverity: 'error',
  check(memo, ctx, report) {
    // Front matter evidence and the artifacts of the evidence log, judged alike.
    for (const entry of [...memo.evidence, ...logEntries(memo)]) {
      if (entry.malformed || entry.emptyTarget || isPlaceholder(entry.target)) continue;
      const resolved = resolveEvidencePath(entry.target, memo.file, ctx.fs);
      if (resolved.kind !== 'outside') continue;
      report({
        range: entry.targetRange,
        message: `Evidence \`${entry.target}\` ${WHY[resolved.reason]}, so it was not read; expected a path inside the workspace (relative to the memo's folder or the workspace root) or an http(s) URL.`,
      });
    }
  },
};
