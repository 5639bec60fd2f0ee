import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../server/src/core/types';
import { applyFix, check, goodMemo, only, textAt, type Fixture } from '../../helpers/memoWorkspace';

const RULE = 'decision-type-unknown';
const FILE = 'decisions/0001-cache.md';
const MATRIX = [
  '- type: api-design',
  '  title: API design for team features',
  '  decides: owner',
  '- type: api-deprecation',
  '  title: Retiring an API',
  '  decides: owner',
  '- type: vendor-contract',
  '  title: Buying from a vendor',
  '  decides: owner',
  '',
].join('\n');

function rest(f: Fixture, except: string[]): string[] {
  return f.diagnostics.filter((d: Diagnostic) => !except.includes(d.rule)).map((d) => `${d.file} ${d.rule} ${d.message}`);
}

describe(RULE, () => {
  it('fires at the `decision-type` value when the matrix has no such type, and says the closest', () => {
    const f = check({ [FILE]: goodMemo({ 'decision-type': 'api-desing' }), 'authority.yaml': MATRIX });
    const [d, ...more] = only(f, RULE);
    expect(more).toEqual([]);
    expect(d!.file).toBe(FILE);
    expect(d!.severity).toBe('error');
    expect(textAt(f, d!)).toBe('api-desing');
    expect(d!.range).toEqual({ start: { line: 12, character: 15 }, end: { line: 12, character: 25 } });
    expect(d!.message).toBe('`api-desing` is not a decision type of authority.yaml; did you mean `api-design`?');
  });

  it('stays quiet without a matrix, without a `decision-type`, and for a type the matrix has (in any case)', () => {
    expect(only(check({ [FILE]: goodMemo({ 'decision-type': 'api-desing' }) }), RULE)).toEqual([]);
    expect(only(check({ [FILE]: goodMemo(), 'authority.yaml': MATRIX }), RULE)).toEqual([]);
    expect(only(check({ [FILE]: goodMemo({ 'decision-type': '""' }), 'authority.yaml': MATRIX }), RULE)).toEqual([]);
    for (const written of ['api-design', 'API-Design', '"vendor-contract"', 'VENDOR-CONTRACT']) {
      expect(only(check({ [FILE]: goodMemo({ 'decision-type': written }), 'authority.yaml': MATRIX }), RULE), written).toEqual([]);
    }
  });

  it('reads `decision_type` too, and checks every status (a closed memo of an unknown type still names it wrongly)', () => {
    const f = check({ [FILE]: goodMemo({ decision_type: 'api-desing' }), 'authority.yaml': MATRIX });
    expect(only(f, RULE).map((d) => textAt(f, d))).toEqual(['api-desing']);
    for (const status of ['draft', 'accepted', 'superseded']) {
      expect(only(check({ [FILE]: goodMemo({ status, 'decision-type': 'nope' }), 'authority.yaml': MATRIX }), RULE), status).toHaveLength(1);
    }
  });

  it('fix: each close type replaces the value, the nearest preferred, and only that value changes', () => {
    const original = goodMemo({ 'decision-type': 'api-desing' });
    const f = check({ [FILE]: original, 'authority.yaml': MATRIX });
    const [d] = only(f, RULE);
    expect(d!.fixes!.map((x) => x.title)).toEqual(['Change to `api-design` (API design for team features)']);
    expect(d!.fixes![0]!.isPreferred).toBe(true);
    const { text, after } = applyFix(f, d!);
    expect(text).toBe(original.replace('decision-type: api-desing\n', 'decision-type: api-design\n'));
    expect(only(after, RULE)).toEqual([]);
    expect(rest(after, [RULE])).toEqual(rest(f, [RULE]));
  });

  it('matches a type by its title words too', () => {
    const f = check({ [FILE]: goodMemo({ 'decision-type': 'vendor' }), 'authority.yaml': MATRIX });
    const [d] = only(f, RULE);
    expect(d!.message).toBe('`vendor` is not a decision type of authority.yaml; did you mean `vendor-contract`?');
    expect(applyFix(f, d!).text).toContain('decision-type: vendor-contract\n');
  });

  it('offers every type (at most five, none preferred) when none is close, and names them', () => {
    const f = check({ [FILE]: goodMemo({ 'decision-type': 'zebra' }), 'authority.yaml': MATRIX });
    const [d] = only(f, RULE);
    expect(d!.message).toBe('`zebra` is not a decision type of authority.yaml; the types are `api-design`, `api-deprecation`, `vendor-contract`.');
    expect(d!.fixes!.map((x) => x.title)).toEqual([
      'Change to `api-design` (API design for team features)',
      'Change to `api-deprecation` (Retiring an API)',
      'Change to `vendor-contract` (Buying from a vendor)',
    ]);
    expect(d!.fixes!.some((x) => x.isPreferred)).toBe(false);
    const many = Array.from({ length: 7 }, (_, i) => `- type: kind-${i}\n`).join('');
    const g = check({ [FILE]: goodMemo({ 'decision-type': 'zebra' }), 'authority.yaml': many });
    const [e] = only(g, RULE);
    expect(e!.message).toBe('`zebra` is not a decision type of authority.yaml; the types are `kind-0`, `kind-1`, `kind-2`, `kind-3`, `kind-4`, ….');
    expect(e!.fixes).toHaveLength(5);
  });

  it('says so when the matrix defines no type, with no fix', () => {
    const f = check({ [FILE]: goodMemo({ 'decision-type': 'api-design' }), 'authority.yaml': '[]\n' });
    const [d] = only(f, RULE);
    expect(d!.message).toBe('`api-design` is not a decision type of authority.yaml; authority.yaml defines no decision type.');
    expect(d!.fixes ?? []).toEqual([]);
  });

  it('stays quiet while the matrix does not parse, and for a type whose row was left out for an error (config-invalid says why)', () => {
    const broken = check({ [FILE]: goodMemo({ 'decision-type': 'api-design' }), 'authority.yaml': MATRIX.replace('decides: owner', 'decides: [owner') });
    expect(only(broken, RULE)).toEqual([]);
    expect(only(broken, 'config-invalid', 'authority.yaml').length).toBeGreaterThan(0);
    expect(only(check({ [FILE]: goodMemo({ 'decision-type': 'api-design' }), 'authority.yaml': 'api-design:\n  decides: owner\n' }), RULE)).toEqual([]);
    const rowBroken = MATRIX.replace('  title: Retiring an API\n', '  title: [Retiring an API]\n');
    const f = check({ [FILE]: goodMemo({ 'decision-type': 'API-Deprecation' }), 'authority.yaml': rowBroken });
    expect(only(f, RULE)).toEqual([]);
    expect(only(f, 'config-invalid', 'authority.yaml').map((d) => d.message)).toEqual(['`title` of decision type `api-deprecation` must be text.']);
    expect(only(check({ [FILE]: goodMemo({ 'decision-type': 'api-deprecation' }), 'authority.yaml': '- api-deprecation\n' + MATRIX }), RULE)).toEqual([]);
    // The rows that were read still count: another unknown type is reported.
    expect(only(check({ [FILE]: goodMemo({ 'decision-type': 'api-desing' }), 'authority.yaml': rowBroken }), RULE)).toHaveLength(1);
  });

  it('reads the matrix from the path the config names', () => {
    const files = { '.decisions.yaml': 'authority: governance/matrix.yaml\n', 'governance/matrix.yaml': MATRIX };
    const f = check({ ...files, [FILE]: goodMemo({ 'decision-type': 'api-desing' }) });
    expect(only(f, RULE).map((d) => d.message)).toEqual(['`api-desing` is not a decision type of governance/matrix.yaml; did you mean `api-design`?']);
    expect(only(check({ ...files, [FILE]: goodMemo({ 'decision-type': 'api-design' }) }), RULE)).toEqual([]);
  });

  it('keeps a CRLF memo with a BOM byte for byte outside the value', () => {
    const original = '\ufeff' + goodMemo({ 'decision-type': 'Api-Desing' }).replace(/\n/g, '\r\n');
    const f = check({ [FILE]: original, 'authority.yaml': MATRIX });
    const [d] = only(f, RULE);
    expect(textAt(f, d!)).toBe('Api-Desing');
    const { text, after } = applyFix(f, d!);
    expect(text).toBe(original.replace('Api-Desing', 'api-design'));
    expect(only(after, RULE)).toEqual([]);
  });

  it('a quoted value is replaced whole, quotes included, by a value that reads back the same', () => {
    const original = goodMemo({ 'decision-type': '"api-desing"' });
    const f = check({ [FILE]: original, 'authority.yaml': MATRIX });
    const [d] = only(f, RULE);
    const { text, after } = applyFix(f, d!);
    expect(text).toBe(original.replace('"api-desing"', 'api-design'));
    expect(only(after, RULE)).toEqual([]);
    expect(only(after, 'front-matter-invalid')).toEqual([]);
  });
});
