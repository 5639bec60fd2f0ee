import { describe, expect, it } from 'vitest';
import { check, goodMemo, memo, only, textAt } from '../../helpers/memoWorkspace';

const RULE = 'memo-duplicate-id';

describe('memo-duplicate-id', () => {
  it('fires at the id of each memo that shares it, each pointing at the others', () => {
    const f = check({ 'decisions/a.md': goodMemo({ id: '0007' }), 'decisions/b.md': goodMemo({ id: '0007' }), 'decisions/c.md': goodMemo({ id: '0008' }) });
    const ds = only(f, RULE);
    expect(ds.map((d) => d.file)).toEqual(['decisions/a.md', 'decisions/b.md']);
    for (const d of ds) {
      expect(d.severity).toBe('error');
      expect(textAt(f, d)).toBe('0007');
    }
    expect(ds[0]!.message).toBe('The id `0007` is also the id of decisions/b.md; expected a unique id.');
    expect(ds[0]!.related).toEqual([{ file: 'decisions/b.md', range: ds[1]!.range, message: 'Also has the id `0007`.' }]);
    expect(ds[1]!.related![0]!.file).toBe('decisions/a.md');
  });

  it('reports an id taken from the file name at the first line', () => {
    const f = check({ 'decisions/0003-a.md': goodMemo({ id: undefined }), 'docs/adr/0003-b.md': '# B\n\nText.\n' });
    const ds = only(f, RULE);
    expect(ds).toHaveLength(2);
    expect(textAt(f, ds[0]!)).toBe('---');
    expect(textAt(f, ds[1]!)).toBe('# B');
    expect(ds[0]!.message).toContain('taken from the file name');
  });

  it('catches an explicit id that equals another memo\'s file-name id', () => {
    const f = check({ 'decisions/0003-a.md': memo(['status: draft']), 'decisions/b.md': memo(['id: "0003"']) });
    const [onB] = only(f, RULE, 'decisions/b.md');
    expect(textAt(f, onB!)).toBe('"0003"');
    expect(only(f, RULE, 'decisions/0003-a.md')).toHaveLength(1);
  });

  it('does not fire on distinct ids', () => {
    expect(only(check({ 'decisions/0001-a.md': goodMemo({ id: undefined }), 'decisions/0002-b.md': goodMemo({ id: undefined }) }), RULE)).toEqual([]);
  });

  it('does not count MADR templates, READMEs or index pages in several folders as clashes', () => {
    const template = memo(['status: "{proposed | rejected | accepted | deprecated | … | superseded by ADR-0123}"'], ['# {short title}', '']);
    const f = check({
      'docs/decisions/0000-use-markdown-architectural-decision-records.md': '# Use Markdown ADRs\n',
      'docs/decisions/adr-template.md': template,
      'docs/adr/adr-template.md': template,
      'docs/decisions/README.md': '# Decisions\n',
      'docs/adr/README.md': '# ADRs\n',
      'decisions/index.md': '# Index\n',
      'docs/adr/index.md': '# Index\n',
    });
    expect(only(f, RULE)).toEqual([]);
  });
});
