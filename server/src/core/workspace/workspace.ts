import picomatch from 'picomatch';
import type { BaseRef } from './baseRef';
import { authorityReferenceProblems } from '../authority/authorityReferences';
import { parseAuthority, type AuthorityMatrix } from '../authority/authorityMatrix';
import { CODEOWNERS_PATHS, parseCodeOwners, type CodeOwners } from './codeowners';
import { CONFIG_FILE, DEFAULT_CONFIG, isCodeOwnersSetting, parseConfig, type ResolvedConfig } from './config';
import { mergeShared, resolveExtends, sharedSourceOf, sharedTenetGlobs } from './extends';
import { MemoIndex, summarise, type MemoSummary } from './memoIndex';
import type { MemoModel } from '../memo/memoModel';
import { parseMemo } from '../memo/memoParser';
import { parsePeople, type PeopleDirectory } from './people';
import type { RuleContext } from '../check/rule';
import { RelevanceModel } from '../relevance/model';
import { parseTenetFile } from '../tenets/tenetParser';
import { TenetRegistry } from '../tenets/tenetRegistry';
import type { Diagnostic, Range } from '../types';
import { normaliseRelative, readHead, type ReadResult, type WorkspaceFs } from './workspaceFs';
import type { YamlProblem } from '../yaml/yamlTree';

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Why a file could not be read, in words for a diagnostic. */
function describeReadFailure(result: Extract<ReadResult, { ok: false }>): string {
  switch (result.reason) {
    case 'binary':
      return 'This file is not text (it contains NUL bytes); it was not checked.';
    case 'too-large':
      return `This file is too large to check (${result.detail ?? 'over the limit'}).`;
    case 'directory':
      return 'This path is a directory, not a file.';
    case 'outside':
      return 'This file resolves outside the workspace and was not read.';
    case 'missing':
      return 'This file does not exist.';
    default:
      return `This file could not be read${result.detail ? ` (${result.detail})` : ''}.`;
  }
}

/**
 * One workspace folder: its config, people, tenet registry and memo index. Pure apart from the
 * `WorkspaceFs` it is given; the CLI loads it once, the language server keeps it and updates
 * it file by file.
 */
export class Workspace {
  config: ResolvedConfig = DEFAULT_CONFIG;
  configProblems: YamlProblem[] = [];
  configExists = false;
  /** Problems of `extends` (a missing package, a cycle, an invalid shared config), on the local config's `extends` values. */
  extendsProblems: YamlProblem[] = [];
  /** The shared config files `extends` looked at (present or not), and local defaults a shared file stands in for. */
  extendsFiles: string[] = [];
  people: PeopleDirectory | undefined;
  peopleProblems: Diagnostic[] = [];
  /** The CODEOWNERS file read for owners, when the config asks for one and it exists. */
  codeOwnersFile: string | undefined;
  authority: AuthorityMatrix | undefined;
  authorityProblems: Diagnostic[] = [];
  readonly registry = new TenetRegistry();
  readonly memos = new MemoIndex();
  /** Memo and tenet files that could not be read, as `file-unreadable` diagnostics. */
  readonly unreadable = new Map<string, Diagnostic>();
  /** The other branch to compare with (`check --base`); set by the CLI, never by the editor. */
  base: BaseRef | undefined;
  private relevanceModel: RelevanceModel | undefined;
  private memoMatcher: (p: string) => boolean = () => false;
  private tenetMatcher: (p: string) => boolean = () => false;

  constructor(
    readonly fs: WorkspaceFs,
    private readonly ruleIds: readonly string[],
    /** Today's date as YYYY-MM-DD; fixed by tests. */
    public today: string = new Date().toISOString().slice(0, 10),
  ) {}

  /** Reads config, people and tenets, and lists the memo files (not parsed yet). */
  loadSharedFiles(): void {
    this.loadConfig();
    this.loadPeople();
    this.loadAuthority();
    this.loadTenets();
  }

  loadConfig(): void {
    const read = this.fs.readText(CONFIG_FILE);
    this.configExists = read.ok;
    this.extendsProblems = [];
    this.extendsFiles = [];
    if (read.ok) {
      const loaded = parseConfig(read.text, this.ruleIds);
      this.config = loaded.config;
      this.configProblems = loaded.problems;
      if (loaded.extends.length > 0) {
        const resolved = resolveExtends(this.fs, loaded.extends, this.ruleIds);
        const watch = new Set(resolved.files);
        this.config = mergeShared(this.fs, loaded, resolved.layers, watch);
        this.extendsProblems = resolved.problems;
        this.extendsFiles = [...watch];
      }
    } else {
      this.config = DEFAULT_CONFIG;
      this.configProblems =
        read.reason === 'missing' ? [] : [{ message: describeReadFailure(read), range: START, severity: 'error' }];
    }
    const isMemo = picomatch(this.config.memos, { dot: false });
    const isIgnored = this.config.ignore.length > 0 ? picomatch(this.config.ignore, { dot: true }) : () => false;
    this.memoMatcher = (p) => isMemo(p) && !isIgnored(p);
    const isLocalTenet = picomatch(this.config.tenets, { dot: false });
    const shared = sharedTenetGlobs(this.config);
    const isSharedTenet = shared.length > 0 ? picomatch(shared, { dot: false }) : () => false;
    this.tenetMatcher = (p) => isLocalTenet(p) || isSharedTenet(p);
  }

  /** The shared config a tenet file comes from (`@acme/decisions`): read-only here. Undefined for the workspace's own files. */
  sharedSourceOf(file: string): string | undefined {
    return sharedSourceOf(this.config, file);
  }

  /** Whether a path is a shared config file `extends` reads or looked for (or a folder above one). */
  isExtendsPath(rel: string): boolean {
    return this.extendsFiles.some((f) => f === rel || f.startsWith(rel + '/'));
  }

  loadPeople(): void {
    this.peopleProblems = [];
    const owners = this.loadCodeOwners();
    if (isCodeOwnersSetting(this.config.people)) {
      this.people = owners && { file: owners.file, people: owners.people, problems: [] };
      return;
    }
    const file = this.config.people;
    const read = this.fs.readText(file);
    if (!read.ok) {
      this.people = undefined;
      if (read.reason !== 'missing' || this.config.peopleExplicit) {
        // A path that leads out of the workspace names no file of it: the setting is what to fix.
        const on = normaliseRelative(file) === undefined ? CONFIG_FILE : file;
        this.peopleProblems.push(loadDiagnostic('config-invalid', on, START, `The people directory \`${file}\` could not be read: ${lowerFirst(describeReadFailure(read))}`));
      }
      return;
    }
    this.people = parsePeople(file, read.text);
    for (const p of this.people.problems) this.peopleProblems.push(loadDiagnostic('config-invalid', file, p.range, p.message, p.severity));
    // CODEOWNERS handles join the directory after its own people (an id written in both is the directory's).
    if (owners) this.people = { ...this.people, people: [...this.people.people, ...owners.people] };
  }

  /** The CODEOWNERS file's owners when the config asks for them (problems recorded on the file). */
  private loadCodeOwners(): CodeOwners | undefined {
    this.codeOwnersFile = undefined;
    if (!this.config.codeowners) return undefined;
    for (const file of CODEOWNERS_PATHS) {
      const read = this.fs.readText(file);
      if (!read.ok && read.reason === 'missing') continue;
      this.codeOwnersFile = file;
      if (!read.ok) {
        this.peopleProblems.push(loadDiagnostic('config-invalid', file, START, `CODEOWNERS could not be read: ${lowerFirst(describeReadFailure(read))}`));
        return undefined;
      }
      const owners = parseCodeOwners(file, read.text);
      for (const p of owners.problems) this.peopleProblems.push(loadDiagnostic('config-invalid', file, p.range, p.message, p.severity));
      return owners;
    }
    const hint = isCodeOwnersSetting(this.config.people) ? '`people: CODEOWNERS`' : '`codeowners: true`';
    this.peopleProblems.push(loadDiagnostic('config-invalid', CONFIG_FILE, START, `${hint} is set, but there is no CODEOWNERS file (looked in ${CODEOWNERS_PATHS.join(', ')}).`, 'warning'));
    return undefined;
  }

  /** Reads the authority matrix; quiet when there is none and the config names none. */
  loadAuthority(): void {
    const file = this.config.authority;
    const read = this.fs.readText(file);
    this.authorityProblems = [];
    this.authority = undefined;
    if (!read.ok) {
      if (read.reason !== 'missing' || this.config.authorityExplicit) {
        const on = normaliseRelative(file) === undefined ? CONFIG_FILE : file;
        this.authorityProblems.push(loadDiagnostic('config-invalid', on, START, `The authority matrix \`${file}\` could not be read: ${lowerFirst(describeReadFailure(read))}`));
      }
      return;
    }
    this.authority = parseAuthority(file, read.text);
    for (const p of this.authority.problems) this.authorityProblems.push(loadDiagnostic('config-invalid', file, p.range, p.message, p.severity));
  }

  /**
   * The files besides memos and tenets whose content every check reads: the config, the people
   * directory, CODEOWNERS (when it is a source of owners) and the authority matrix.
   */
  settingsFiles(): string[] {
    const norm = (f: string) => normaliseRelative(f) ?? f;
    const files = [CONFIG_FILE, norm(this.config.people), norm(this.config.authority)];
    if (this.codeOwnersFile) files.push(this.codeOwnersFile);
    else if (this.config.codeowners) files.push(...CODEOWNERS_PATHS);
    return [...new Set(files)];
  }

  loadTenets(): void {
    // Shared tenet files first: an id a local file redefines resolves to the shared tenet (and the local one is reported).
    const shared = sharedTenetGlobs(this.config);
    const local = this.fs.glob(this.config.tenets);
    const files = [...new Set([...(shared.length > 0 ? this.fs.glob(shared) : []), ...local])];
    this.registry.setAll(files.flatMap((f) => this.readTenetFile(f) ?? []));
  }

  /** Reads one tenet file; unreadable ones are remembered as diagnostics. */
  readTenetFile(file: string): ReturnType<typeof parseTenetFile> | undefined {
    const read = this.fs.readText(file);
    this.unreadable.delete(file);
    if (!read.ok) {
      if (read.reason !== 'missing') this.unreadable.set(file, loadDiagnostic('file-unreadable', file, START, describeReadFailure(read)));
      return undefined;
    }
    return parseTenetFile(file, read.text);
  }

  isMemoFile(file: string): boolean {
    return this.memoMatcher(file);
  }

  isTenetFile(file: string): boolean {
    return this.tenetMatcher(file);
  }

  listMemoFiles(): string[] {
    return this.fs.glob(this.config.memos).filter((f) => this.memoMatcher(f));
  }

  /** Reads and parses a memo from disk; undefined (and a `file-unreadable` diagnostic) when it cannot be read. */
  readMemo(file: string): MemoModel | undefined {
    const text = this.readMemoText(file);
    return text === undefined ? undefined : parseMemo(file, text);
  }

  /** Reads a memo's text; undefined (and a `file-unreadable` diagnostic) when it cannot be read. */
  readMemoText(file: string): string | undefined {
    return this.noteRead(file, this.fs.readText(file))?.text;
  }

  /** The start of a memo (`readHead`): undefined (and a `file-unreadable` diagnostic) when it cannot be read, as `readMemoText`. */
  readMemoHead(file: string, maxBytes: number): { text: string; whole: boolean } | undefined {
    return this.noteRead(file, readHead(this.fs, file, maxBytes));
  }

  /** Remembers whether a memo could be read (`file-unreadable` unless it is just missing); the read when it could. */
  private noteRead<T extends { ok: true }>(file: string, read: T | Extract<ReadResult, { ok: false }>): T | undefined {
    this.unreadable.delete(file);
    if (read.ok) return read;
    if (read.reason !== 'missing') this.unreadable.set(file, loadDiagnostic('file-unreadable', file, START, describeReadFailure(read)));
    return undefined;
  }

  /** Records a parsed memo in the index (what cross-memo rules and navigation see). */
  /** Indexes a parsed memo; returns its whole summary (the index may keep less of it). */
  indexMemo(memo: MemoModel): MemoSummary {
    const summary = summarise(memo);
    this.memos.set(summary);
    return summary;
  }

  removeFile(file: string): void {
    this.memos.delete(file);
    this.registry.removeFile(file);
    this.unreadable.delete(file);
  }

  context(): RuleContext {
    const relevance = () => this.relevance();
    return {
      config: this.config,
      registry: this.registry,
      people: this.people,
      authority: this.authority,
      memos: this.memos,
      fs: this.fs,
      today: this.today,
      get relevance() {
        return relevance();
      },
      ...(this.base ? { base: this.base } : {}),
    };
  }

  /** The relevance model, rebuilt only when the tenet registry changed. */
  relevance(): RelevanceModel {
    if (this.relevanceModel?.registryVersion !== this.registry.version) this.relevanceModel = new RelevanceModel(this.registry.version, this.registry, this.memos);
    return this.relevanceModel;
  }

  /** Config and people problems as diagnostics on their files. */
  sharedFileDiagnostics(): Diagnostic[] {
    const config = [...this.configProblems, ...this.extendsProblems].map((p) => loadDiagnostic('config-invalid', CONFIG_FILE, p.range, p.message, p.severity));
    // What the matrix names is looked up in the people and the tenets as they are now.
    const references = this.authority ? authorityReferenceProblems(this.authority, this.people, this.registry).map((p) => loadDiagnostic('config-invalid', this.authority!.file, p.range, p.message, p.severity)) : [];
    return [...config, ...this.peopleProblems, ...this.authorityProblems, ...references];
  }

  /** True when `.decisions.yaml` has an error (the defaults are in force). */
  get configInvalid(): boolean {
    return this.configProblems.some((p) => p.severity === 'error');
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function loadDiagnostic(rule: string, file: string, range: Range, message: string, severity: 'error' | 'warning' = 'error'): Diagnostic {
  return { rule, file, range, message, severity };
}

/** Loads the shared files (config, people, tenets) and indexes every memo without checking them (the audit, the editor's first pass). */
export function indexWorkspace(ws: Workspace): void {
  ws.loadSharedFiles();
  for (const file of ws.listMemoFiles()) {
    const memo = ws.readMemo(file);
    if (memo) ws.indexMemo(memo);
  }
}
