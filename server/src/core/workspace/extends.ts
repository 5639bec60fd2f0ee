import * as posix from 'pathe';
import picomatch from 'picomatch';
import { CONFIG_FILE, DEFAULT_CONFIG, isCodeOwnersSetting, parseConfig, type ExtendsEntry, type LoadedConfig, type ResolvedConfig, type SharedConfigSource } from './config';
import { normaliseRelative, type WorkspaceFs } from './workspaceFs';
import type { YamlProblem } from '../yaml/yamlTree';

// Shared configuration (`extends`): a config builds on a package installed in the workspace's own
// `node_modules`, or on a `.decisions.yaml` elsewhere in the workspace. Everything is resolved by
// paths through the `WorkspaceFs`, which never reads outside the workspace; a package is only
// read (its `.decisions.yaml` and the files that names), never loaded or run.

/** One shared config of the chain, as read. */
export interface SharedLayer {
  source: string;
  dir: string;
  file: string;
  loaded: LoadedConfig;
}

export interface ExtendsResolution {
  /** Lowest precedence first: a config's own `extends` come before it, and a later list entry before an earlier one's. */
  layers: SharedLayer[];
  /** Reported on the root config's `extends` value that led to them (`config-invalid`). */
  problems: YamlProblem[];
  /** Every shared config path looked at, present or not: a change to one of them resolves the chain again. */
  files: string[];
}

/** npm's package name shape: `name` or `@scope/name`. */
const PACKAGE_NAME = /^(?:@[a-z0-9~][a-z0-9._~-]*\/)?[a-z0-9~][a-z0-9._~-]*$/i;

/** Whether an `extends` value is a path (`./shared`, `../x`, `shared/.decisions.yaml`) rather than a package name. */
function isPathValue(value: string): boolean {
  return value.startsWith('.') || value.startsWith('/') || value.includes('\\') || /^[a-zA-Z]:/.test(value) || /\.ya?ml$/i.test(value);
}

type Located = { ok: true; dir: string; file: string } | { ok: false; message: string };

/** Resolves the root config's `extends` entries, following chains and stopping at cycles. */
export function resolveExtends(fs: WorkspaceFs, entries: readonly ExtendsEntry[], ruleIds: readonly string[]): ExtendsResolution {
  const layers: SharedLayer[] = [];
  const problems: YamlProblem[] = [];
  const files = new Set<string>();
  const included = new Set<string>();

  const visit = (value: string, fromDir: string, stack: readonly string[], entry: ExtendsEntry, via: string | undefined): void => {
    const label = via === undefined ? value : `${value} (through ${via})`;
    const report = (message: string): void => {
      problems.push({ message, range: entry.range, severity: 'error' });
    };
    const at = locate(fs, value.trim(), fromDir, files);
    if (!at.ok) return report(via === undefined ? at.message : `${via} extends \`${value}\`: ${lowerFirst(at.message)}`);
    if (stack.includes(at.file)) {
      return report(`\`extends\` makes a cycle: ${[...stack, at.file].join(' → ')}; the repeated config is not followed.`);
    }
    if (included.has(at.file)) return;
    const read = fs.readText(at.file);
    if (!read.ok) {
      const why = read.reason === 'outside' ? 'it resolves outside the workspace and was not read' : read.reason === 'missing' ? 'it does not exist' : `it could not be read (${read.detail ?? read.reason})`;
      return report(`The shared config \`${at.file}\` of \`${label}\` is not used: ${why}.`);
    }
    const loaded = parseConfig(read.text, ruleIds);
    const errors = loaded.problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) {
      const first = errors[0]!;
      return report(`The shared config \`${label}\` is invalid (${at.file}:${first.range.start.line + 1}: ${first.message}); its settings are not used.`);
    }
    included.add(at.file);
    for (const next of loaded.extends) visit(next.value, at.dir, [...stack, at.file], entry, label);
    layers.push({ source: label, dir: at.dir, file: at.file, loaded });
  };

  for (const entry of entries) visit(entry.value, '', [CONFIG_FILE], entry, undefined);
  return { layers, problems, files: [...files] };
}

/** Where an `extends` value points: a package folder in a `node_modules` at or above `fromDir` (never above the root), or a path. */
function locate(fs: WorkspaceFs, value: string, fromDir: string, looked: Set<string>): Located {
  if (isPathValue(value)) {
    const joined = /^[/\\]|^[a-zA-Z]:/.test(value) ? undefined : normaliseRelative(posix.join(fromDir, value));
    const rel = joined === '.' ? '' : joined;
    if (rel === undefined) return { ok: false, message: `\`${value}\` lies outside the workspace; a shared config must be a path inside it or an installed package.` };
    const file = /\.ya?ml$/i.test(rel) ? rel : rel === '' ? CONFIG_FILE : `${rel}/${CONFIG_FILE}`;
    looked.add(file);
    const info = fs.inspect(rel);
    if (info.exists && !info.realInside) return { ok: false, message: `\`${value}\` is a link that leads outside the workspace; it was not read.` };
    if (!info.exists) return { ok: false, message: `\`${value}\` does not exist (looked for ${file}).` };
    if (info.isDirectory && !fs.inspect(file).exists) return { ok: false, message: `The folder \`${value}\` holds no ${CONFIG_FILE}.` };
    return { ok: true, dir: posix.dirname(file) === '.' ? '' : posix.dirname(file), file };
  }
  if (!PACKAGE_NAME.test(value)) {
    return { ok: false, message: `\`${value}\` is neither a package name (\`name\`, \`@scope/name\`) nor a path (a path starts with \`./\` or \`../\`).` };
  }
  const tried: string[] = [];
  for (const dir of foldersUp(fromDir)) {
    const pkg = dir === '' ? `node_modules/${value}` : `${dir}/node_modules/${value}`;
    const file = `${pkg}/${CONFIG_FILE}`;
    tried.push(pkg);
    looked.add(file);
    const info = fs.inspect(pkg);
    if (!info.exists) continue;
    if (!info.realInside) return { ok: false, message: `The package \`${value}\` (${pkg}) is a link that leads outside the workspace; it was not read.` };
    if (!info.isDirectory) return { ok: false, message: `The package \`${value}\` (${pkg}) is not a folder.` };
    if (!fs.inspect(file).exists) return { ok: false, message: `The package \`${value}\` has no ${CONFIG_FILE} at its root (${pkg}); a shared config is read from there, no code of the package is run.` };
    return { ok: true, dir: pkg, file };
  }
  return { ok: false, message: `The package \`${value}\` is not installed in this workspace (looked in ${tried.join(', ')}); install it, for example as a dev dependency.` };
}

/** `a/b/c`, `a/b`, `a`, `` (the root): where `node_modules` folders are looked for; folders named `node_modules` are skipped, as Node does. */
function foldersUp(dir: string): string[] {
  const out: string[] = [];
  let d = dir;
  for (;;) {
    if (posix.basename(d) !== 'node_modules') out.push(d);
    if (d === '') return out;
    const parent = posix.dirname(d);
    d = parent === '.' ? '' : parent;
  }
}

/**
 * The effective config: the shared layers' settings under the local ones. Tenets add up (each
 * layer's globs rooted in its folder); rules and evidence merge key by key, the local config
 * last; people and authority are whole files: the local one when named or present, else the
 * nearest shared config's. Memos, ignore and CODEOWNERS stay the local config's own.
 */
export function mergeShared(fs: WorkspaceFs, local: LoadedConfig, layers: readonly SharedLayer[], watch: Set<string>): ResolvedConfig {
  if (layers.length === 0) return local.config;
  const base = local.config;
  const rules: ResolvedConfig['rules'] = {};
  const required = { ...DEFAULT_CONFIG.evidence.required };
  let maxAgeDays = DEFAULT_CONFIG.evidence.maxAgeDays;
  for (const loaded of [...layers.map((l) => l.loaded), local]) {
    Object.assign(rules, loaded.raw?.rules);
    Object.assign(required, loaded.raw?.evidence?.required);
    maxAgeDays = loaded.raw?.evidence?.maxAgeDays ?? maxAgeDays;
  }
  const shared: SharedConfigSource[] = layers.map((l) => ({ source: l.source, dir: l.dir, file: l.file, tenets: l.loaded.config.tenets.map((g) => rebase(l.dir, g)) }));
  const people = inheritedFile(fs, local, layers, 'people', watch);
  const authority = inheritedFile(fs, local, layers, 'authority', watch);
  return {
    ...base,
    ...(people ? { people: people.path, peopleExplicit: people.explicit } : {}),
    ...(authority ? { authority: authority.path, authorityExplicit: authority.explicit } : {}),
    evidence: { required, maxAgeDays },
    rules,
    shared,
  };
}

/** The shared people directory or matrix to use, when the local config neither names one nor has its default file. */
function inheritedFile(fs: WorkspaceFs, local: LoadedConfig, layers: readonly SharedLayer[], key: 'people' | 'authority', watch: Set<string>): { path: string; explicit: boolean } | undefined {
  if (local.raw?.[key] !== undefined || fs.inspect(DEFAULT_CONFIG[key]).exists) return undefined;
  for (const layer of [...layers].reverse()) {
    const written = layer.loaded.raw?.[key];
    // `people: CODEOWNERS` names the consuming repository's own file, which a shared config cannot supply.
    if (key === 'people' && isCodeOwnersSetting(written)) continue;
    const rebased = normaliseRelative(posix.join(layer.dir, written ?? DEFAULT_CONFIG[key]));
    if (rebased === undefined) continue;
    if (written === undefined && !fs.inspect(rebased).exists) continue;
    // Creating the local default file takes over from the shared one.
    watch.add(DEFAULT_CONFIG[key]);
    return { path: rebased, explicit: written !== undefined };
  }
  return undefined;
}

function rebase(dir: string, glob: string): string {
  const negated = glob.startsWith('!');
  const body = negated ? glob.slice(1) : glob;
  return `${negated ? '!' : ''}${dir === '' ? body : `${dir}/${body.replace(/^\.\//, '')}`}`;
}

// One matcher set per merged config (a config object lives until the next load).
const matchers = new WeakMap<ResolvedConfig, { local: (p: string) => boolean; shared: { source: string; match: (p: string) => boolean }[] }>();

/** The shared config a tenet file comes from (`@acme/decisions`), or undefined for the workspace's own tenet files. */
export function sharedSourceOf(config: ResolvedConfig, file: string): string | undefined {
  if (config.shared.length === 0) return undefined;
  let m = matchers.get(config);
  if (!m) {
    m = { local: picomatch(config.tenets, { dot: false }), shared: config.shared.map((s) => ({ source: s.source, match: picomatch(s.tenets, { dot: false }) })) };
    matchers.set(config, m);
  }
  if (m.local(file)) return undefined;
  return m.shared.find((s) => s.match(file))?.source;
}

/** Every shared tenet glob, workspace-relative. */
export function sharedTenetGlobs(config: ResolvedConfig): string[] {
  return config.shared.flatMap((s) => s.tenets);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
