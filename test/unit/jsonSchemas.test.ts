// The JSON schemas editors validate `.decisions.yaml`, `people.yaml` and YAML tenet files with
// (schemas/, contributed through package.json's `yamlValidation`) must be what
// scripts/schemas.ts computes from the checker, and must agree with the checker: a file the
// checker reads without a problem is valid, a file it reports a shape problem in is not. On
// failure after an intended change, run `npm run gen:schemas`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { jsonSchemas, schemaText } from '../../scripts/schemas';
import { parseTenetFile } from '../../server/src/core/tenets/tenetParser';
import { parseConfig } from '../../server/src/core/workspace/config';
import { parsePeople } from '../../server/src/core/workspace/people';
import { RULE_IDS } from '../../server/src/rules/registry';
import { TENET_LAYERS } from '../../server/src/shared/vocabulary';

const ROOT = path.resolve(__dirname, '../..');
const schemas = jsonSchemas();
const ajv = new Ajv({ allErrors: true, strict: false });
const validators = Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, ajv.compile(schema)]));
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');

function valid(schema: string, yamlText: string): boolean {
  return validators[schema]!(parse(yamlText) ?? null) as boolean;
}

describe('schemas/ (run `npm run gen:schemas` when this fails)', () => {
  it('holds exactly the generated files', () => {
    expect(fs.readdirSync(path.join(ROOT, 'schemas')).sort()).toEqual(Object.keys(schemas).sort());
    for (const [name, schema] of Object.entries(schemas)) expect(read(`schemas/${name}`), name).toBe(schemaText(schema));
  });

  it('is what package.json hands to the YAML extension', () => {
    const pkg = JSON.parse(read('package.json')) as { contributes: { yamlValidation: { fileMatch: string | string[]; url: string }[] } };
    const urls = pkg.contributes.yamlValidation.map((v) => v.url).sort();
    expect(urls).toEqual(Object.keys(schemas).map((n) => `./schemas/${n}`).sort());
  });
});

describe('.decisions.yaml schema', () => {
  const cases = [
    read('examples/workspace/.decisions.yaml'),
    read('test/e2e/fixtures/workspace/.decisions.yaml'),
    'memos: ["decisions/**/*.md"]\nevidence:\n  required: { two-way: 0, costly: 1, one-way: 2 }\n  maxAgeDays: 365\nrules:\n  tenet-relevant-uncited: hint\n',
    'memos: decisions/*.md\nignore: []\n',
    'memo: decisions/*.md\n',
    'evidence:\n  maxAgeDays: ten\n',
    'rules:\n  owner-mising: off\n',
    'rules:\n  owner-missing: loud\n',
    'evidence:\n  required: { costly: -1 }\n',
    'memos: []\n',
  ];
  it('accepts what the checker accepts and refuses what it reports', () => {
    for (const text of cases) {
      const checkerOk = !parseConfig(text, RULE_IDS).problems.some((p) => p.severity === 'error');
      expect(valid('decisions.schema.json', text), text).toBe(checkerOk);
    }
  });

  it('documents every rule with its default severity', () => {
    const rules = (schemas['decisions.schema.json'] as { properties: { rules: { properties: Record<string, { default: string }> } } }).properties.rules.properties;
    expect(Object.keys(rules)).toEqual([...RULE_IDS]);
  });
});

describe('people.yaml schema', () => {
  const cases = [
    read('test/e2e/fixtures/workspace/people.yaml'),
    read('examples/workspace/people.yaml'),
    read('test/robustness/seeds/people.yaml'),
    '- ann\n- bob\n',
    '- id: ann\n  name: Ann Lee\n  email: ann@example.com\n  role: [team-lead, architect]\n  team: search\n  extra: kept\n',
    'people:\n  - ann\n',
    'owners:\n  - ann\n',
    '- 1234\n- ""\n-\n',
    '',
    '- name: No Id\n',
    '- id: "  "\n',
    '- [a, b]\n',
    'just a string\n',
    '- id: [a]\n',
  ];
  it('accepts what the checker accepts and refuses what it reports', () => {
    for (const text of cases) {
      const checkerOk = !parsePeople('people.yaml', text).problems.some((p) => p.severity === 'error');
      expect(valid('people.schema.json', text), text).toBe(checkerOk);
    }
    // Not vacuous: both outcomes occur.
    expect(new Set(cases.map((t) => valid('people.schema.json', t)))).toEqual(new Set([true, false]));
  });
});

describe('YAML tenet file schema', () => {
  const cases = [
    read('examples/workspace/tenets/company.yaml'),
    read('test/e2e/fixtures/workspace/tenets.yaml'),
    '- id: CO-TRUST\n  layer: company\n  title: trust\n  tags: [trust, customers]\n  aliases: reputation, word of mouth\n  statement: When a and b conflict, we choose a over b because c.\n  status: retired\n',
    'tenets:\n  - id: ENG-X\n    layer: Function\n    function: engineering\n    parent: CO-TRUST\n',
    '- id: T-1\n  status: someday\n  owner: kept\n',
    '',
    'name: not a list\n',
    '- just a string\n',
    '- statement: no id\n',
    '- id: ""\n',
    'tenets: nope\n',
  ];
  it('accepts what the checker reads without a problem and refuses what it reports', () => {
    for (const text of cases) {
      const checkerOk = !parseTenetFile('tenets.yaml', text).problems.some((p) => p.severity === 'error');
      expect(valid('tenets.schema.json', text), text).toBe(checkerOk);
    }
    expect(new Set(cases.map((t) => valid('tenets.schema.json', t)))).toEqual(new Set([true, false]));
  });

  it('offers the layers and refuses another, which tenet-parent-unknown reports', () => {
    for (const layer of TENET_LAYERS) expect(valid('tenets.schema.json', `- id: T-1\n  layer: ${layer.toUpperCase()}\n`)).toBe(true);
    expect(valid('tenets.schema.json', '- id: T-1\n  layer: division\n')).toBe(false);
  });
});
