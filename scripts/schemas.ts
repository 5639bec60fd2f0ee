// The JSON schemas in schemas/, computed from the schemas the checker itself validates with (or
// that mirror its parsers): `npm run gen:schemas` writes them, package.json's
// `contributes.yamlValidation` hands them to the YAML extension, and a unit test
// (test/unit/jsonSchemas.test.ts) fails when a file drifts from what this module computes.
import { configSchema } from '../server/src/core/workspace/config';
import { authoritySchema } from '../server/src/core/authority/authoritySchema';
import { peopleSchema } from '../server/src/core/workspace/peopleSchema';
import { tenetFileSchema } from '../server/src/core/tenets/tenetSchema';
import { ALL_RULES, RULE_IDS } from '../server/src/rules/registry';
import { SEVERITY_SETTINGS } from '../server/src/shared/vocabulary';

const DRAFT = 'http://json-schema.org/draft-07/schema#';

/** `.decisions.yaml`: the checker's own schema, with one documented property per rule so editors complete and explain rule ids. */
function decisionsSchema(): object {
  const schema = configSchema(RULE_IDS) as { properties: { rules: Record<string, unknown> } };
  const rules = Object.fromEntries(ALL_RULES.map((r) => [r.id, { enum: [...SEVERITY_SETTINGS], default: r.defaultSeverity, description: r.description }]));
  return {
    $schema: DRAFT,
    title: 'Decision Memos settings (.decisions.yaml)',
    description: 'Where memos, tenets and people live, how much evidence memos need, and the severity of each rule.',
    ...schema,
    properties: { ...schema.properties, rules: { ...schema.properties.rules, properties: rules } },
  };
}

/** File name in schemas/ → schema. */
export function jsonSchemas(): Record<string, object> {
  return {
    'decisions.schema.json': decisionsSchema(),
    'people.schema.json': { $schema: DRAFT, ...peopleSchema() },
    'authority.schema.json': { $schema: DRAFT, ...authoritySchema() },
    'tenets.schema.json': { $schema: DRAFT, ...tenetFileSchema() },
  };
}

/** How a schema file is written: two-space JSON and a final line end, like package.json. */
export function schemaText(schema: object): string {
  return JSON.stringify(schema, null, 2) + '\n';
}
