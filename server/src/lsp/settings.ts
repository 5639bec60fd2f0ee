import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, type DecisionMemosSettings } from '../shared/settings';
import type { ProjectFolder } from '../service/projectFolder';
import { SEVERITY_SETTINGS, type SeveritySetting } from '../shared/vocabulary';

/**
 * Settings per folder, pulled with `workspace/configuration` (scopeUri = the folder) and cached
 * until `workspace/didChangeConfiguration`. Clients without the pull request get the settings
 * they push in `didChangeConfiguration`, or the defaults.
 */
export class SettingsCache {
  private readonly pending = new Map<string, Promise<DecisionMemosSettings>>();
  private readonly resolved = new Map<string, DecisionMemosSettings>();
  private pushed: DecisionMemosSettings = DEFAULT_SETTINGS;
  /** Bumped by clear(): an answer to an older request is returned to its caller but not cached. */
  private generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
    private readonly log: (message: string) => void,
    /** Told each folder's settings as they arrive (the language service checks with them). */
    private readonly onSettings: (folder: ProjectFolder, settings: DecisionMemosSettings) => void,
  ) {}

  /** The settings of a folder (from the cache when possible). */
  get(folder: ProjectFolder): Promise<DecisionMemosSettings> {
    if (!this.canPull()) {
      this.onSettings(folder, this.pushed);
      return Promise.resolve(this.pushed);
    }
    let p = this.pending.get(folder.uri);
    if (!p) {
      p = this.pull(folder);
      this.pending.set(folder.uri, p);
    }
    return p;
  }

  /** The cached settings of a folder without asking the client (undefined when not fetched yet). */
  peek(folder: ProjectFolder): DecisionMemosSettings | undefined {
    return this.canPull() ? this.resolved.get(folder.uri) : this.pushed;
  }

  /** Forgets every cached value; `pushedSettings` is the `settings` payload of didChangeConfiguration. */
  clear(pushedSettings?: unknown): void {
    this.generation++;
    this.pending.clear();
    this.resolved.clear();
    const section = (pushedSettings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION];
    if (section !== undefined) this.pushed = normaliseSettings(section);
  }

  private async pull(folder: ProjectFolder): Promise<DecisionMemosSettings> {
    const generation = this.generation;
    let settings = DEFAULT_SETTINGS;
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration({ scopeUri: folder.uri, section: SETTINGS_SECTION });
      settings = normaliseSettings(raw);
    } catch (error) {
      this.log(`Could not read the settings of ${folder.uri}; using the defaults: ${String(error)}`);
    }
    if (generation === this.generation) {
      this.resolved.set(folder.uri, settings);
      this.onSettings(folder, settings);
    }
    return settings;
  }
}

/** Reads whatever the client sent into well-formed settings; a wrong type falls back to the default. */
function normaliseSettings(raw: unknown): DecisionMemosSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, SeveritySetting> = {};
  if (r.rules && typeof r.rules === 'object') {
    for (const [id, severity] of Object.entries(r.rules as Record<string, unknown>)) {
      if ((SEVERITY_SETTINGS as readonly unknown[]).includes(severity)) rules[id] = severity as SeveritySetting;
    }
  }
  const trace = (r.trace as Record<string, unknown> | undefined)?.server;
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    rules,
    problemsScope: r.problemsScope === 'workspace' || r.problemsScope === 'openFiles' ? r.problemsScope : DEFAULT_SETTINGS.problemsScope,
    debounceMs:
      typeof r.debounceMs === 'number' && Number.isFinite(r.debounceMs) ? Math.min(Math.max(0, r.debounceMs), 10_000) : DEFAULT_SETTINGS.debounceMs,
    codeLens: typeof r.codeLens === 'boolean' ? r.codeLens : DEFAULT_SETTINGS.codeLens,
    trace: { server: trace === 'messages' || trace === 'verbose' || trace === 'off' ? trace : DEFAULT_SETTINGS.trace.server },
  };
}
