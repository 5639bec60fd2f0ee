import * as posix from 'pathe';
import picomatch from 'picomatch';
import { evidenceItems, isPlaceholder } from '../core/evidence/evidenceEntries';
import { resolveEvidencePath } from '../core/evidence/evidencePaths';
import { contentRange } from '../core/fixes/fixEdits';
import type { MemoModel } from '../core/memo/memoModel';
import type { MemoRule, RuleContext } from '../core/check/rule';
import type { Fix, Range } from '../core/types';
import { isPlaceholderValue } from '../core/text/placeholders';
import { dateProblem } from '../core/dates';
import { logEntries } from '../core/evidence/logEntries';

// Only text files get a template: a markdown stub saved as `.csv` or `.png` would be a broken artifact.
const TEMPLATED = /\.(?:md|markdown|mdx|txt)$/i;

export const evidenceNotFound: MemoRule = {
  id: 'evidence-not-found',
  target: 'memo',
  description: 'Every evidence entry names a file or folder that exists in the workspace, or a URL.',
  defaultSeverity: 'error',
  check(memo, ctx, report) {
    for (const { node, list, entry } of evidenceItems(memo)) {
      if (!entry) {
        // An empty `-` item; a bare `evidence:` with no value is evidence-missing's business.
        if (list) report({ range: emptyItemRange(memo, node.range), message: 'This evidence entry is empty; expected a path or URL.' });
        continue;
      }
      // `path:` with nothing yet is a blank (placeholder-left).
      if (entry.emptyTarget) continue;
      if (entry.malformed) {
        report({ range: contentRange(memo, entry.range), message: `This evidence entry names no artifact: ${entry.malformed}.` });
        continue;
      }
      const target = entry.target;
      // A blank (`PATH-OR-URL`) is placeholder-left's: it is not a missing file.
      if (isPlaceholder(target) || isPlaceholderValue(target)) continue;
      const resolved = resolveEvidencePath(target, memo.file, ctx.fs);
      if (resolved.kind === 'invalid') {
        report({ range: contentRange(memo, entry.targetRange), message: 'This evidence path spans several lines or holds control characters; expected one path or URL on one line.' });
      } else if (resolved.kind === 'broken-link') {
        report({ range: entry.targetRange, message: `\`${target}\` is a symbolic link that leads nowhere (broken or looping); expected a file or folder in the workspace.` });
      } else if (resolved.kind === 'missing') {
        const [first, second] = resolved.looked;
        const where = second ? `at \`${first}\` or \`${second}\`` : `at \`${first}\``;
        const path = createPath(resolved.looked, ctx) ?? resolved.path;
        const fix = resolved.isFolder || !TEMPLATED.test(path) ? undefined : createFromTemplate(memo, path, entryDate(entry.date?.value) ?? ctx.today);
        report({
          range: entry.targetRange,
          message: `Evidence \`${target}\` was not found ${where}; expected an existing file or folder in the workspace.`,
          fixes: fix ? [fix] : [],
        });
      }
    }
    // The evidence log's artifacts resolve like front matter evidence, reported on their cells.
    for (const entry of logEntries(memo)) {
      if (isPlaceholder(entry.target) || isPlaceholderValue(entry.target)) continue;
      const resolved = resolveEvidencePath(entry.target, memo.file, ctx.fs);
      if (resolved.kind === 'missing') {
        const [first, second] = resolved.looked;
        const where = second ? `at \`${first}\` or \`${second}\`` : `at \`${first}\``;
        report({ range: entry.targetRange, message: `Evidence log artifact \`${entry.target}\` was not found ${where}; expected an existing file or folder in the workspace.` });
      } else if (resolved.kind === 'broken-link') {
        report({ range: entry.targetRange, message: `\`${entry.target}\` is a symbolic link that leads nowhere (broken or looping); expected a file or folder in the workspace.` });
      }
    }
  },
};

/** An empty item has an empty range; underline its dash instead so the editor shows something. */
function emptyItemRange(memo: MemoModel, range: Range): Range {
  if (range.start.line !== range.end.line || range.start.character !== range.end.character) return range;
  const line = memo.lines.lineText(range.start.line);
  const start = line.length - line.trimStart().length;
  return { start: { line: range.start.line, character: start }, end: { line: range.start.line, character: line.trimEnd().length } };
}

/**
 * Where a missing artifact is created: of the places the lookup tries (memo folder, then the
 * workspace root), the first whose folder already exists and that no memo glob matches — an
 * evidence file created inside `decisions/` would itself be checked as a memo. Any of the
 * candidates is found by the next check, since the lookup tries them all.
 */
function createPath(looked: readonly string[], ctx: RuleContext): string | undefined {
  const isMemoPath = picomatch([...ctx.config.memos]);
  const allowed = looked.filter((p) => !isMemoPath(p));
  const folderExists = (p: string) => posix.dirname(p) === '.' || ctx.fs.inspect(posix.dirname(p)).exists;
  return allowed.find(folderExists) ?? allowed[0];
}

/** Creates the missing file from a short template that links back to the memo. */
function createFromTemplate(memo: MemoModel, path: string, today: string): Fix {
  const eol = memo.lines.eol;
  const stem = posix.basename(path).replace(/\.[^.]+$/, '');
  const backLink = posix.relative(posix.dirname(path), memo.file);
  const title = (memo.title?.value ?? memo.id.value).replace(/[[\]\\]/g, '\\$&');
  const link = /[\s()<>]/.test(backLink) ? `<${backLink}>` : backLink;
  const content = [
    `# Evidence: ${stem}`,
    '',
    `Supports [${title}](${link}).`,
    '',
    '- Source: where this comes from and how to reproduce it.',
    `- Date: ${today}`,
    '- Limits: one limitation of this artifact (for example: a four-week window only).',
    '',
  ].join(eol);
  return { title: `Create \`${path}\` from the evidence template`, edits: [], createFile: { path, content } };
}

/** The entry's own date when it is a real one: the created file is dated like the entry that names it. */
function entryDate(written: string | undefined): string | undefined {
  return written !== undefined && dateProblem(written.trim()) === undefined ? written.trim() : undefined;
}
