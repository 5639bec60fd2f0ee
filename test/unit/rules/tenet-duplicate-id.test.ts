import { describe, expect, it } from 'vitest';
import { check, only, textAt } from '../../helpers/memoWorkspace';

const RULE = 'tenet-duplicate-id';
const STATEMENT = 'When A and B conflict, we choose A over B because A lasts.';

describe('tenet-duplicate-id', () => {
  it('does not fire when every id is defined once', () => {
    expect(only(check({}), RULE)).toEqual([]);
  });

  it('fires at every definition across files, each relating to the others', () => {
    const md = `## ENG-LATENCY: latency again\nlayer: function\nparent: CO-TRUST\n\n${STATEMENT}\n`;
    const f = check({ 'tenets/eng.md': md });
    const ds = only(f, RULE);
    expect(ds.map((d) => d.file)).toEqual(['tenets.yaml', 'tenets/eng.md']);
    for (const d of ds) {
      expect(d.severity).toBe('error');
      expect(textAt(f, d)).toBe('ENG-LATENCY');
    }
    const [inYaml, inMd] = ds;
    expect(inYaml!.related).toEqual([{ file: 'tenets/eng.md', range: inMd!.range, message: '`ENG-LATENCY` is defined here too.' }]);
    expect(inMd!.related).toEqual([{ file: 'tenets.yaml', range: inYaml!.range, message: '`ENG-LATENCY` is defined here too.' }]);
    expect(inMd!.message).toBe(`Tenet id \`ENG-LATENCY\` is also defined at tenets.yaml:${inYaml!.range.start.line + 1}; expected each id to be defined once.`);
  });

  it('fires at each of several definitions in one file', () => {
    const yaml = ['CO-A', 'CO-A', 'CO-A', 'CO-B'].map((id) => `- id: ${id}\n  layer: company\n  statement: ${STATEMENT}\n`).join('');
    const f = check({ 'tenets.yaml': yaml });
    const ds = only(f, RULE);
    expect(ds.map((d) => d.range.start.line)).toEqual([0, 3, 6]);
    expect(ds.every((d) => d.related!.length === 2 && textAt(f, d) === 'CO-A')).toBe(true);
  });
});
