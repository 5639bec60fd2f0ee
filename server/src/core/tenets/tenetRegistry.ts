import { LAYER_RANK, type TenetDefinition, type TenetFile } from './tenetModel';
import { TENET_LAYERS, type TenetLayer } from '../../shared/vocabulary';

/**
 * Every tenet of a workspace, by id. Files are replaced one at a time so the language server
 * can update it incrementally; `version` changes with every update, for caches.
 */
export class TenetRegistry {
  private readonly files = new Map<string, TenetFile>();
  private byId = new Map<string, TenetDefinition[]>();
  private _version = 0;

  get version(): number {
    return this._version;
  }

  setFile(tenetFile: TenetFile): void {
    this.files.set(tenetFile.file, tenetFile);
    this.rebuild();
  }

  removeFile(file: string): boolean {
    const had = this.files.delete(file);
    if (had) this.rebuild();
    return had;
  }

  /** Replaces every file at once (start-up), rebuilding the id map a single time. */
  setAll(tenetFiles: TenetFile[]): void {
    this.files.clear();
    for (const f of tenetFiles) this.files.set(f.file, f);
    this.rebuild();
  }

  private rebuild(): void {
    const byId = new Map<string, TenetDefinition[]>();
    for (const f of this.files.values()) {
      for (const t of f.tenets) {
        const list = byId.get(t.id);
        if (list) list.push(t);
        else byId.set(t.id, [t]);
      }
    }
    this.byId = byId;
    this._version++;
  }

  getFile(file: string): TenetFile | undefined {
    return this.files.get(file);
  }

  get tenetFiles(): TenetFile[] {
    return [...this.files.values()];
  }

  /** The first definition of an id (duplicates are reported separately). */
  get(id: string): TenetDefinition | undefined {
    return this.byId.get(id)?.[0];
  }

  definitions(id: string): TenetDefinition[] {
    return this.byId.get(id) ?? [];
  }

  get ids(): string[] {
    return [...this.byId.keys()];
  }

  get all(): TenetDefinition[] {
    return [...this.byId.values()].map((defs) => defs[0]!);
  }

  /** The tenet's layer, when it is one of the three known layers. */
  layerOf(tenet: TenetDefinition): TenetLayer | undefined {
    const l = tenet.layer?.value.toLowerCase();
    return (TENET_LAYERS as readonly string[]).includes(l ?? '') ? (l as TenetLayer) : undefined;
  }

  /** The tenet, its parent, its parent's parent… (stops on unknown ids and cycles). */
  chain(tenet: TenetDefinition): TenetDefinition[] {
    const out = [tenet];
    const seen = new Set([tenet.id]);
    let current = tenet;
    while (current.parent) {
      const next = this.get(current.parent.value);
      if (!next || seen.has(next.id)) break;
      out.push(next);
      seen.add(next.id);
      current = next;
    }
    return out;
  }

  /** The function a tenet belongs to: its own `function:`, else the nearest ancestor's. Company tenets have none. */
  functionOf(tenet: TenetDefinition): string | undefined {
    if (this.layerOf(tenet) === 'company') return undefined;
    for (const t of this.chain(tenet)) if (t.function) return t.function;
    return undefined;
  }

  /** The function a team belongs to, from the team's tenets. */
  functionOfTeam(team: string): string | undefined {
    for (const t of this.all) if (t.team === team) return this.functionOf(t);
    return undefined;
  }

  /** Whether `parent` is a valid parent for `child`: it exists and stands on a strictly higher layer. */
  isHigherLayer(child: TenetDefinition, parent: TenetDefinition): boolean {
    const c = this.layerOf(child);
    const p = this.layerOf(parent);
    return c !== undefined && p !== undefined && LAYER_RANK[p] < LAYER_RANK[c];
  }
}
