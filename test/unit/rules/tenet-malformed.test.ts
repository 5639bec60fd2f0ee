import { describe, expect, it } from 'vitest';
import { shapeProblem } from '../../../server/src/rules/tenet-malformed';
import { BASE_TENETS, check, only, textAt } from '../../helpers/memoWorkspace';

const RULE = 'tenet-malformed';

function yamlTenet(statement: string | undefined, extra = ''): string {
  return `- id: CO-TEST\n  layer: company\n${extra}${statement === undefined ? '' : `  statement: ${statement}\n`}`;
}

describe('tenet-malformed', () => {
  it('does not fire on well-formed tenets', () => {
    expect(only(check({}), RULE)).toEqual([]);
    expect(BASE_TENETS).toContain('we choose');
  });

  it('fires at a vague value and names every missing part', () => {
    const f = check({ 'tenets.yaml': yamlTenet('Be excellent to customers.') });
    const [d, ...more] = only(f, RULE, 'tenets.yaml');
    expect(more).toEqual([]);
    expect(d!.severity).toBe('warning');
    expect(textAt(f, d!)).toBe('Be excellent to customers.');
    expect(d!.message).toBe(
      'Tenet `CO-TEST` lacks the situation (`When …`), the choice (`we choose …`), what is given up (`over …`) and the reason (`because …`); expected `When …, we choose A over B because R.`',
    );
  });

  it('names only what is missing, case-insensitively', () => {
    expect(shapeProblem('WHEN speed and polish conflict, we CHOOSE speed OVER polish.')).toBe('lacks the reason (`because …`)');
    expect(shapeProblem('We choose speed because it matters.')).toBe('lacks the situation (`When …`) and what is given up (`over …`)');
    expect(shapeProblem('When speed matters, we ship.')).toBe('lacks the choice (`we choose …`), what is given up (`over …`) and the reason (`because …`)');
  });

  it('fires when the parts are out of order or empty', () => {
    expect(shapeProblem('We choose trust over growth when they conflict because trust lasts.')).toContain('out of order');
    expect(shapeProblem('When growth and trust conflict, we choose trust over growth because.')).toBe('has no reason after `because`');
    expect(shapeProblem('When growth and trust conflict, we choose over growth because trust lasts.')).toBe('has nothing chosen after `choose`');
    expect(shapeProblem('When trust matters over growth, we choose trust over growth because it lasts.')).toBeUndefined();
  });

  it('fires at an empty statement, at the id', () => {
    const f = check({ 'tenets.yaml': yamlTenet(undefined) });
    const [d] = only(f, RULE, 'tenets.yaml');
    expect(textAt(f, d!)).toBe('CO-TEST');
    expect(d!.message).toContain('has no statement');
  });

  it('checks markdown tenet files, with the statement range over its lines', () => {
    const md = '# Engineering tenets\n\n## ENG-FAST: fast\nlayer: function\nparent: CO-TRUST\n\nShip fast,\nalways.\n\n## ENG-OK: ok\nlayer: function\nparent: CO-TRUST\n\nWhen A and B conflict, we choose A over B because A lasts.\n';
    const f = check({ 'tenets/eng.md': md });
    const [d, ...more] = only(f, RULE, 'tenets/eng.md');
    expect(more).toEqual([]);
    expect(textAt(f, d!)).toBe('Ship fast,\nalways.');
  });

  it('does not fire on a retired tenet', () => {
    expect(only(check({ 'tenets.yaml': yamlTenet('Be excellent.', '  status: retired\n') }), RULE)).toEqual([]);
  });
});

describe('tenet-malformed next to YAML errors', () => {
  it('leaves a statement garbled by a YAML error to tenet-file-invalid', () => {
    const f = check({ 'tenets.yaml': `${BASE_TENETS}- id: CO-BROKEN\n  layer: company\n  statement: "When A and B conflict\n` });
    expect(only(f, 'tenet-file-invalid', 'tenets.yaml')).toHaveLength(1);
    expect(only(f, RULE)).toEqual([]);
  });
});
