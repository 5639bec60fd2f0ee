import Ajv, { type ValidateFunction } from 'ajv';
import { LineIndex, stripBom } from '../text/lineIndex';
import { schemaProblems, toPlain } from '../yaml/schemaProblems';
import { getEntry, parseYaml, type YamlProblem } from '../yaml/yamlTree';
import type { Range } from '../types';
import { type Reversibility, SEVERITY_SETTINGS, type SeveritySetting } from '../../shared/vocabulary';

export const CONFIG_FILE = '.decisions.yaml';

export interface ResolvedConfig {
  memos: string[];
  /** Files matched by `memos` that are not memos (indexes, templates, READMEs). */
  ignore: string[];
  tenets: string[];
  /** Path of the people directory; optional unless named in the config. */
  people: string;
  peopleExplicit: boolean;
  /** The handles and emails of CODEOWNERS are known owners too (`codeowners: true`, or `people: CODEOWNERS`). */
  codeowners: boolean;
  /** Path of the decision authority matrix; optional unless named in the config. */
  authority: string;
  authorityExplicit: boolean;
  evidence: { required: Record<Reversibility, number>; maxAgeDays: number };
  /** Severity overrides by rule id. */
  rules: Record<string, SeveritySetting>;
  /** The shared configs `extends` brought in, lowest precedence first (their tenet globs rebased onto their folders). */
  shared: readonly SharedConfigSource[];
}

/** One shared config (`extends`) as the merged config remembers it. */
export interface SharedConfigSource {
  /** How the config names it: the package (`@acme/decisions`) or the path, with the chain that led there. */
  source: string;
  /** Workspace-relative folder of the shared `.decisions.yaml` (`node_modules/@acme/decisions`). */
  dir: string;
  /** Workspace-relative path of the shared `.decisions.yaml`. */
  file: string;
  /** Its tenet globs, workspace-relative (rooted in `dir`). */
  tenets: string[];
}

/** An `extends` value as written, with its range in the config that wrote it. */
export interface ExtendsEntry {
  value: string;
  range: Range;
}

export const DEFAULT_CONFIG: ResolvedConfig = Object.freeze({
  // The format's three defaults, plus the folders adr-tools (`doc/adr`) and the common
  // `docs/architecture/decisions` layout use, so existing ADR folders are found without a config.
  memos: ['decisions/**/*.md', 'docs/adr/**/*.md', 'docs/decisions/**/*.md', 'doc/adr/**/*.md', 'docs/architecture/decisions/**/*.md'],
  // ADR folders commonly hold an index, a README and a template beside the records.
  ignore: ['**/README.md', '**/index.md', '**/template.md', '**/adr-template*.md'],
  tenets: ['tenets/**/*.md', 'tenets.yaml'],
  people: 'people.yaml',
  peopleExplicit: false,
  codeowners: false,
  authority: 'authority.yaml',
  authorityExplicit: false,
  evidence: { required: { 'two-way': 0, costly: 1, 'one-way': 2 }, maxAgeDays: 365 },
  rules: {},
  shared: [],
});

export interface LoadedConfig {
  config: ResolvedConfig;
  /** Problems in `.decisions.yaml`; when any is an error, the defaults apply. */
  problems: YamlProblem[];
  /** The keys as written (undefined when the file is empty or invalid): what a shared config supplies and what a local one overrides. */
  raw?: RawConfig;
  /** The `extends` values, in order. */
  extends: ExtendsEntry[];
}

const globList = { oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 }] };
const count = (description: string) => ({ type: 'integer', minimum: 0, description });

/**
 * The JSON schema of `.decisions.yaml`; `ruleIds` closes the `rules` map to known rules. The
 * checker validates with it, and `npm run gen:schemas` writes it to schemas/ for editors (the
 * descriptions are what they show on hover).
 */
export function configSchema(ruleIds: readonly string[]): object {
  return {
    $id: 'https://decision-memos.invalid/decisions.schema.json',
    type: 'object',
    additionalProperties: false,
    properties: {
      extends: {
        oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 }],
        description: 'Shared configs this one builds on: a package installed in this workspace\'s `node_modules` (`@acme/decisions`, its `.decisions.yaml` read, no code run) or a path inside the workspace (`./shared`, a `.decisions.yaml` or a folder holding one). They supply tenets, people, authority, evidence and rule settings; the settings here win.',
      },
      memos: { ...globList, description: 'Globs of the memo files, relative to this folder.', default: DEFAULT_CONFIG.memos },
      ignore: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string', minLength: 1 } }], description: 'Globs of files the memo globs match that are not memos (indexes, templates, READMEs); `[]` checks them all.', default: DEFAULT_CONFIG.ignore },
      tenets: { ...globList, description: 'Globs of the tenet files (markdown or YAML), relative to this folder.', default: DEFAULT_CONFIG.tenets },
      people: { type: 'string', minLength: 1, description: 'The people directory: known owners and approvers (optional unless named here). `CODEOWNERS` takes them from the repository\'s CODEOWNERS file instead.', default: DEFAULT_CONFIG.people },
      codeowners: { type: 'boolean', description: 'The `@user`, `@org/team` handles and emails in CODEOWNERS (root, `.github/` or `docs/`) are known owners besides the people directory.', default: false },
      authority: { type: 'string', minLength: 1, description: 'The decision authority matrix: decision types, who decides, escalation triggers and approvers (optional unless named here).', default: DEFAULT_CONFIG.authority },
      evidence: {
        type: 'object',
        additionalProperties: false,
        description: 'How much evidence memos need, and how old it may be.',
        properties: {
          required: {
            type: 'object',
            additionalProperties: false,
            description: 'Minimum distinct evidence artifacts of a proposed or accepted memo, by its `reversibility`.',
            properties: {
              'two-way': count('Artifacts a two-way (easily undone) decision needs.'),
              costly: count('Artifacts a costly decision needs.'),
              'one-way': count('Artifacts a one-way (irreversible) decision needs.'),
            },
          },
          maxAgeDays: { type: 'integer', minimum: 1, description: 'An artifact dated more than this many days ago is stale (evidence-stale).', default: DEFAULT_CONFIG.evidence.maxAgeDays },
        },
      },
      rules: {
        type: 'object',
        description: 'Severity per rule id; rules not listed keep their default.',
        propertyNames: { enum: [...ruleIds] },
        additionalProperties: { enum: [...SEVERITY_SETTINGS] },
      },
    },
  };
}

// One compiled validator per set of rule ids; the rule list is fixed for a process.
const validators = new Map<string, ValidateFunction>();
function validatorFor(ruleIds: readonly string[]): ValidateFunction {
  const key = ruleIds.join(',');
  let v = validators.get(key);
  if (!v) {
    v = new Ajv({ allErrors: true, strict: false }).compile(configSchema(ruleIds));
    validators.set(key, v);
  }
  return v;
}

/** Reads and validates `.decisions.yaml`. Never throws; an invalid file yields problems and the defaults. */
export function parseConfig(rawText: string, ruleIds: readonly string[]): LoadedConfig {
  const text = stripBom(rawText);
  const lines = new LineIndex(text);
  const parsed = parseYaml(text, lines);
  const problems = [...parsed.problems];
  const root = parsed.root;
  if (problems.some((p) => p.severity === 'error')) return { config: DEFAULT_CONFIG, problems, extends: [] };
  if (root === undefined || (root.kind === 'scalar' && root.value === null)) return { config: DEFAULT_CONFIG, problems, extends: [] };
  const data = toPlain(root);
  const validate = validatorFor(ruleIds);
  if (!validate(data)) {
    problems.push(...schemaProblems(root, validate.errors ?? [], (where) => (where.includes('extends') ? `${where} must be a package name or a path, or a list of them.` : `${where} must be a glob or a list of globs.`)));
    return { config: DEFAULT_CONFIG, problems, extends: [] };
  }
  const raw = data as RawConfig;
  const written = root.kind === 'map' ? getEntry(root, 'extends')?.value : undefined;
  const items = written === undefined ? [] : written.kind === 'seq' ? written.items : [written];
  const values = raw.extends === undefined ? [] : Array.isArray(raw.extends) ? raw.extends : [raw.extends];
  const entries = values.map((value, i) => ({ value, range: items[i]?.range ?? written!.range }));
  return { config: resolve(raw), problems, raw, extends: entries };
}

/** `.decisions.yaml` as written, after validation. */
interface RawConfig {
  extends?: string | string[];
  memos?: string | string[];
  ignore?: string | string[];
  tenets?: string | string[];
  people?: string;
  codeowners?: boolean;
  authority?: string;
  evidence?: { required?: Partial<Record<Reversibility, number>>; maxAgeDays?: number };
  rules?: Record<string, SeveritySetting>;
}

function resolve(raw: RawConfig): ResolvedConfig {
  const list = (v: string | string[] | undefined, d: string[]) => (v === undefined ? d : Array.isArray(v) ? v : [v]);
  return {
    memos: list(raw.memos, DEFAULT_CONFIG.memos),
    ignore: list(raw.ignore, DEFAULT_CONFIG.ignore),
    tenets: list(raw.tenets, DEFAULT_CONFIG.tenets),
    people: raw.people ?? DEFAULT_CONFIG.people,
    peopleExplicit: raw.people !== undefined,
    codeowners: raw.codeowners === true || isCodeOwnersSetting(raw.people),
    authority: raw.authority ?? DEFAULT_CONFIG.authority,
    authorityExplicit: raw.authority !== undefined,
    evidence: {
      required: { ...DEFAULT_CONFIG.evidence.required, ...raw.evidence?.required },
      maxAgeDays: raw.evidence?.maxAgeDays ?? DEFAULT_CONFIG.evidence.maxAgeDays,
    },
    rules: { ...raw.rules },
    shared: [],
  };
}


/** `people: CODEOWNERS`: the owners are the CODEOWNERS file's, with no people directory. */
export function isCodeOwnersSetting(people: string | undefined): boolean {
  return people?.trim().toUpperCase() === 'CODEOWNERS';
}
