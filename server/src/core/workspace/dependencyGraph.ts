import { candidatePaths } from '../evidence/evidencePaths';
import type { MemoModel } from '../memo/memoModel';
import { CODEOWNERS_PATHS } from './codeowners';
import { CONFIG_FILE } from './config';
import type { MemoIndex, MemoSummary } from './memoIndex';
import type { Workspace } from './workspace';
import { normaliseRelative } from './workspaceFs';

// Which files a change to one file of a workspace affects. Diagnostics of a memo read its own
// text and some shared facts: the config (globs, thresholds), the people directory, the tenet
// registry, the ids and supersede links of other memos, and whether its evidence paths exist.
// This module is the one place that knows those dependencies; the editor asks it after every
// change and re-checks exactly what it names. Pure: it reads the index, never a file.

/** What a workspace file is to the checker. */
export type FileKind = 'memo' | 'tenet' | 'config' | 'people' | 'authority' | 'other';

/** What a change means for the rest of the workspace. */
export interface Affected {
  /** The config changed: the globs may differ, so the folder is indexed again. */
  reindex: boolean;
  /** Something every file reads changed (tenets, people): every memo and tenet file is checked again. */
  all: boolean;
  /** Other files whose diagnostics may differ. */
  files: string[];
  /** Files that left the workspace (deleted): their diagnostics go. */
  removed: string[];
  /** The set of tenets some memo cites changed ("cited by N memos" is stale). */
  citationsChanged: boolean;
}

/** A fresh "nothing else changed". */
export function nothingAffected(): Affected {
  return { reindex: false, all: false, files: [], removed: [], citationsChanged: false };
}

/** Both effects at once (a batch of file events). */
export function mergeAffected(a: Affected, b: Affected): Affected {
  return {
    reindex: a.reindex || b.reindex,
    all: a.all || b.all,
    files: [...new Set([...a.files, ...b.files])],
    removed: [...new Set([...a.removed, ...b.removed])],
    citationsChanged: a.citationsChanged || b.citationsChanged,
  };
}

/** What a workspace path is, decided by the config's globs (and the registry, for tenet files named outside them); a shared config's files count as the config, people, authority and tenet files they are. */
export function fileKind(ws: Workspace, rel: string): FileKind {
  // A shared config (`extends`), a place one was looked for (a package installed later), or a
  // folder above one (a package folder replaced at once) is read like the config itself.
  if (rel === CONFIG_FILE || ws.isExtendsPath(rel)) return 'config';
  if (rel === peoplePath(ws) || (ws.config.codeowners && (rel === ws.codeOwnersFile || (CODEOWNERS_PATHS as readonly string[]).includes(rel)))) return 'people';
  if (rel === authorityPath(ws)) return 'authority';
  if (ws.isTenetFile(rel) || ws.registry.getFile(rel)) return 'tenet';
  if (ws.isMemoFile(rel)) return 'memo';
  return 'other';
}

/** The authority matrix's workspace-relative path, as the config names it (normalised). */
function authorityPath(ws: Workspace): string {
  return normaliseRelative(ws.config.authority) ?? ws.config.authority;
}

/** The people directory's workspace-relative path, as the config names it (normalised). */
export function peoplePath(ws: Workspace): string {
  return normaliseRelative(ws.config.people) ?? ws.config.people;
}

/**
 * The dependencies between the files of one workspace that are not in the memo index itself: the
 * workspace paths each memo's evidence may name. Lookups by id and link target come from the index.
 */
export class DependencyGraph {
  /** Memo → the workspace paths its evidence entries may resolve to (memo folder first, then root). */
  private readonly evidenceOf = new Map<string, string[]>();

  constructor(private readonly memos: MemoIndex) {}

  /** Records what a parsed memo depends on (call when it is indexed). */
  setMemo(memo: MemoModel): void {
    const paths = evidenceCandidates(memo);
    if (paths.length > 0) this.evidenceOf.set(memo.file, paths);
    else this.evidenceOf.delete(memo.file);
  }

  deleteMemo(file: string): void {
    this.evidenceOf.delete(file);
  }

  /** A memo was (re)indexed or dropped: `before` and `after` are its summaries on either side. */
  memoChanged(file: string, before: MemoSummary | undefined, after: MemoSummary | undefined): Affected {
    return { ...nothingAffected(), files: this.linkAffected(file, before, after), citationsChanged: citedKey(before) !== citedKey(after) };
  }

  /** A tenet file changed: citations, verdicts, scope and relevance of every memo may read differently. */
  tenetsChanged(changed: boolean): Affected {
    return { ...nothingAffected(), all: changed };
  }

  /** The people directory changed: every owner and approver is looked up again. */
  peopleChanged(changed: boolean): Affected {
    return { ...nothingAffected(), all: changed };
  }

  /** The authority matrix changed: every memo's type, triggers and deciders are read again. */
  authorityChanged(changed: boolean): Affected {
    return { ...nothingAffected(), all: changed };
  }

  /** The config changed: globs, thresholds and severities may all differ. */
  configChanged(changed: boolean): Affected {
    return { ...nothingAffected(), all: changed, reindex: changed };
  }

  /** A file (or a folder) appeared or vanished: the memos whose evidence names it read differently. */
  presenceChanged(rel: string): Affected {
    return { ...nothingAffected(), files: this.memosWithEvidence(rel) };
  }

  /** Memos whose evidence names `rel` or a file below it (when `rel` is a folder). */
  memosWithEvidence(rel: string): string[] {
    const out: string[] = [];
    for (const [memo, paths] of this.evidenceOf) {
      if (paths.some((p) => p === rel || p.startsWith(rel + '/'))) out.push(memo);
    }
    return out;
  }

  private linkAffected(file: string, before: MemoSummary | undefined, after: MemoSummary | undefined): string[] {
    if (linkKey(before) === linkKey(after)) return [];
    const ids = new Set([before?.id, after?.id].filter((x): x is string => x !== undefined));
    const targets = new Set([...links(before), ...links(after)]);
    const out = new Set<string>();
    for (const id of ids) {
      // The other memos with this id (duplicates), and the memos that link to it.
      for (const m of this.memos.withId(id)) out.add(m.file);
      for (const m of this.memos.linkedTo(id)) out.add(m.file);
    }
    // The memos it links to: their back-links are now answered or not.
    for (const t of targets) for (const m of this.memos.withId(t)) out.add(m.file);
    out.delete(file);
    return [...out];
  }
}

/** Every workspace path an evidence entry of the memo may resolve to (with and without a `#section`). */
function evidenceCandidates(memo: MemoModel): string[] {
  const out = new Set<string>();
  for (const e of memo.evidence) {
    if (e.kind !== 'path' || !e.target) continue;
    const target = e.target.trim();
    for (const variant of new Set([target, target.replace(/#.*$/, '')])) {
      for (const candidate of candidatePaths(variant, memo.file) ?? []) if (candidate) out.add(candidate.replace(/\/+$/, ''));
    }
  }
  return [...out];
}

function links(s: MemoSummary | undefined): string[] {
  return s ? [...s.supersedes, ...s.supersededBy].map((l) => l.value) : [];
}

function linkKey(s: MemoSummary | undefined): string {
  return s ? JSON.stringify([s.id, s.supersedes.map((l) => l.value), s.supersededBy.map((l) => l.value)]) : '';
}

function citedKey(s: MemoSummary | undefined): string {
  return s ? [...s.cited].sort().join(',') : '';
}
