import { distance } from 'fastest-levenshtein';
import { contentRange, replaceRange } from '../core/fixes/fixEdits';
import { type MemoModel } from '../core/memo/memoModel';
import type { MemoRule } from '../core/check/rule';
import type { Fix, Range } from '../core/types';
import { MEMO_STATUSES, type MemoStatus } from '../shared/vocabulary';

const EXPECTED = MEMO_STATUSES.join(', ');

/** A template's list of choices (MADR: `{proposed | rejected | … | superseded by ADR-0123}`), not a status. */
function isChoiceList(value: string): boolean {
  const parts = value.replace(/[{}[\]]/g, '').split('|');
  const statuses = parts.filter((p) => (MEMO_STATUSES as readonly string[]).includes(/^\s*([a-z]+)/i.exec(p)?.[1]?.toLowerCase() ?? ''));
  return parts.length > 1 && statuses.length >= 2;
}

/** The status a typo most plausibly meant (`acepted`, `prop`), or undefined when none is clearly meant. */
export function closestStatus(written: string): MemoStatus | undefined {
  const word = /[a-z][a-z-]*/.exec(written.toLowerCase().replace(/[*_`]/g, ''))?.[0];
  if (!word) return undefined;
  const scored = MEMO_STATUSES.map((s) => ({ s, d: word.length >= 3 && s.startsWith(word) ? 0 : distance(word, s) })).sort((a, b) => a.d - b.d);
  const [best, second] = scored;
  const limit = word.length <= 3 ? 1 : Math.max(2, Math.floor(word.length * 0.34));
  if (!best || best.d > limit || (second && second.d === best.d)) return undefined;
  return best.s;
}

/** The status as the memo writes it: lower case in YAML, capitalised in a body that capitalises. */
function spelled(status: MemoStatus, like: string): string {
  return /^[^a-z]*[A-Z]/.test(like) ? status[0]!.toUpperCase() + status.slice(1) : status;
}

/**
 * Where the replacement goes: the whole YAML value, but in a body line only its leading word,
 * so `Acepted on 2020-01-02` keeps its date.
 */
function replacedRange(memo: MemoModel, value: string, range: Range, wholeValue: boolean): Range {
  if (wholeValue) return range;
  // The word as the parser reads it, which skips `*`, `_` and backticks (`Acc*ep*ted`), but not
  // the emphasis that closes after it (`**Acepted**` keeps its `**`).
  const word = /[A-Za-z](?:[A-Za-z*_`-]*[A-Za-z-])?/.exec(value);
  // Only a leading word is read as the status (`[[ Acepted` is read as nothing): else replace it all.
  if (!word || !/^[\s*_`]*$/.test(value.slice(0, word.index))) return range;
  const start = memo.lines.offsetAt(range.start) + word.index;
  return memo.lines.rangeOf(start, start + word[0].length);
}

function statusFixes(memo: MemoModel, range: Range, like: string, preferred: MemoStatus | undefined): Fix[] {
  // `superseded` without a successor named would trade this error for supersede-broken's: offered only once there is one.
  const offered = MEMO_STATUSES.filter((s) => s !== 'superseded' || memo.supersededBy.length > 0);
  const ordered = preferred && offered.includes(preferred) ? [preferred, ...offered.filter((s) => s !== preferred)] : offered;
  return ordered.map((s) => ({
    title: `Change the status to \`${spelled(s, like)}\``,
    edits: [replaceRange(memo, range, spelled(s, like))],
    ...(s === preferred ? { isPreferred: true } : {}),
  }));
}

export const statusInvalid: MemoRule = {
  id: 'status-invalid',
  target: 'memo',
  description: `The status is one of ${EXPECTED} (MADR's \`superseded by …\` included), in front matter or in a MADR/Nygard body.`,
  defaultSeverity: 'error',
  check(memo, _ctx, report) {
    // A list or a map under `status:` is not read as a status at all (the body's may be used instead).
    const entryValue = memo.fields.get('status')?.value;
    if (entryValue && entryValue.kind !== 'scalar') {
      report({
        range: entryValue.range,
        message: `\`status\` holds a ${entryValue.kind === 'seq' ? 'list' : 'structure'}; expected one status: ${EXPECTED}.`,
        // Without the line ends a block list or map carries at its end, or the fix would eat them.
        fixes: statusFixes(memo, contentRange(memo, entryValue.range), 'lower', undefined),
      });
    }

    const status = memo.status;
    if (!status || memo.statusValue) return;
    const inYaml = status.from === 'front-matter';
    if (isChoiceList(status.value)) {
      report({
        range: status.range,
        message: `The status is still the template's list of choices (\`${status.value}\`); expected one of them: ${EXPECTED}.`,
        fixes: statusFixes(memo, status.range, inYaml ? 'lower' : status.value, undefined),
      });
      return;
    }
    const preferred = closestStatus(status.value);
    const hint = preferred ? ` (did you mean \`${preferred}\`?)` : '';
    report({
      range: status.range,
      message: `Unknown status \`${status.value}\`; expected one of ${EXPECTED}${hint}.`,
      fixes: statusFixes(memo, replacedRange(memo, status.value, status.range, inYaml), inYaml ? 'lower' : status.value, preferred),
    });
  },
};
