import Ajv from 'ajv';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatSarif } from '../../server/src/cli/formats/sarif';
import { ruleDocUrl } from '../../server/src/core/check/rule';
import { ALL_RULES } from '../../server/src/rules/registry';
import { configOnly, makeDir, memo, runCli } from './cliHarness';

// `--format sarif`: valid SARIF 2.1.0 with every rule's metadata. No copy of the official schema
// is installed, so the log is validated against a faithful subset of it (see the schema's
// description): stricter than the official one, never looser.

const schema = JSON.parse(fs.readFileSync(new URL('./sarif-2.1.0-subset.schema.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addFormat('uri', (s: string) => URL.canParse(s));
ajv.addFormat('uri-reference', (s: string) => !/[\s\\]/.test(s) && URL.canParse(s, 'file:///base/'));
const validateSarif = ajv.compile(schema);

function expectValid(log: unknown): void {
  const ok = validateSarif(log);
  expect(validateSarif.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

interface SarifLog {
  $schema: string;
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: Array<Record<string, any>> } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: Array<Record<string, any>>;
  }>;
}

describe('check --format sarif', () => {
  it('is valid SARIF 2.1.0 with rule metadata for every rule and located results', () => {
    const dir = makeDir({
      '.decisions.yaml': configOnly({ 'owner-missing': 'hint', 'front-matter-invalid': undefined }),
      'decisions/0001-a.md': memo(['owners: []']),
      'decisions/with space #1.md': memo(['title: "x" oops', 'owners: [a]']),
    });
    const r = runCli(['check', '--format', 'sarif'], dir);
    expect(r.status).toBe(1);
    const log = JSON.parse(r.stdout) as SarifLog;
    expectValid(log);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;

    const driver = run.tool.driver;
    expect(driver.name).toBe('decision-memos');
    expect(driver.version).toBe(JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
    expect(driver.rules.map((r) => r.id)).toEqual(ALL_RULES.map((r) => r.id));
    for (const [i, rule] of ALL_RULES.entries()) {
      expect(driver.rules[i]).toEqual({
        id: rule.id,
        shortDescription: { text: rule.description },
        helpUri: ruleDocUrl(rule.id),
        defaultConfiguration: { level: rule.defaultSeverity === 'error' ? 'error' : rule.defaultSeverity === 'warning' ? 'warning' : 'note' },
      });
    }

    expect(run.originalUriBaseIds).toEqual({ ROOT: { uri: `${pathToFileURL(dir).href}/` } });
    expect(run.results).toHaveLength(2);
    const [owner, yaml] = run.results;
    expect(owner).toEqual({
      ruleId: 'owner-missing',
      ruleIndex: ALL_RULES.findIndex((r) => r.id === 'owner-missing'),
      level: 'note', // a hint
      message: { text: expect.any(String) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'decisions/0001-a.md', uriBaseId: 'ROOT' },
            region: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 11 },
          },
        },
      ],
    });
    expect(yaml).toMatchObject({ ruleId: 'front-matter-invalid', level: 'error' });
    expect(yaml!.locations[0].physicalLocation.artifactLocation.uri).toBe('decisions/with%20space%20%231.md');
  });

  it('maps severities to levels and carries related locations (pure formatter)', () => {
    const range = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 4 } });
    const text = formatSarif(
      {
        root: '/work/space',
        memoCount: 2,
        diagnostics: [
          {
            file: 'decisions/0001-a.md',
            rule: 'memo-duplicate-id',
            severity: 'error',
            message: 'Two memos share id 0001.',
            range: range(1),
            related: [
              { file: 'decisions/0001-b.md', range: range(1), message: 'the other memo with id 0001' },
              { file: 'decisions/0001-b.md', range: range(1), message: 'the other memo with id 0001' },
            ],
          },
          { file: 'decisions/0001-a.md', rule: 'tenet-out-of-scope', severity: 'info', message: 'Info.', range: range(2) },
          { file: 'decisions/0001-a.md', rule: 'not-a-known-rule', severity: 'warning', message: 'Unknown.', range: range(3) },
        ],
      },
      ALL_RULES,
    );
    const log = JSON.parse(text) as SarifLog;
    expectValid(log);
    const [dup, info, unknown] = log.runs[0]!.results;
    expect(dup!.relatedLocations).toEqual([
      {
        id: 0,
        physicalLocation: { artifactLocation: { uri: 'decisions/0001-b.md', uriBaseId: 'ROOT' }, region: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 5 } },
        message: { text: 'the other memo with id 0001' },
      },
      expect.objectContaining({ id: 1 }),
    ]);
    expect(info!.level).toBe('note');
    expect(unknown!.level).toBe('warning');
    expect(unknown).not.toHaveProperty('ruleIndex');
    expect(log.runs[0]!.originalUriBaseIds.ROOT!.uri).toBe('file:///work/space/');
  });

  it('rejects what the official schema rejects (the subset is not a rubber stamp)', () => {
    const log = JSON.parse(formatSarif({ root: '/w', memoCount: 0, diagnostics: [] }, ALL_RULES)) as SarifLog;
    expectValid(log);
    expect(validateSarif({ ...log, version: '2.0.0' })).toBe(false);
    const badLevel = structuredClone(log);
    badLevel.runs[0]!.tool.driver.rules[0]!.defaultConfiguration.level = 'hint';
    expect(validateSarif(badLevel)).toBe(false);
    const zeroLine = structuredClone(log);
    zeroLine.runs[0]!.results.push({ message: { text: 'x' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a.md' }, region: { startLine: 0 } } }] });
    expect(validateSarif(zeroLine)).toBe(false);
  });

  it('reports what suppression comments silence as suppressed (with the reason), which no other format shows or counts', () => {
    const body = '# A decision\n\n<!-- decision-memos-disable-file owner-missing -- the platform team owns every memo here -->\n';
    const dir = makeDir({ 'decisions/0001-a.md': memo(['owners: []'], body) });
    const sarif = runCli(['check', '--format', 'sarif'], dir);
    const log = JSON.parse(sarif.stdout) as SarifLog;
    expectValid(log);
    const owner = log.runs[0]!.results.find((r) => r.ruleId === 'owner-missing');
    expect(owner!.suppressions).toEqual([{ kind: 'inSource', justification: 'the platform team owns every memo here' }]);
    expect(log.runs[0]!.results.filter((r) => !r.suppressions).map((r) => r.ruleId)).not.toContain('owner-missing');
    const json = JSON.parse(runCli(['check', '--format', 'json'], dir).stdout) as { diagnostics: { rule: string }[] };
    expect(json.diagnostics.map((d) => d.rule)).not.toContain('owner-missing');
    expect(runCli(['check'], dir).stdout).not.toContain('owner-missing');
    expect(sarif.status).toBe(runCli(['check', '--format', 'json'], dir).status);
  });
});
