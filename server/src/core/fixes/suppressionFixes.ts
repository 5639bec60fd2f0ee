import type { Suppression } from '../check/suppressions';
import type { MemoModel } from '../memo/memoModel';
import type { Diagnostic, Fix, TextEdit } from '../types';

// The editor's "Suppress <rule>" quick fixes: a `disable-next-line` comment above the line, or a
// `disable-file` comment at the top of the body. An existing comment of the same kind gains the
// rule instead of a second comment. Never safe: silencing is a choice, so "fix all" skips these.

const SELF = 'suppression-unused';

export function suppressionFixes(memo: MemoModel, d: Diagnostic): Fix[] {
  if (d.rule === SELF || d.file !== memo.file) return [];
  const fixes: Fix[] = [];
  const line = d.range.start.line;
  const bodyLine = memo.lines.positionAt(memo.bodyStart).line;
  // Not in the front matter (YAML has no HTML comments), and not between table rows (a comment line would end the table).
  if ((memo.frontMatter === undefined || line >= bodyLine) && !/^\s*\|/.test(memo.lines.lineText(line))) {
    const edit = nextLineEdit(memo, d.rule, line);
    fixes.push({ title: `Suppress ${d.rule} on this line`, edits: [edit] });
  }
  fixes.push({ title: `Suppress ${d.rule} in this file`, edits: [fileEdit(memo, d.rule)] });
  return fixes;
}

function nextLineEdit(memo: MemoModel, rule: string, line: number): TextEdit {
  const above = memo.suppressions.find((s) => s.kind === 'disable-next-line' && s.range.end.line + 1 === line && s.rules.length > 0);
  if (above) return addRule(above, rule);
  const indent = /^\s*/.exec(memo.lines.lineText(line))![0];
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: `${indent}<!-- decision-memos-disable-next-line ${rule} -->${memo.lines.eol}` };
}

function fileEdit(memo: MemoModel, rule: string): TextEdit {
  const existing = memo.suppressions.find((s) => s.kind === 'disable-file' && s.rules.length > 0);
  if (existing) return addRule(existing, rule);
  const at = memo.lines.positionAt(memo.bodyStart);
  // A body that starts on the last line of the file (no line end after the front matter) needs one before the comment.
  const lead = memo.bodyStart === memo.text.length && memo.text.length > 0 && !/[\r\n]$/.test(memo.text) ? memo.lines.eol : '';
  return { range: { start: at, end: at }, newText: `${lead}<!-- decision-memos-disable-file ${rule} -->${memo.lines.eol}` };
}

/** The comment with one more rule named (its reason kept). */
function addRule(s: Suppression, rule: string): TextEdit {
  const rules = [...s.rules.map((r) => r.id), rule];
  return { range: s.range, newText: `<!-- decision-memos-${s.kind} ${rules.join(', ')}${s.reason ? ` -- ${s.reason}` : ''} -->` };
}
