// The decision authority matrix (`authority.yaml`): for each decision type, who decides, who must
// approve when a trigger applies, the triggers, and the tenets a memo of the type must consider.
// Read like the config: a schema check at the key, then the checks a schema cannot say (a
// duplicate type, a trigger that misspells a built-in, `spend-over:` without an amount). Rows with
// an error are left out; the others stay in force. What was left out is recorded, so that rules do
// not call a type (or a trigger) unknown that a broken row may define.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { distance } from 'fastest-levenshtein';
import { LineIndex, stripBom } from '../text/lineIndex';
import type { Located, Range } from '../types';
import { located, toPlain } from '../yaml/schemaProblems';
import { getEntry, parseYaml, scalarText, type YamlProblem, type YamlValue } from '../yaml/yamlTree';
import { authoritySchema } from './authoritySchema';
import { BUILT_IN_TRIGGERS, parseSpendOver, triggerKey } from './triggers';

export interface DecisionType {
  /** The id memos write in `decision-type` (as written in the matrix). */
  id: string;
  idRange: Range;
  title: string | undefined;
  /** A role, a person id, or `owner` (any owner may decide). */
  decides: Located<string> | undefined;
  /** The role or person who must approve when a trigger applies. */
  escalateTo: Located<string> | undefined;
  /** Trigger keys (`cross-team`, `spend-over:10000`, …), normalised by `triggerKey`. */
  triggers: Located<string>[];
  /** Tenets a memo of this type must consider. */
  tenets: Located<string>[];
  /** The whole row, for hover and definition. */
  range: Range;
}

export interface AuthorityMatrix {
  file: string;
  types: DecisionType[];
  problems: YamlProblem[];
  /**
   * False when the file is not a list of rows (a YAML error, a map): no type can be said to be
   * missing from it, only the file to be wrong.
   */
  readable: boolean;
  /** Ids (lower case) of rows left out for an error: a memo naming one is not told the type is unknown. */
  leftOut: ReadonlySet<string>;
  /** A row written as a map was left out for an error: the triggers it names are not known. */
  partial: boolean;
}

let validator: ValidateFunction | undefined;

/** Reads `authority.yaml`. Never throws: problems say what is wrong, at the key. */
export function parseAuthority(file: string, rawText: string): AuthorityMatrix {
  const text = stripBom(rawText);
  const lines = new LineIndex(text);
  const parsed = parseYaml(text, lines);
  const problems: YamlProblem[] = [...parsed.problems];
  const root = parsed.root;
  const leftOut = new Set<string>();
  if (problems.some((p) => p.severity === 'error')) return { file, types: [], problems, readable: false, leftOut, partial: false };
  if (root === undefined || (root.kind === 'scalar' && root.value === null)) return { file, types: [], problems, readable: true, leftOut, partial: false };
  if (root.kind !== 'seq') {
    problems.push({ message: 'The authority matrix is a list of decision types (`- type: api-design` …), one row per type.', range: root.range, severity: 'error' });
    return { file, types: [], problems, readable: false, leftOut, partial: false };
  }
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(authoritySchema());
  const rejected = new Set<number>();
  if (!validator(toPlain(root))) {
    const say = (e: ErrorObject) => describeRowError(e, root);
    for (const { problem, error } of located(root, validator.errors ?? [], (where) => `${where} must be a name or a list of names.`, say)) {
      // An unknown key is a warning (the row is still read); any other shape error drops the row.
      const unknownKey = error.keyword === 'additionalProperties';
      problems.push(unknownKey ? { ...problem, severity: 'warning' } : problem);
      const row = rowOf(error.instancePath);
      if (!unknownKey && row !== undefined) rejected.add(row);
    }
  }
  const types: DecisionType[] = [];
  const seen = new Map<string, DecisionType>();
  let partial = false;
  root.items.forEach((item, i) => {
    // The id of a row left out (`- api-design` written without `type:` counts as naming it).
    const id = item.kind === 'map' ? scalarText(getEntry(item, 'type')?.value) : scalarText(item);
    if (rejected.has(i) || item.kind !== 'map') {
      if (id) leftOut.add(id.toLowerCase());
      if (item.kind === 'map') partial = true;
      return;
    }
    const type = readRow(item);
    if (!type) return;
    const key = type.id.toLowerCase();
    const first = seen.get(key);
    if (first) {
      problems.push({ message: `Decision type \`${type.id}\` is defined twice; the first row (line ${first.idRange.start.line + 1}) is used.`, range: type.idRange, severity: 'error' });
      return;
    }
    seen.set(key, type);
    problems.push(...rowProblems(type));
    types.push(type);
  });
  return { file, types, problems, readable: true, leftOut, partial };
}

/** A schema error in the matrix's words: which row (by its type, or its number), which key. */
function describeRowError(e: ErrorObject, root: Extract<YamlValue, { kind: 'seq' }>): string | undefined {
  const [rowText, key] = e.instancePath.split('/').slice(1);
  if (rowText === undefined) return undefined;
  const item = root.items[Number(rowText)];
  const typeId = item?.kind === 'map' ? scalarText(getEntry(item, 'type')?.value) : undefined;
  const row = typeId ? `decision type \`${typeId}\`` : `row ${Number(rowText) + 1}`;
  const p = e.params as { additionalProperty?: string; missingProperty?: string };
  if (key === undefined) {
    if (e.keyword === 'type') return `Each row of the matrix is a decision type written as a map (\`type:\`, \`title:\`, \`decides:\`, …); ${row} is not one.`;
    if (e.keyword === 'required') return `This row has no \`type:\` (the id memos write in \`decision-type\`).`;
    if (e.keyword === 'additionalProperties') return `Unknown key \`${String(p.additionalProperty)}\` in ${row}; the keys are type, title, description, decides, escalate-to, triggers, tenets.`;
    return undefined;
  }
  if (key === 'triggers' || key === 'tenets') return `\`${key}\` of ${row} must be a name or a list of names.`;
  return `\`${key}\` of ${row} must be ${key === 'title' ? 'text' : 'a name'}.`;
}

/** The row index an error path starts with (`/3/triggers/0` → 3). */
function rowOf(instancePath: string | undefined): number | undefined {
  const first = instancePath?.split('/')[1];
  return first !== undefined && /^\d+$/.test(first) ? Number(first) : undefined;
}

function readRow(item: Extract<YamlValue, { kind: 'map' }>): DecisionType | undefined {
  const idValue = getEntry(item, 'type')?.value;
  const id = scalarText(idValue)?.trim();
  if (!id || !idValue) return undefined;
  const one = (key: string): Located<string> | undefined => {
    const v = getEntry(item, key)?.value;
    const t = scalarText(v)?.trim();
    return t && v ? { value: t, range: v.range } : undefined;
  };
  return {
    id,
    idRange: idValue.range,
    title: one('title')?.value,
    decides: one('decides'),
    escalateTo: one('escalate-to'),
    triggers: names(getEntry(item, 'triggers')?.value).map((t) => ({ value: triggerKey(t.value), range: t.range })),
    tenets: names(getEntry(item, 'tenets')?.value),
    range: item.range,
  };
}

/** A scalar or a list of scalars, as located names (blanks skipped). */
function names(value: YamlValue | undefined): Located<string>[] {
  if (!value) return [];
  const items = value.kind === 'seq' ? value.items : [value];
  const out: Located<string>[] = [];
  for (const v of items) {
    const t = scalarText(v)?.trim();
    if (t) out.push({ value: t, range: v.range });
  }
  return out;
}

/** What a schema cannot say about a row. */
function rowProblems(type: DecisionType): YamlProblem[] {
  const problems: YamlProblem[] = [];
  for (const t of type.triggers) {
    if (t.value.startsWith('spend-over')) {
      if (parseSpendOver(t.value) === undefined) problems.push({ message: `\`${t.value}\` names no amount: write \`spend-over:<number>\` (\`spend-over:50000\`, \`spend-over:50k\`).`, range: t.range, severity: 'error' });
      continue;
    }
    if ((BUILT_IN_TRIGGERS as readonly string[]).includes(t.value)) continue;
    const near = BUILT_IN_TRIGGERS.find((b) => distance(b, t.value) <= 2);
    if (near) problems.push({ message: `\`${t.value}\` is not a built-in trigger; did you mean \`${near}\`? (As written it is a trigger of its own, applied only where a memo's \`impact\` lists it.)`, range: t.range, severity: 'warning' });
  }
  if (type.triggers.length > 0 && !type.escalateTo) {
    problems.push({ message: `Decision type \`${type.id}\` has triggers but no \`escalate-to\`: nobody can be asked to approve when one applies.`, range: type.idRange, severity: 'warning' });
  }
  return problems;
}

/** The type a memo names, matched case-insensitively. */
export function findDecisionType(matrix: AuthorityMatrix, id: string): DecisionType | undefined {
  const key = id.trim().toLowerCase();
  return lookup(matrix).get(key);
}

const lookups = new WeakMap<AuthorityMatrix, Map<string, DecisionType>>();
function lookup(matrix: AuthorityMatrix): Map<string, DecisionType> {
  let map = lookups.get(matrix);
  if (!map) {
    map = new Map(matrix.types.map((t) => [t.id.toLowerCase(), t]));
    lookups.set(matrix, map);
  }
  return map;
}

/** The triggers this matrix knows: the built-in ones and every one a row names. */
export function knownTriggers(matrix: AuthorityMatrix): string[] {
  const out = new Set<string>(BUILT_IN_TRIGGERS);
  for (const t of matrix.types) for (const tr of t.triggers) out.add(tr.value);
  return [...out];
}
