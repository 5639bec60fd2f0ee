import { evidenceItems, isPlaceholder, statesNoLimitation } from '../core/evidence/evidenceEntries';
import { addEntryToMap, canEditFrontMatter, contentRange, scalarToMap } from '../core/fixes/fixEdits';
import type { MemoRule } from '../core/check/rule';
import type { Fix, TextEdit } from '../core/types';
import { scalarText, stringList } from '../core/yaml/yamlTree';
import { LIMITS_KEYS, LIMITS_PLACEHOLDER } from '../shared/vocabulary';
import { isPlaceholderValue } from '../core/text/placeholders';
import { withSnippet } from '../core/fixes/snippets';
import { logEntries } from '../core/evidence/logEntries';

const EXPECTED = 'one thing this artifact cannot show, such as `four-week window only`';

export const evidenceLimitsMissing: MemoRule = {
  id: 'evidence-limits-missing',
  target: 'memo',
  description: 'Every evidence artifact states one limitation under `limits:` (what it cannot show).',
  defaultSeverity: 'info',
  check(memo, _ctx, report) {
    // A log row's limits cell that says nothing (`none`, `n/a`); an empty one is evidence-log-incomplete's.
    for (const entry of logEntries(memo)) {
      if (entry.limits && !isPlaceholderValue(entry.limits.value) && statesNoLimitation(entry.limits.value)) {
        report({ range: entry.limits.range, message: `\`${entry.limits.value}\` states no limitation; expected ${EXPECTED}.` });
      }
    }
    const editable = canEditFrontMatter(memo);
    for (const { node, list, entry } of evidenceItems(memo)) {
      // Entries without a target are evidence-not-found's; there is no artifact to qualify yet.
      if (!entry || entry.malformed || entry.emptyTarget) continue;
      if (node.kind === 'map') {
        const limitsEntry = node.entries.find((e) => (LIMITS_KEYS as readonly string[]).includes(e.key));
        if (limitsEntry) {
          const written = scalarText(limitsEntry.value) ?? (stringList(limitsEntry.value).map((s) => s.value).join('; ') || undefined);
          // A blank (`LIMITATION`) is placeholder-left's.
          if (written !== undefined && isPlaceholderValue(written)) continue;
          if (written === undefined) {
            report({ range: limitsEntry.keyRange, message: `\`${limitsEntry.key}\` is empty; expected ${EXPECTED}.` });
          } else if (statesNoLimitation(written)) {
            report({
              range: limitsEntry.value!.range,
              message: `${isPlaceholder(written) ? `\`${written}\` is a placeholder` : `\`${written}\` states no limitation`}; expected ${EXPECTED}.`,
            });
          }
          continue;
        }
      }
      const kind = entry.kind === 'url' ? 'url' : 'path';
      const edit: TextEdit | undefined = !editable
        ? undefined
        : node.kind === 'map'
          ? addEntryToMap(memo, node, 'limits', LIMITS_PLACEHOLDER)
          : scalarToMap(memo, node, list, kind, [['limits', LIMITS_PLACEHOLDER]]);
      const fixes: Fix[] = edit ? [{ title: 'Add `limits:` to fill in', edits: [withSnippet(edit, ['LIMITATION'])], isPreferred: true }] : [];
      report({
        range: contentRange(memo, entry.range),
        message: `Evidence \`${entry.target}\` states no limitation; expected \`limits:\` with ${EXPECTED}.`,
        fixes,
      });
    }
  },
};
