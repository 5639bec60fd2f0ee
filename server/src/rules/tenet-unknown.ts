import { TENET_ID } from '../core/ids';
import type { Citation, MemoModel } from '../core/memo/memoModel';
import type { MemoRule } from '../core/check/rule';
import { closestMatches } from '../core/text/suggest';
import type { Fix, TextEdit } from '../core/types';
import { isPlaceholderValue } from '../core/text/placeholders';

/**
 * Unknown ids per memo that get a "did you mean": each is compared with every tenet id, so a
 * memo citing thousands of unknown ids against a large registry would take seconds.
 */
const MAX_SUGGESTED_PER_MEMO = 100;

export const tenetUnknown: MemoRule = {
  id: 'tenet-unknown',
  target: 'memo',
  description: 'Every cited tenet id (in `tenets:` or as an inline `[[ID]]`) names a tenet of the registry.',
  defaultSeverity: 'error',
  check(memo, ctx, report) {
    const registry = ctx.registry;
    const ids = registry.ids;
    let suggestionBudget = MAX_SUGGESTED_PER_MEMO;
    for (const citation of memo.citations) {
      // A blank (`TENET-ID`) is placeholder-left's: it names no tenet yet, rightly.
      if (registry.get(citation.id) || isPlaceholderValue(citation.id)) continue;
      const written = citation.id;
      if (written === '') {
        report({ range: citation.range, message: 'This citation is empty; expected a tenet id between the brackets, like `[[ENG-LATENCY]]`.' });
        continue;
      }
      const suggestions = suggestionBudget-- > 0 ? closestMatches(written, ids) : [];
      const fixes: Fix[] = suggestions.map((s, i) => ({
        title: `Did you mean ${s.value}?`,
        edits: [replaceId(memo, citation, s.value)],
        // The same id in another case, or the only near id, is almost certainly what was meant.
        ...(i === 0 && (s.distance === 0 || suggestions.length === 1) ? { isPreferred: true } : {}),
      }));
      const didYouMean = suggestions.length > 0 ? ` (did you mean ${suggestions.map((s) => s.value).join(', ')}?)` : '';
      let message: string;
      if (!TENET_ID.test(written)) {
        message = `\`${written}\` is not a tenet id: ids are capitals, digits and hyphens like \`ENG-LATENCY\`${didYouMean}.`;
      } else if (ids.length === 0) {
        message = `Tenet \`${written}\` is not defined: the workspace has no tenets (check the \`tenets\` globs in \`.decisions.yaml\`).`;
      } else {
        message = `Tenet \`${written}\` is not defined in the tenet registry; expected the id of a defined tenet${didYouMean}.`;
      }
      report({ range: citation.range, message, fixes });
    }
  },
};

/** Replaces only the id text: the brackets of `[[ID]]` and YAML quotes stay as written. */
function replaceId(memo: MemoModel, citation: Citation, id: string): TextEdit {
  const start = memo.lines.offsetAt(citation.range.start);
  const end = memo.lines.offsetAt(citation.range.end);
  const written = memo.text.slice(start, end);
  // Inline ranges start with `[[`; search after them so `[[[[X]]` style oddities cannot mislead.
  const from = citation.source === 'inline' ? 2 : 0;
  const at = written.indexOf(citation.id, from);
  if (at < 0) return { range: citation.range, newText: citation.source === 'inline' ? `[[${id}]]` : id };
  return { range: memo.lines.rangeOf(start + at, start + at + citation.id.length), newText: id };
}
