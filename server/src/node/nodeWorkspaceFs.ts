import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync } from 'tinyglobby';
import { startReadAhead, type ReadAhead } from './readAhead';
import { looksBinary, MAX_FILE_BYTES, normaliseRelative, type HeadResult, type PathInfo, type ReadResult, type WorkspaceFs } from '../core/workspace/workspaceFs';

// The disk-backed workspace. It is the one place the core reads files, so the rule "never read
// outside the workspace" is enforced here: every read resolves symlinks and checks the real path.

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export class NodeWorkspaceFs implements WorkspaceFs {
  readonly root: string;
  private readonly realRoot: string;
  /**
   * Real paths of folders, for a caller that reads the disk in one state (a CLI run, or one slice
   * of the language server's passes: `oneState`): a file that is not itself a link then resolves
   * through its folder's cached real path instead of a realpath call per file.
   */
  private realFolders: Map<string, string | undefined> | undefined;
  /** `inspect` answers within one `oneState` stretch (a CLI run caches them in `CachedInspectFs`). */
  private inspected: Map<string, PathInfo> | undefined;
  private readonly oneRun: boolean;
  /** The script a read-ahead thread runs (`readSoon`); none: no reading ahead. */
  private readonly readAheadScript: string | undefined;
  private readAhead: ReadAhead | undefined;

  /** `readAheadScript`: a bundle that runs `runReadAhead` when started as a read-ahead thread (node/readAhead.ts). */
  constructor(root: string, options: { oneRun?: boolean; readAheadScript?: string } = {}) {
    this.oneRun = options.oneRun === true;
    this.readAheadScript = options.readAheadScript;
    this.realFolders = this.oneRun ? new Map() : undefined;
    this.root = path.resolve(root);
    this.realRoot = safeRealpath(this.root) ?? this.root;
  }

  private absolute(rel: string): string | undefined {
    const n = normaliseRelative(rel);
    return n === undefined ? undefined : path.join(this.root, n);
  }

  private insideReal(abs: string): boolean {
    const real = safeRealpath(abs);
    if (real === undefined) return false;
    return real === this.realRoot || real.startsWith(this.realRoot + path.sep);
  }

  /** For a file that is not a link: its folder's real path (cached for the run) lies inside the root. */
  private folderInsideReal(abs: string): boolean {
    const folder = path.dirname(abs);
    let real = this.realFolders!.get(folder);
    if (real === undefined && !this.realFolders!.has(folder)) this.realFolders!.set(folder, (real = safeRealpath(folder)));
    if (real === undefined) return false;
    const file = path.join(real, path.basename(abs));
    return file.startsWith(this.realRoot + path.sep);
  }

  readText(rel: string): ReadResult {
    const file = this.readableFile(rel);
    return file.ok ? readWhole(file.abs) : file;
  }

  readHead(rel: string, maxBytes: number): HeadResult {
    const file = this.readableFile(rel);
    if (!file.ok) return file;
    if (file.size <= maxBytes) {
      const whole = readWhole(file.abs);
      return whole.ok ? { ...whole, whole: true } : whole;
    }
    let fd: number | undefined;
    try {
      fd = fs.openSync(file.abs, 'r');
      const bytes = Buffer.alloc(maxBytes);
      const n = fs.readSync(fd, bytes, 0, maxBytes, 0);
      const head = bytes.subarray(0, n);
      if (looksBinary(head)) return { ok: false, reason: 'binary' };
      // A character cut at the end decodes as U+FFFD; callers use whole lines only.
      return { ok: true, text: head.toString('utf8'), whole: false };
    } catch (e) {
      return { ok: false, reason: 'unreadable', detail: (e as Error).message };
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }

  /** A workspace file that may be read: inside the root (links followed), a regular file, not too large. */
  private readableFile(rel: string): { ok: true; abs: string; size: number } | Extract<ReadResult, { ok: false }> {
    const abs = this.absolute(rel);
    if (abs === undefined) return { ok: false, reason: 'outside' };
    let stat: fs.Stats;
    let link: boolean;
    try {
      // In one run a plain file is told by lstat alone; anything else is followed.
      const own = this.realFolders ? fs.lstatSync(abs) : undefined;
      link = own === undefined || own.isSymbolicLink();
      stat = own && !link ? own : fs.statSync(abs);
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ELOOP' ? { ok: false, reason: 'unreadable', detail: 'symlink loop' } : { ok: false, reason: 'missing' };
    }
    if (!(link ? this.insideReal(abs) : this.folderInsideReal(abs))) return { ok: false, reason: 'outside' };
    if (stat.isDirectory()) return { ok: false, reason: 'directory' };
    // A FIFO or a device named like a memo would block the read forever, or never end.
    if (!stat.isFile()) return { ok: false, reason: 'unreadable', detail: 'not a regular file' };
    if (stat.size > MAX_FILE_BYTES) return { ok: false, reason: 'too-large', detail: `${stat.size} bytes` };
    return { ok: true, abs, size: stat.size };
  }

  /** Reads the files' starts ahead on a thread of its own (the last read-ahead asked for is stopped). */
  readSoon(rels: readonly string[]): void {
    if (this.readAheadScript === undefined || rels.length === 0) return;
    this.readAhead?.stop();
    const files = rels.map((rel) => normaliseRelative(rel)).filter((rel) => rel !== undefined);
    this.readAhead = startReadAhead(this.readAheadScript, this.root, files);
  }

  stamp(rel: string): string | undefined {
    const abs = this.absolute(rel);
    if (abs === undefined) return undefined;
    let stat: fs.Stats | undefined;
    try {
      stat = fs.lstatSync(abs, { throwIfNoEntry: false });
    } catch {
      return undefined;
    }
    // A link's own times say nothing of what it leads to: links are always read.
    if (!stat || !stat.isFile() || !(this.realFolders ? this.folderInsideReal(abs) : this.insideReal(abs))) return undefined;
    return `${stat.size}:${stat.mtimeMs}`;
  }

  oneState<T>(run: () => T): T {
    // A long-lived reader caches only for the stretch: nothing on disk can change under a
    // synchronous run as far as this process sees it, and the next stretch asks again.
    if (this.oneRun || this.inspected) return run();
    this.realFolders = new Map();
    this.inspected = new Map();
    try {
      return run();
    } finally {
      this.realFolders = undefined;
      this.inspected = undefined;
    }
  }

  inspect(rel: string): PathInfo {
    const known = this.inspected?.get(rel);
    if (known) return known;
    const info = this.inspectNow(rel);
    this.inspected?.set(rel, info);
    return info;
  }

  private inspectNow(rel: string): PathInfo {
    const abs = this.absolute(rel);
    if (abs === undefined) return { lexicallyInside: false, exists: false, realInside: false, isDirectory: false };
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      // A dangling or looping link exists as a name but leads nowhere readable.
      const isLink = (() => {
        try {
          return fs.lstatSync(abs).isSymbolicLink();
        } catch {
          return false;
        }
      })();
      return { lexicallyInside: true, exists: false, realInside: !isLink, isDirectory: false };
    }
    return { lexicallyInside: true, exists: true, realInside: this.insideReal(abs), isDirectory: stat.isDirectory() };
  }

  glob(patterns: readonly string[]): string[] {
    // A config glob such as `../**/*.md` would have the walker list folders above the root (and,
    // far enough up, the whole disk): such patterns match nothing here, and no result leaves the root.
    const inside = patterns.filter(staysInside);
    if (inside.length === 0) return [];
    // Patterns rooted in a package folder (a shared config's tenets) are walked from that folder,
    // which the workspace-wide ignore of node_modules would otherwise hide.
    const byBase = new Map<string, string[]>();
    const plain: string[] = [];
    for (const p of inside) {
      const split = packageRooted(p);
      if (split) byBase.set(split.base, [...(byBase.get(split.base) ?? []), split.rest]);
      else plain.push(p);
    }
    const out = new Set(plain.length > 0 ? this.globFrom('', plain) : []);
    for (const [base, rest] of byBase) {
      // A package folder that is a link out of the workspace is not walked at all.
      if (!this.insideReal(path.join(this.root, base))) continue;
      for (const f of this.globFrom(base, rest)) out.add(`${base}/${f}`);
    }
    return [...out].filter((p) => normaliseRelative(p) !== undefined).sort();
  }

  private globFrom(base: string, patterns: string[]): string[] {
    try {
      return globSync(patterns, {
        cwd: base === '' ? this.root : path.join(this.root, base),
        ignore: ALWAYS_IGNORED,
        followSymbolicLinks: false,
        onlyFiles: true,
        dot: false,
        expandDirectories: false,
      });
    } catch {
      return [];
    }
  }
}

/** A pattern whose fixed folders pass through `node_modules`: that fixed base, and the rest of the pattern. */
function packageRooted(pattern: string): { base: string; rest: string } | undefined {
  const segments = pattern.replace(/\\/g, '/').split('/');
  const firstGlob = segments.findIndex((s) => /[*?[\]{}()!]/.test(s));
  const fixed = firstGlob < 0 ? segments.length - 1 : firstGlob;
  if (!segments.slice(0, fixed).includes('node_modules')) return undefined;
  return { base: segments.slice(0, fixed).join('/'), rest: segments.slice(fixed).join('/') };
}

/** Whether a glob can only match below the root: not absolute, no `..` segment (braces included). */
function staysInside(pattern: string): boolean {
  const p = pattern.replace(/\\/g, '/');
  if (p.startsWith('/') || /^[a-zA-Z]:/.test(p)) return false;
  return !/(^|[/{,])\.\.($|[/},])/.test(p);
}

/** A file's whole text (its checks done by the caller). */
function readWhole(abs: string): ReadResult {
  try {
    const bytes = fs.readFileSync(abs);
    if (looksBinary(bytes)) return { ok: false, reason: 'binary' };
    return { ok: true, text: bytes.toString('utf8') };
  } catch (e) {
    return { ok: false, reason: 'unreadable', detail: (e as Error).message };
  }
}

function safeRealpath(p: string): string | undefined {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return undefined;
  }
}

/** Walks up from `start` to the nearest folder holding `.decisions.yaml`; undefined if none. */
export function findWorkspaceRoot(start: string, configFile: string): string | undefined {
  let dir = path.resolve(start);
  try {
    if (!fs.statSync(dir).isDirectory()) dir = path.dirname(dir);
  } catch {
    dir = path.dirname(dir);
  }
  for (;;) {
    if (fs.existsSync(path.join(dir, configFile))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
