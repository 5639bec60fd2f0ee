import type { CompanyTenetUse, CrossConflict, CrossOwner, MergedAudit, RepoAdoption, RepoAudit } from './mergedReport';

// Merges repositories' audits into the organisation's (`audit --merge`). Pure: the CLI reads and
// validates the files (cli/auditMerge.ts). Every name, id and owner from a report is a Map key or
// a value here, never an object key, so a hostile name (`__proto__`, `constructor`) is just text.

/** Merges the audits of several repositories (distinct names) into one report. */
export function mergeAudits(input: readonly RepoAudit[]): MergedAudit {
  const repos = [...input].sort((a, b) => compare(a.name, b.name));
  const company = new Map<string, CompanyTenetUse & { active: boolean }>();
  const conflicts = new Map<string, CrossConflict>();
  const owners = new Map<string, CrossOwner>();

  for (const repo of repos) {
    // A registry may define an id twice (tenet-duplicate-id): the same memos cite both.
    const tenets = new Map<string, { title: string | undefined; company: boolean; active: boolean; citations: number }>();
    for (const t of repo.tenets) {
      const seen = tenets.get(t.id);
      tenets.set(t.id, {
        title: seen?.title ?? t.title,
        company: (seen?.company ?? false) || t.layer === 'company',
        active: (seen?.active ?? false) || t.status === 'active',
        citations: Math.max(seen?.citations ?? 0, t.citations),
      });
    }
    for (const [id, t] of tenets) {
      if (!t.company) continue;
      let use = company.get(id);
      if (!use) company.set(id, (use = { id, title: t.title, known: 0, repositories: [], memos: 0, active: false }));
      use.title ??= t.title;
      use.known++;
      use.active ||= t.active;
      if (t.citations > 0) {
        use.repositories.push({ name: repo.name, memos: t.citations });
        use.memos += t.citations;
      }
    }
    for (const c of repo.conflicts) {
      if (c.memos.length === 0) continue;
      let entry = conflicts.get(c.tenet);
      if (!entry) conflicts.set(c.tenet, (entry = { tenet: c.tenet, repositories: [] }));
      const mine = lastOf(entry.repositories, repo.name);
      if (mine) mine.memos.push(...c.memos);
      else entry.repositories.push({ name: repo.name, memos: [...c.memos] });
    }
    for (const o of repo.owners) {
      let entry = owners.get(o.owner);
      if (!entry) owners.set(o.owner, (entry = { owner: o.owner, repositories: [], open: 0, accepted: 0 }));
      const mine = lastOf(entry.repositories, repo.name);
      if (mine) {
        mine.open += o.open;
        mine.accepted += o.accepted;
      } else entry.repositories.push({ name: repo.name, open: o.open, accepted: o.accepted });
      entry.open += o.open;
      entry.accepted += o.accepted;
    }
  }

  // Company tenets were written into company.values() in first-seen order; the company layer's id
  // is the same in every repository that extends the shared configuration.
  const companyUses = [...company.values()];
  const companyTenets = companyUses
    .filter((t) => t.memos > 0)
    .map(({ id, title, known, repositories, memos }) => ({ id, title, known, repositories: repositories.sort((a, b) => b.memos - a.memos || compare(a.name, b.name)), memos }))
    .sort((a, b) => b.repositories.length - a.repositories.length || b.memos - a.memos || compare(a.id, b.id));
  const companyUncited = companyUses
    .filter((t) => t.memos === 0 && t.active)
    .map(({ id, title, known }) => ({ id, title, known }))
    .sort((a, b) => compare(a.id, b.id));

  const repositories: RepoAdoption[] = repos.map((r) => ({
    name: r.name,
    source: r.source,
    since: r.since,
    date: r.date,
    memos: r.memos,
    citing: r.citing,
    share: share(r.citing, r.memos),
    conflicts: r.conflicts.reduce((n, c) => n + c.memos.length, 0),
    overdue: r.overdue.length,
  }));
  const sum = (pick: (r: RepoAdoption) => number) => repositories.reduce((n, r) => n + pick(r), 0);
  const memos = sum((r) => r.memos);
  const citing = sum((r) => r.citing);

  return {
    repositories,
    totals: { repositories: repositories.length, memos, citing, share: share(citing, memos), conflicts: sum((r) => r.conflicts), overdue: sum((r) => r.overdue) },
    companyTenets,
    companyUncited,
    conflicts: [...conflicts.values()]
      .filter((c) => c.repositories.length > 1)
      .map((c) => ({ tenet: c.tenet, repositories: c.repositories.sort((a, b) => b.memos.length - a.memos.length || compare(a.name, b.name)) }))
      .sort((a, b) => b.repositories.length - a.repositories.length || memoCount(b) - memoCount(a) || compare(a.tenet, b.tenet)),
    owners: [...owners.values()]
      .filter((o) => o.repositories.length > 1)
      .sort((a, b) => b.repositories.length - a.repositories.length || b.open - a.open || b.accepted - a.accepted || compare(a.owner, b.owner)),
    overdue: repos.filter((r) => r.overdue.length > 0).map((r) => ({ name: r.name, date: r.date, items: r.overdue })),
    // sort() puts undefined (the whole history) last.
    periods: [...new Set(repos.map((r) => r.since))].sort((a, b) => compare(a!, b!)),
  };
}

/** The JSON form of the merged audit: every key fixed here, the reports' text only in values. */
export function mergedToJson(m: MergedAudit, tool: { name: string; version: string }): object {
  return {
    tool: { name: tool.name, version: tool.version },
    version: 1,
    kind: 'merged',
    totals: { ...m.totals, share: m.totals.share ?? null },
    repositories: m.repositories.map((r) => ({ name: r.name, file: r.source, since: r.since ?? null, date: r.date, memos: r.memos, citing: r.citing, share: r.share ?? null, conflicts: r.conflicts, overdue: r.overdue })),
    companyTenets: m.companyTenets.map((t) => ({ id: t.id, title: t.title ?? null, known: t.known, cited: t.repositories.length, memos: t.memos, repositories: t.repositories.map((r) => ({ name: r.name, memos: r.memos })) })),
    companyUncited: m.companyUncited.map((t) => ({ id: t.id, title: t.title ?? null, known: t.known })),
    conflicts: {
      total: m.totals.conflicts,
      acrossRepositories: m.conflicts.map((c) => ({ tenet: c.tenet, repositories: c.repositories.map((r) => ({ name: r.name, memos: r.memos })) })),
    },
    owners: m.owners.map((o) => ({ owner: o.owner, open: o.open, accepted: o.accepted, repositories: o.repositories.map((r) => ({ name: r.name, open: r.open, accepted: r.accepted })) })),
    reviews: {
      overdue: m.totals.overdue,
      byRepository: m.overdue.map((r) => ({ name: r.name, date: r.date, overdue: r.items.map((i) => ({ file: i.file, due: i.due, source: i.source, owners: [...i.owners] })) })),
    },
  };
}

/** Repositories are merged one after another, so this repository's entry, if any, is the last. */
function lastOf<T extends { name: string }>(list: T[], name: string): T | undefined {
  const last = list[list.length - 1];
  return last?.name === name ? last : undefined;
}

function share(n: number, d: number): number | undefined {
  return d === 0 ? undefined : Math.round((1000 * n) / d) / 1000;
}

function memoCount(c: CrossConflict): number {
  return c.repositories.reduce((n, r) => n + r.memos.length, 0);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
