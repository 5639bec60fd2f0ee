import * as posix from 'pathe';
import picomatch from 'picomatch';
import { stringify } from 'yaml';
import { memoIdFromPath } from '../ids';
import type { Workspace } from '../workspace/workspace';
import { normaliseRelative } from '../workspace/workspaceFs';
import { BOUNDARY_TEMPLATE, CLAIM_TEMPLATE } from '../../shared/vocabulary';

// Plans a new memo: where it goes, its id and its starting text. Shared by `decision-memos new`
// and the editor's "New memo" command, so both number and place memos the same way. Pure: it
// reads the workspace's memo index and config, and writes nothing.

export interface NewMemoOptions {
  /** Front matter status; `draft` when absent. */
  status?: string;
  /** Today's date as `YYYY-MM-DD` (injected so tests do not depend on the clock). */
  today: string;
  /** Workspace-relative folder to put the memo in, overriding the planner's choice. */
  folder?: string;
  /** Ids taken outside the workspace's index (another branch's memos, `new --base`): the new id comes after them too. */
  takenIds?: readonly string[];
}

export interface NewMemoPlan {
  /** Workspace-relative path with `/` separators. */
  path: string;
  id: string;
  content: string;
}

/** Longest slug kept in a file name; titles are often whole sentences. */
const MAX_SLUG_LENGTH = 60;

/** Where a new memo goes, its next free id, and a template to fill. */
export function planNewMemo(ws: Workspace, title: string, opts: NewMemoOptions): NewMemoPlan {
  const id = nextMemoId(ws, opts.takenIds ?? []);
  const folder = opts.folder ?? memoFolder(ws);
  const file = `${id}-${slugify(title)}.md`;
  // A title is one line: a pasted newline would break both the YAML and the heading.
  const oneLineTitle = title.replace(/\s+/g, ' ').trim();
  return { path: folder ? posix.join(folder, file) : file, id, content: memoTemplate(id, oneLineTitle, opts.status ?? 'draft', opts.today) };
}

/**
 * One more than the highest number among existing memos, zero-padded to four digits. Both the
 * memo's id and its file name's number count, so a memo with `id: ADR-7` in `0007-x.md` still
 * keeps 0007 taken.
 */
function nextMemoId(ws: Workspace, takenIds: readonly string[]): string {
  let highest = 0;
  for (const memo of ws.memos.all) {
    for (const candidate of [memo.id, memoIdFromPath(memo.file)]) {
      if (/^\d+$/.test(candidate)) highest = Math.max(highest, Number(candidate));
    }
  }
  for (const id of takenIds) if (/^\d+$/.test(id)) highest = Math.max(highest, Number(id));
  return String(highest + 1).padStart(4, '0');
}

/**
 * The folder where most existing memos live (ties: the first in sort order); with no memos yet,
 * the static folder of the first memo glob (`decisions/**\/*.md` → `decisions`).
 */
function memoFolder(ws: Workspace): string {
  const counts = new Map<string, number>();
  for (const memo of ws.memos.all) {
    const dir = posix.dirname(memo.file);
    const folder = dir === '.' ? '' : dir;
    counts.set(folder, (counts.get(folder) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [folder, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (best === undefined || n > counts.get(best)!) best = folder;
  }
  return best ?? globFolder(ws.config.memos);
}

/** The part of the first positive glob before any wildcard, as a folder. */
function globFolder(globs: readonly string[]): string {
  const first = globs.find((g) => !g.startsWith('!'));
  if (first === undefined) return '';
  const scanned = picomatch.scan(first.replace(/\\/g, '/'));
  // A glob without wildcards names one file: its folder is the folder to use.
  const base = scanned.isGlob ? scanned.base : posix.dirname(scanned.base);
  // A glob that climbs out (`../x/*.md`) or is absolute must not put a new file outside the workspace.
  return normaliseRelative(base) ?? '';
}

/** `Use Postgres: a retro!` → `use-postgres-a-retro`; accents dropped, other scripts kept. */
export function slugify(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_LENGTH) {
      if (!slug) slug = word.slice(0, MAX_SLUG_LENGTH);
      break;
    }
    slug = next;
  }
  return slug || 'memo';
}

/** A YAML scalar for a front matter value: plain when that reads back the same, quoted otherwise. */
function yamlScalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

function memoTemplate(id: string, title: string, status: string, today: string): string {
  return [
    '---',
    // Quoted: YAML would read a bare `0007` as the number 7.
    `id: "${id}"`,
    `title: ${yamlScalar(title)}`,
    `status: ${yamlScalar(status)}`,
    `date: ${today}`,
    'owners: []',
    'reversibility: two-way',
    'tenets: []',
    'evidence: []',
    '---',
    '',
    `# ${title}`,
    '',
    '## Context',
    '',
    '<!-- What forces a decision now? What constraints and options are there? -->',
    '',
    '## Decision',
    '',
    '<!-- What we will do, and who decides. -->',
    '',
    CLAIM_TEMPLATE,
    BOUNDARY_TEMPLATE,
    '',
    '## Relevant tenets',
    '',
    '<!-- One line per cited tenet: its id in double brackets, then ✓ and why it supports the decision, or ✗ and why it conflicts. -->',
    '',
  ].join('\n');
}
