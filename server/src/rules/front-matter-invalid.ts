import type { MemoRule } from '../core/check/rule';

export const frontMatterInvalid: MemoRule = {
  id: 'front-matter-invalid',
  target: 'memo',
  bodyOnly: true,
  description: 'The front matter is valid YAML: a closed `---` block holding a mapping of fields.',
  defaultSeverity: 'error',
  check(memo, _ctx, report) {
    const fm = memo.frontMatter;
    if (!fm) return;
    if (fm.unclosed) {
      report({ range: fm.range, message: 'The front matter opened here is never closed; add a `---` line after the last field.' });
      return;
    }
    for (const p of fm.problems) {
      if (p.severity === 'error') report({ range: p.range, message: `Front matter YAML error: ${p.message}` });
    }
    if (fm.nonMapRoot) report({ range: fm.nonMapRoot.range, message: 'The front matter must be a mapping of fields (`key: value` lines).' });
  },
};
