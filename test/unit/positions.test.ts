import { describe, expect, it } from 'vitest';
import { parseMemo } from '../../server/src/core/memo/memoParser';
import { parseTenetFile } from '../../server/src/core/tenets/tenetParser';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { completionTargetAt, idRangeWithin, memoSymbolAt, tenetFileSymbolAt, tenetIdAt } from '../../server/src/service/positions';

// Where the cursor is, in terms of the memo model: the part every position-based feature shares.

const MEMO = [
  '---',
  'id: "0007"',
  'owners: [priya, sam]',
  'tenets: [ENG-LATENCY, CO-]',
  'supersedes: ["0003"]',
  'evidence:',
  '  - path: reports/slo.md',
  '    limits: one week',
  '---',
  '# Cache',
  '',
  'See [[ENG-LAT and [[CO-TRUST]] here.',
  'Plain prose about ENG-LATENCY too.',
].join('\n');

const memo = parseMemo('decisions/0007-cache.md', MEMO);
const pos = (line: number, character: number) => ({ line, character });

describe('completionTargetAt', () => {
  it('after `[[`: the partial id, never a `]]` already typed after it (which stays)', () => {
    expect(completionTargetAt(memo, pos(11, 13))).toEqual({ kind: 'inline-tenet', range: { start: pos(11, 6), end: pos(11, 13) }, closed: false });
    expect(completionTargetAt(memo, pos(11, 22))).toEqual({ kind: 'inline-tenet', range: { start: pos(11, 20), end: pos(11, 28) }, closed: true });
  });

  it('in a front matter value: the field, the token under the cursor and what is typed of it', () => {
    expect(completionTargetAt(memo, pos(3, 25))).toMatchObject({ kind: 'field', key: 'tenets', prefix: 'CO-', range: { start: pos(3, 22), end: pos(3, 25) } });
    expect(completionTargetAt(memo, pos(6, 12))).toMatchObject({ kind: 'field', key: 'evidence', subKey: 'path', prefix: 're' });
  });

  it('on an empty line of a list (or one holding only `- `): a new entry over the whole line', () => {
    const dash = parseMemo('m.md', '---\nowners:\n  -\n---\n');
    expect(completionTargetAt(dash, pos(2, 3))).toMatchObject({ kind: 'field', key: 'owners', newItem: true, range: { start: pos(2, 2), end: pos(2, 3) } });
    const blank = parseMemo('m.md', '---\nevidence:\n  \n---\n');
    expect(completionTargetAt(blank, pos(2, 2))).toMatchObject({ kind: 'field', key: 'evidence', newItem: true });
  });

  it('never on a key itself, in prose, or on a list dash typed before a value', () => {
    expect(completionTargetAt(memo, pos(2, 3))).toBeUndefined();
    expect(completionTargetAt(memo, pos(12, 5))).toBeUndefined();
    const dash = parseMemo('m.md', '---\nowners:\n  -alice\n---\n');
    expect(completionTargetAt(dash, pos(2, 3))).toBeUndefined();
  });

  it('reads the key from the text while the YAML is broken', () => {
    const broken = parseMemo('m.md', '---\nowners: [a\nstatus: dr\n');
    expect(completionTargetAt(broken, pos(2, 10))).toMatchObject({ kind: 'field', key: 'status', prefix: 'dr' });
  });
});

describe('memoSymbolAt', () => {
  it('names the tenet, person, memo link or evidence path under the cursor', () => {
    expect(memoSymbolAt(memo, pos(3, 12))).toEqual({ kind: 'tenet', id: 'ENG-LATENCY', range: { start: pos(3, 9), end: pos(3, 20) } });
    expect(memoSymbolAt(memo, pos(2, 17))).toMatchObject({ kind: 'person', id: 'sam' });
    expect(memoSymbolAt(memo, pos(4, 16))).toMatchObject({ kind: 'memo', id: '0003', range: { start: pos(4, 14), end: pos(4, 18) } });
    expect(memoSymbolAt(memo, pos(6, 14))).toMatchObject({ kind: 'evidence', target: 'reports/slo.md' });
  });

  it('falls back to an id-shaped word anywhere, and to nothing elsewhere', () => {
    expect(memoSymbolAt(memo, pos(12, 20))).toMatchObject({ kind: 'tenet', id: 'ENG-LATENCY' });
    expect(memoSymbolAt(memo, pos(12, 2))).toBeUndefined();
  });
});

describe('tenet files and ranges', () => {
  it('finds a definition or a `parent:` under the cursor in a tenet file', () => {
    const text = '## ENG-LATENCY: latency\nlayer: function\nparent: CO-TRUST\n\nWhen a, we choose b over c because d.\n';
    const file = parseTenetFile('tenets/eng.md', text);
    const lines = new LineIndex(text);
    expect(tenetFileSymbolAt(file, lines, pos(0, 5))).toMatchObject({ kind: 'tenet', id: 'ENG-LATENCY' });
    expect(tenetFileSymbolAt(file, lines, pos(2, 10))).toMatchObject({ kind: 'tenet', id: 'CO-TRUST' });
  });

  it('tenetIdAt ignores trailing dashes and out-of-range positions', () => {
    const lines = new LineIndex('cite CO-TRUST- now');
    expect(tenetIdAt(lines, pos(0, 6))).toMatchObject({ id: 'CO-TRUST', range: { start: pos(0, 5), end: pos(0, 13) } });
    expect(tenetIdAt(lines, pos(5, 0))).toBeUndefined();
  });

  it('idRangeWithin narrows a range to the id inside it, or keeps the range', () => {
    const lines = new LineIndex('x: "[[ID-1]]"');
    const whole = { start: pos(0, 3), end: pos(0, 13) };
    expect(idRangeWithin(lines, whole, 'ID-1')).toEqual({ start: pos(0, 6), end: pos(0, 10) });
    expect(idRangeWithin(lines, whole, 'NOPE')).toEqual(whole);
  });
});
