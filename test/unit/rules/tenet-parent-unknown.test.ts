import { describe, expect, it } from 'vitest';
import { check, only, textAt } from '../../helpers/memoWorkspace';

const RULE = 'tenet-parent-unknown';
const STATEMENT = 'When A and B conflict, we choose A over B because A lasts.';

function tenet(id: string, fields: Record<string, string>): string {
  return `- id: ${id}\n${Object.entries(fields).map(([k, v]) => `  ${k}: ${v}\n`).join('')}  statement: ${STATEMENT}\n`;
}

/** A well-formed company and function tenet, then the extra ones; the base pair alone reports nothing. */
function parentFindings(extra: string) {
  const base = tenet('CO-A', { layer: 'company' }) + tenet('ENG-A', { layer: 'function', function: 'engineering', parent: 'CO-A' });
  const f = check({ 'tenets.yaml': base + extra });
  return { f, ds: only(f, RULE, 'tenets.yaml') };
}

describe('tenet-parent-unknown', () => {
  it('does not fire on a chain that climbs the layers', () => {
    expect(only(check({}), RULE)).toEqual([]);
    const { ds } = parentFindings(tenet('TEAM-A', { layer: 'team', team: 'search', parent: 'ENG-A' }) + tenet('TEAM-B', { layer: 'team', parent: 'CO-A' }));
    expect(ds).toEqual([]);
  });

  it('fires at a parent that names no tenet, suggesting a near id', () => {
    const { f, ds } = parentFindings(tenet('ENG-B', { layer: 'function', parent: 'ENG-AA' }));
    const [d, ...more] = ds;
    expect(more).toEqual([]);
    expect(d!.severity).toBe('warning');
    expect(textAt(f, d!)).toBe('ENG-AA');
    expect(d!.message).toBe('Tenet `ENG-B` names parent `ENG-AA`, but no tenet has that id; expected the id of the tenet it interprets (did you mean `ENG-A`?).');
  });

  it('fires at a parent that is not on a higher layer', () => {
    const { f, ds } = parentFindings(
      tenet('ENG-B', { layer: 'function', parent: 'ENG-A' }) + tenet('TEAM-A', { layer: 'team', parent: 'TEAM-B' }) + tenet('TEAM-B', { layer: 'team', parent: 'ENG-A' }),
    );
    expect(ds.map((d) => textAt(f, d))).toEqual(['ENG-A', 'TEAM-B']);
    expect(ds[0]!.message).toBe('Tenet `ENG-B` (function) names parent `ENG-A`, a function tenet; expected a company tenet.');
    expect(ds[0]!.related![0]!.file).toBe('tenets.yaml');
    expect(ds[0]!.related![0]!.range.start.line).toBe(3);
  });

  it('fires at a company tenet with a parent, and at a parent with no layer', () => {
    const { ds } = parentFindings(tenet('CO-B', { layer: 'company', parent: 'CO-A' }) + tenet('X-NOLAYER', {}) + tenet('ENG-C', { layer: 'function', parent: 'X-NOLAYER' }));
    expect(ds.map((d) => d.message)).toEqual([
      'Tenet `CO-B` (company) names parent `CO-A`, a company tenet; expected no parent, since a company tenet has no higher layer.',
      'Tenet `ENG-C` (function) names parent `X-NOLAYER`, a tenet with no known layer; expected a company tenet.',
    ]);
  });

  it('fires at the id of a function or team tenet with no parent', () => {
    const { f, ds } = parentFindings(tenet('ENG-B', { layer: 'function' }) + tenet('TEAM-A', { layer: 'Team' }) + tenet('CO-B', { layer: 'company' }));
    expect(ds.map((d) => textAt(f, d))).toEqual(['ENG-B', 'TEAM-A']);
    expect(ds[0]!.message).toBe('Function tenet `ENG-B` names no parent; expected `parent:` naming a company tenet it interprets.');
  });

  it('fires at an unknown layer value', () => {
    const { f, ds } = parentFindings(tenet('ENG-B', { layer: 'department', parent: 'CO-A' }));
    expect(ds.map((d) => textAt(f, d))).toEqual(['department']);
    expect(ds[0]!.message).toBe('Tenet `ENG-B` has layer `department`; expected one of company, function, team.');
  });

  it('checks only existence when a tenet has no layer, and fires on self-parenting', () => {
    expect(parentFindings(tenet('X-A', { parent: 'CO-A' })).ds).toEqual([]);
    expect(parentFindings(tenet('X-A', { parent: 'CO-NONE' })).ds).toHaveLength(1);
    expect(parentFindings(tenet('X-A', { parent: 'X-A' })).ds[0]!.message).toContain('names itself');
  });

  it('does not fire on retired tenets', () => {
    expect(parentFindings(tenet('ENG-OLD', { layer: 'function', status: 'retired' })).ds).toEqual([]);
  });

  it('reads markdown tenet files', () => {
    const md = '## TEAM-X: x\nlayer: team\nparent: CO-NOPE\n\nWhen A and B conflict, we choose A over B because A lasts.\n';
    const f = check({ 'tenets/team.md': md });
    const [d] = only(f, RULE, 'tenets/team.md');
    expect(textAt(f, d!)).toBe('CO-NOPE');
  });
});
