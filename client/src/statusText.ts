import type { StatusParams } from '../../server/src/shared/protocol';

// What the status bar says for a server status; no VS Code import, so unit tests can call it.

/** The status bar text and tooltip for a server status. */
export function describeStatus(status: StatusParams): { text: string; tooltip: string } {
  if (status.state === 'indexing') {
    const progress = status.total !== undefined ? `${status.memos}/${status.total}` : `${status.memos}`;
    return { text: `$(sync~spin) Memos: indexing ${progress}…`, tooltip: 'Decision Memos: reading memos and tenets' };
  }
  if (status.reading) {
    return {
      text: `$(sync~spin) Memos: reading ${status.reading.done}/${status.reading.total}…`,
      tooltip: `Decision Memos: all ${status.memos} memos are known from their front matter; reading their bodies (inline citations, evidence, relevance). The audit and renames wait for it.`,
    };
  }
  const problems = status.errors + status.warnings;
  const memos = `${status.memos} memo${status.memos === 1 ? '' : 's'}`;
  if (problems === 0) return { text: '$(check) Memos', tooltip: `Decision Memos: ${memos}, no problems` };
  const icon = status.errors > 0 ? '$(error)' : '$(warning)';
  return {
    text: `${icon} Memos: ${problems} problem${problems === 1 ? '' : 's'}`,
    // Problems lists only open files unless `problemsScope` is `workspace`: say where the rest are.
    tooltip: `Decision Memos: ${memos}, ${status.errors} error(s) and ${status.warnings} warning(s) in the workspace. Click to open Problems (set "decisionMemos.problemsScope" to "workspace" to list those of closed files too).`,
  };
}
