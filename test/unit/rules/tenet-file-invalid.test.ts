import { describe, expect, it } from 'vitest';
import { BASE_TENETS, check, only, textAt } from '../../helpers/memoWorkspace';

const RULE = 'tenet-file-invalid';

describe('tenet-file-invalid', () => {
  it('does not fire on valid tenet files', () => {
    expect(only(check({}), RULE)).toEqual([]);
  });

  it('fires at a YAML syntax error in a tenet file; an error found at the end of the file sits on its last line with content', () => {
    const f = check({ 'tenets.yaml': '- id: CO-X\n  layer: company\n  statement: "When A and B conflict\n\n' });
    const [d, ...more] = only(f, RULE, 'tenets.yaml');
    expect(more).toEqual([]);
    expect(d!.severity).toBe('error');
    expect(d!.message).toContain('Missing closing "quote');
    expect(d!.range).toEqual({ start: { line: 2, character: 2 }, end: { line: 2, character: 35 } });
    expect(textAt(f, d!)).toBe('statement: "When A and B conflict');
  });

  it('fires at a YAML tenet file that is not a list', () => {
    const f = check({ 'tenets.yaml': 'id: CO-X\nlayer: company\n' });
    const [d] = only(f, RULE, 'tenets.yaml');
    expect(d!.range.start).toEqual({ line: 0, character: 0 });
    expect(d!.message).toContain('is a list of tenets');
  });

  it('fires at each list item that is not a tenet', () => {
    const f = check({ 'tenets.yaml': `${BASE_TENETS}- just a string\n- statement: no id here\n` });
    const ds = only(f, RULE, 'tenets.yaml');
    expect(ds.map((d) => textAt(f, d).trim())).toEqual(['just a string', 'statement: no id here']);
    expect(ds.map((d) => d.message)).toEqual(['Each tenet is a mapping with at least `id` and `statement`.', 'This tenet has no `id`.']);
    // The well-formed tenets of the file are still read.
    expect(f.ws.registry.get('ENG-LATENCY')).toBeDefined();
  });

  it('puts an unclosed `tags: [` at the end of markdown metadata on its own line, not on the blank line after it', () => {
    const md = '## PROD-TRIAL: short trials\nlayer: function\nparent: CO-TRUST\ntags: [trial, conversion\n\nWhen A and B conflict, we choose A over B because A lasts.\n';
    const f = check({ 'tenets/product.md': md });
    const [d, ...more] = only(f, RULE, 'tenets/product.md');
    expect(more).toEqual([]);
    expect(d!.message).toMatch(/end with a \]$/);
    expect(d!.range).toEqual({ start: { line: 3, character: 0 }, end: { line: 3, character: 24 } });
    expect(textAt(f, d!)).toBe('tags: [trial, conversion');
    // The YAML error inside the tenet is the whole story: tenet-malformed stays quiet.
    expect(only(f, 'tenet-malformed', 'tenets/product.md')).toEqual([]);
  });

  it('fires at broken metadata under a markdown tenet heading', () => {
    const md = '## ENG-X: x\nlayer: function\ntags: [a, b\nparent: CO-TRUST\n\nWhen A and B conflict, we choose A over B because A lasts.\n';
    const f = check({ 'tenets/eng.md': md });
    const ds = only(f, RULE, 'tenets/eng.md');
    expect(ds.length).toBeGreaterThan(0);
    expect(ds.every((d) => d.range.start.line >= 1 && d.range.start.line <= 4)).toBe(true);
  });
});
