// A JSON schema's verdict on a YAML file, as problems at the key or value each error names: the
// config and the authority matrix are validated this way (the schemas are also what editors get).
import type { ErrorObject } from 'ajv';
import type { Range } from '../types';
import { getEntry, type YamlProblem, type YamlValue } from './yamlTree';

/** The validator's errors on `root`, one per place, in words; `oneOf` says what a failed alternative expected. */
export function schemaProblems(root: YamlValue, errors: ErrorObject[], oneOf: (where: string) => string): YamlProblem[] {
  return located(root, errors, oneOf).map((p) => p.problem);
}

/** As `schemaProblems`, each with the error it came from; `say` may word it instead (undefined: the default words). */
export function located(root: YamlValue, errors: ErrorObject[], oneOf: (where: string) => string, say?: (e: ErrorObject) => string | undefined): { problem: YamlProblem; error: ErrorObject }[] {
  return dedupe(errors).map((error) => ({ problem: { message: say?.(error) ?? describe(error, oneOf), range: locate(root, error), severity: 'error' as const }, error }));
}

/** The YAML tree as plain data, for a JSON schema validator. */
export function toPlain(value: YamlValue | undefined): unknown {
  if (!value) return null;
  switch (value.kind) {
    case 'scalar':
      return value.value;
    case 'seq':
      return value.items.map(toPlain);
    case 'map':
      return Object.fromEntries(value.entries.map((e) => [e.key, toPlain(e.value)]));
    default:
      return null;
  }
}

/** `oneOf` reports each branch; keep one message per place. */
function dedupe(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    // A bad rule id comes twice: the `propertyNames` error (which names the key) and its inner `enum` (which does not).
    if (e.schemaPath.includes('/propertyNames/')) return false;
    // `oneOf` reports each failed branch before its own summary; the summary says it best.
    if (e.schemaPath.includes('/oneOf/') && errors.some((o) => o.keyword === 'oneOf' && o.instancePath === e.instancePath)) return false;
    const p = e.params as { additionalProperty?: string; propertyName?: string };
    const key = `${e.instancePath} ${p.additionalProperty ?? ''} ${p.propertyName ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describe(e: ErrorObject, oneOf: (where: string) => string): string {
  const where = e.instancePath ? `\`${e.instancePath.slice(1).replace(/\//g, '.')}\`` : 'The config';
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return `Unknown setting \`${String(p.additionalProperty)}\`${e.instancePath ? ` in ${where}` : ''}.`;
    case 'propertyNames':
      return `Unknown rule id \`${String(p.propertyName)}\`.`;
    case 'enum':
      return `${where} must be one of: ${(p.allowedValues as unknown[]).join(', ')}.`;
    case 'oneOf':
      return oneOf(where);
    default:
      return `${where} ${e.message ?? 'is invalid'}.`;
  }
}

function locate(root: YamlValue, e: ErrorObject): Range {
  const segments = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const p = e.params as { additionalProperty?: string; propertyName?: string };
  const extraKey = p.additionalProperty ?? p.propertyName;
  let node: YamlValue | undefined = root;
  let range = root.range;
  for (const seg of segments) {
    if (node?.kind === 'map') {
      const entry = getEntry(node, seg);
      range = entry?.value?.range ?? entry?.keyRange ?? range;
      node = entry?.value;
    } else if (node?.kind === 'seq') {
      node = node.items[Number(seg)];
      range = node?.range ?? range;
    }
  }
  if (extraKey !== undefined && node?.kind === 'map') range = getEntry(node, extraKey)?.keyRange ?? range;
  return range;
}

