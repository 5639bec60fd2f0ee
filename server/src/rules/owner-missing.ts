import type { MemoRule, RuleContext } from '../core/check/rule';
import { addFrontMatterLinesAfter, addToFrontMatterList, canEditFrontMatter, yamlFlowSafeScalar } from '../core/fixes/fixEdits';
import { withSnippet } from '../core/fixes/snippets';
import type { MemoModel } from '../core/memo/memoModel';
import type { Fix, TextEdit } from '../core/types';
import { rankedPeople } from '../core/workspace/people';
import type { YamlEntry } from '../core/yaml/yamlTree';

/** People offered as owners: the workspace's most frequent owners first. */
const MAX_PEOPLE = 5;
/** The fields `owners:` goes after when the memo has none: where a reader looks for who decides. */
const BESIDE = ['id', 'title', 'status', 'date'];

export const ownerMissing: MemoRule = {
  id: 'owner-missing',
  target: 'memo',
  description: 'Every memo names who owns the decision (`owners`, or MADR\'s `decision-makers` / `deciders`).',
  defaultSeverity: 'warning',
  check(memo, ctx, report) {
    if (memo.owners.length > 0) return;
    const entry = memo.ownersEntry;
    report({
      range: entry ? entry.range : memo.lines.lineRange(0),
      message: entry
        ? `\`${entry.key}\` names nobody; expected at least one owner who decides.`
        : 'No owner: expected `owners:` naming who decides.',
      fixes: canEditFrontMatter(memo) ? ownerFixes(memo, ctx, entry) : [],
    });
  },
};

/**
 * A placeholder owner to fill (in a snippet, a choice of the known people), then one fix per known
 * person. Plain clients get `OWNER`, which placeholder-left reports until it is replaced.
 */
function ownerFixes(memo: MemoModel, ctx: RuleContext, entry: YamlEntry | undefined): Fix[] {
  const people = ctx.people ? rankedPeople(ctx.people, ctx.memos, ctx.today).slice(0, MAX_PEOPLE) : [];
  const fixes: Fix[] = [];
  const placeholder = ownersEdit(memo, entry, 'OWNER');
  if (placeholder) {
    const title = people.length > 0 ? `Add an owner (choose from \`${ctx.people!.file}\`)` : 'Add `owners:` with a placeholder to fill';
    fixes.push({ title, edits: [withSnippet(placeholder, [{ word: 'OWNER', choices: people.map((p) => yamlFlowSafeScalar(p.id)) }])], isPreferred: true });
  }
  for (const p of people) {
    // A CODEOWNERS handle (`@priya`) is quoted: `@` cannot start a plain YAML scalar.
    const id = yamlFlowSafeScalar(p.id);
    const edit = ownersEdit(memo, entry, id);
    if (edit) fixes.push({ title: `Make \`${p.id}\`${p.name ? ` (${p.name})` : ''} the owner`, edits: [withSnippet(edit, [id])] });
  }
  return fixes;
}

/** The edit that makes `who` the owner: a new `owners:` beside the memo's other facts, or the empty value filled. */
function ownersEdit(memo: MemoModel, entry: YamlEntry | undefined, who: string): TextEdit | undefined {
  if (!entry) return addFrontMatterLinesAfter(memo, BESIDE, ['owners:', `  - ${who}`]);
  const value = entry.value;
  // `owners: ""` or `owners: ~`: the empty scalar is replaced by the name.
  if (value?.kind === 'scalar' && (value.value === null || String(value.value).trim() === '') && value.range.start.line === value.range.end.line) {
    const source = memo.text.slice(memo.lines.offsetAt(value.range.start), memo.lines.offsetAt(value.range.end));
    if (source !== '') return { range: value.range, newText: who };
  }
  return addToFrontMatterList(memo, entry.key, who);
}
