import type { Finding, MemoRule } from '../core/check/rule';
import type { Suppression, SuppressionResult } from '../core/check/suppressions';
import type { MemoModel } from '../core/memo/memoModel';
import type { TextEdit } from '../core/types';

// A suppression comment that silences nothing hides the next real finding, or was left behind
// when the finding went away. Only the checker knows what each comment silenced, so this rule
// reports from `checkSuppressions`, after every other rule has run; `check` has nothing to do.

export const suppressionUnused: MemoRule = {
  id: 'suppression-unused',
  target: 'memo',
  bodyOnly: true,
  description: 'Every `<!-- decision-memos-disable… -->` comment suppresses something.',
  defaultSeverity: 'info',
  check() {},
  checkSuppressions(memo, unused, report) {
    for (const { suppression, rules } of unused) report(finding(memo, suppression, rules));
  },
};

type Idle = Exclude<SuppressionResult['unused'][number]['rules'], 'all'>;

function finding(memo: MemoModel, s: Suppression, idle: Idle | 'all'): Finding {
  const what = s.kind === 'disable-next-line' ? 'the next line' : s.kind === 'disable-file' ? 'this file' : 'the lines below it';
  if (idle === 'all') {
    return {
      range: s.range,
      message: `This suppression silences nothing on ${what}; expected it to be removed once nothing needs silencing.`,
      fixes: [{ title: 'Remove the suppression comment', edits: [removeComment(memo, s)], isPreferred: true, safe: true }],
    };
  }
  const names = idle.map((r) => `\`${r.id}\``).join(', ');
  const unknown = idle.filter((r) => r.unknown).map((r) => `\`${r.id}\``);
  const whole = idle.length === s.rules.length;
  return {
    range: whole ? s.range : idle[0]!.range,
    message:
      unknown.length > 0
        ? `The suppression names ${unknown.join(', ')}, which ${unknown.length === 1 ? 'is not a rule id' : 'are not rule ids'}; expected the id a diagnostic shows (\`decision-memos rules\` lists them).`
        : `The suppression of ${names} silences nothing on ${what}; expected it to be removed once nothing needs silencing.`,
    fixes: [
      {
        title: whole ? 'Remove the suppression comment' : `Remove ${names} from the suppression`,
        edits: [whole ? removeComment(memo, s) : rewriteComment(s, idle)],
        isPreferred: true,
        safe: true,
      },
    ],
  };
}

/** Deletes the comment, and its whole line (line end included) when nothing else stands on it. */
function removeComment(memo: MemoModel, s: Suppression): TextEdit {
  const line = s.range.start.line;
  const text = memo.lines.lineText(line);
  const alone = s.range.end.line === line && text.slice(0, s.range.start.character).trim() === '' && text.slice(s.range.end.character).trim() === '';
  if (!alone) return { range: s.range, newText: '' };
  const start = memo.lines.lineStarts[line]!;
  const next = memo.lines.lineStarts[line + 1];
  // The last line: take the line end before it instead, so no empty line is left behind.
  const from = next === undefined && line > 0 ? memo.lines.offsetAt(memo.lines.lineRange(line - 1).end) : start;
  return { range: memo.lines.rangeOf(from, next ?? memo.text.length), newText: '' };
}

/** The comment without the idle rule names (the others and the reason kept). */
function rewriteComment(s: Suppression, idle: Idle): TextEdit {
  const gone = new Set(idle.map((r) => `${r.range.start.line}:${r.range.start.character}`));
  const keep = s.rules.filter((r) => !gone.has(`${r.range.start.line}:${r.range.start.character}`)).map((r) => r.id);
  return { range: s.range, newText: `<!-- decision-memos-${s.kind} ${keep.join(', ')}${s.reason ? ` -- ${s.reason}` : ''} -->` };
}
