// The settings schema VS Code shows comes from package.json; it must match the rule registry and
// the settings defaults the server uses. On failure run `npm run gen:settings`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES, RULE_IDS } from '../../server/src/rules/registry';
import { DEFAULT_SETTINGS, SETTINGS_SECTION } from '../../server/src/shared/settings';
import { configurationContribution } from '../../scripts/settingsSchema';
import { SEVERITY_SETTINGS } from '../../server/src/shared/vocabulary';

interface PropertySchema {
  default?: unknown;
  enum?: unknown[];
  markdownDescription?: string;
  description?: string;
  properties?: Record<string, PropertySchema>;
  additionalProperties?: boolean;
}

const packageJson = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));
const properties: Record<string, PropertySchema> = packageJson.contributes?.configuration?.properties ?? {};
const rulesSchema = properties[`${SETTINGS_SECTION}.rules`];

describe('package.json settings schema (run `npm run gen:settings` when this fails)', () => {
  it('lists every rule of the registry, with its default severity and description', () => {
    for (const rule of ALL_RULES) {
      const schema = rulesSchema?.properties?.[rule.id];
      expect(schema, `rule ${rule.id}`).toBeDefined();
      expect(schema?.default, `default of ${rule.id}`).toBe(rule.defaultSeverity);
      expect(schema?.markdownDescription, `description of ${rule.id}`).toBe(rule.description);
      expect(schema?.enum, `severities of ${rule.id}`).toEqual([...SEVERITY_SETTINGS]);
    }
  });

  it('lists no rule id the registry does not have, and refuses unknown ids', () => {
    expect(Object.keys(rulesSchema?.properties ?? {})).toEqual([...RULE_IDS]);
    expect(rulesSchema?.additionalProperties).toBe(false);
  });

  it('has one setting per field of the settings, with the server defaults', () => {
    const expected: Record<string, unknown> = {
      enable: DEFAULT_SETTINGS.enable,
      rules: DEFAULT_SETTINGS.rules,
      problemsScope: DEFAULT_SETTINGS.problemsScope,
      debounceMs: DEFAULT_SETTINGS.debounceMs,
      codeLens: DEFAULT_SETTINGS.codeLens,
      'trace.server': DEFAULT_SETTINGS.trace.server,
    };
    expect(Object.keys(properties).sort()).toEqual(Object.keys(expected).map((k) => `${SETTINGS_SECTION}.${k}`).sort());
    for (const [key, value] of Object.entries(expected)) expect(properties[`${SETTINGS_SECTION}.${key}`]?.default, key).toEqual(value);
    for (const [key, schema] of Object.entries(properties)) expect(schema.description ?? schema.markdownDescription, key).toBeTruthy();
  });

  it('is exactly what the generator writes', () => {
    expect(packageJson.contributes.configuration).toEqual(configurationContribution());
  });
});
