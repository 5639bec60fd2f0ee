// Deterministic synthetic workspaces for the benchmark: N memos of about 60 lines each, a tenet
// registry of ~40 tenets, a people directory, evidence files, and the defects real repositories
// have (missing owners, unknown tenets, missing evidence files, missing boundaries, stale
// evidence, duplicate ids, broken supersede links) at realistic rates. Same seed and N → the
// same bytes, so runs on different days and machines lint the same text.
//
// Profiles: `default` (bench/.work/ws-N, memos of ~2.6 KB) and `realistic` (bench/.work/ws-real-N,
// the same memos with a detailed analysis, alternatives in depth, risks and a rollout plan added,
// ~8 KB each on average; the added text comes from a PRNG stream of its own, so memo k of a
// realistic workspace is memo k of the default one plus those sections).
//
// Usage: node bench/generate.mjs [--realistic] [N ...]   (default: 1000)
//        ensureWorkspace(n, { profile: 'realistic' }) from a script
// No environment variables.
// (The generator keeps every template beside the defects it plants; over 300 lines on purpose.)
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const WORK_DIR = path.join(HERE, '.work');
const DEFAULT_SEED = 20260522;
const STAMP_FILE = '.bench-stamp.json';
/** Lines of the long memo the language-server benchmark edits. */
const LONG_MEMO_LINES = 300;

/** mulberry32: a tiny seeded PRNG, good enough to pick words and defect rates reproducibly. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRandom(seed) {
  const next = mulberry32(seed);
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  const sample = (list, k) => {
    const copy = [...list];
    const out = [];
    while (out.length < k && copy.length > 0) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
    return out;
  };
  return { next, int, pick, chance, sample };
}

// ---------------------------------------------------------------------------------------------
// Tenets: [id, layer, function, team, parent, A, B, tags]

const FUNCTIONS = ['engineering', 'product', 'sales', 'design', 'operations'];
const TEAMS = { search: 'engineering', billing: 'engineering', mobile: 'engineering', platform: 'engineering', growth: 'product', checkout: 'product' };

const TENETS = [
  ['CO-TRUST', 'company', '', '', '', 'customer trust', 'growth', ['trust', 'privacy', 'customer-data', 'security']],
  ['CO-FOCUS', 'company', '', '', '', 'depth in the core workflow', 'breadth', ['focus', 'roadmap', 'core-workflow']],
  ['CO-OWNERSHIP', 'company', '', '', '', 'a named owner', 'consensus', ['ownership', 'accountability', 'escalation']],
  ['CO-SPEED', 'company', '', '', '', 'shipping this week', 'review', ['speed', 'deadline']],
  ['CO-QUALITY', 'company', '', '', '', 'fewer, finished features', 'more, rough ones', ['quality', 'polish', 'defects']],
  ['CO-FRUGAL', 'company', '', '', '', 'a smaller bill', 'headroom we do not use', ['cost', 'budget', 'spend']],
  ['ENG-LATENCY', 'function', 'engineering', '', 'CO-TRUST', 'latency', 'throughput', ['latency', 'p95', 'performance', 'api']],
  ['ENG-MANAGED', 'function', 'engineering', '', 'CO-FOCUS', 'managed services', 'self-hosting', ['managed-service', 'self-hosting', 'on-call', 'infrastructure']],
  ['ENG-REVERSIBLE', 'function', 'engineering', '', 'CO-TRUST', 'staged rollouts', 'big-bang releases', ['rollout', 'feature-flag', 'rollback', 'migration']],
  ['ENG-DATA-MINIMAL', 'function', 'engineering', '', 'CO-TRUST', 'less data', 'more signals', ['logging', 'telemetry', 'pii', 'retention']],
  ['ENG-BORING-TECH', 'function', 'engineering', '', 'CO-FOCUS', 'proven technology', 'novelty', ['database', 'framework', 'language', 'dependency']],
  ['ENG-OBSERVABLE', 'function', 'engineering', '', 'CO-QUALITY', 'observable systems', 'clever ones', ['metrics', 'tracing', 'alerting', 'dashboard']],
  ['PROD-CORE-FLOW', 'function', 'product', '', 'CO-FOCUS', 'the core flow', 'side features', ['workflow', 'feature', 'scope']],
  ['PROD-DEFAULTS', 'function', 'product', '', 'CO-TRUST', 'safe defaults', 'configurability', ['defaults', 'settings', 'configuration']],
  ['PROD-MEASURE', 'function', 'product', '', 'CO-QUALITY', 'measured outcomes', 'opinions', ['experiment', 'metric', 'analytics']],
  ['PROD-ACCESSIBLE', 'function', 'product', '', 'CO-TRUST', 'accessibility', 'visual novelty', ['accessibility', 'contrast', 'keyboard']],
  ['PROD-SIMPLE', 'function', 'product', '', 'CO-FOCUS', 'one obvious way', 'many options', ['simplicity', 'options', 'onboarding']],
  ['SALES-FIT', 'function', 'sales', '', 'CO-FOCUS', 'customers who fit', 'any signed contract', ['pipeline', 'deal', 'customer-fit']],
  ['SALES-HONEST', 'function', 'sales', '', 'CO-TRUST', 'an honest roadmap', 'a closed deal', ['roadmap', 'promise', 'contract']],
  ['SALES-RENEWAL', 'function', 'sales', '', 'CO-OWNERSHIP', 'renewals', 'new logos', ['renewal', 'churn', 'account']],
  ['DES-CONSISTENT', 'function', 'design', '', 'CO-QUALITY', 'the design system', 'one-off screens', ['design-system', 'component', 'pattern']],
  ['DES-CLARITY', 'function', 'design', '', 'CO-TRUST', 'clear words', 'clever copy', ['copy', 'wording', 'labels']],
  ['DES-RESEARCH', 'function', 'design', '', 'CO-QUALITY', 'watching users', 'asking them', ['research', 'usability', 'interview']],
  ['OPS-RUNBOOK', 'function', 'operations', '', 'CO-OWNERSHIP', 'a written runbook', 'tribal knowledge', ['runbook', 'incident', 'handover']],
  ['OPS-ONCALL', 'function', 'operations', '', 'CO-QUALITY', 'a sustainable rota', 'heroics', ['on-call', 'pager', 'rota']],
  ['OPS-CAPACITY', 'function', 'operations', '', 'CO-FRUGAL', 'measured capacity', 'guessed headroom', ['capacity', 'scaling', 'load']],
  ['SEARCH-SHADOW-INDEX', 'team', 'engineering', 'search', 'ENG-REVERSIBLE', 'a shadow index', 'reindexing in place', ['reindex', 'index', 'alias', 'mapping']],
  ['SEARCH-RANKING-BUDGET', 'team', 'engineering', 'search', 'ENG-LATENCY', 'ranking within the latency budget', 'ranking quality at any cost', ['ranking', 'relevance', 'reranking']],
  ['SEARCH-FRESHNESS', 'team', 'engineering', 'search', 'CO-TRUST', 'fresh results', 'complete ones', ['freshness', 'indexing-lag']],
  ['BILL-IDEMPOTENT', 'team', 'engineering', 'billing', 'ENG-REVERSIBLE', 'idempotent charges', 'fewer calls', ['charge', 'retry', 'idempotency']],
  ['BILL-AUDIT', 'team', 'engineering', 'billing', 'CO-TRUST', 'an audit trail', 'storage savings', ['audit', 'ledger', 'invoice']],
  ['BILL-ROUNDING', 'team', 'engineering', 'billing', 'CO-TRUST', 'rounding in the customer’s favour', 'exact revenue', ['rounding', 'currency', 'tax']],
  ['MOB-OFFLINE', 'team', 'engineering', 'mobile', 'CO-TRUST', 'offline-first screens', 'live data', ['offline', 'sync', 'cache']],
  ['MOB-BATTERY', 'team', 'engineering', 'mobile', 'ENG-LATENCY', 'battery life', 'background refresh', ['battery', 'background', 'push']],
  ['PLAT-PAVED-ROAD', 'team', 'engineering', 'platform', 'ENG-BORING-TECH', 'the paved road', 'bespoke stacks', ['template', 'pipeline', 'kubernetes']],
  ['PLAT-QUOTAS', 'team', 'engineering', 'platform', 'CO-FRUGAL', 'hard quotas', 'unlimited tenants', ['quota', 'tenant', 'limits']],
  ['GROW-CONSENT', 'team', 'product', 'growth', 'CO-TRUST', 'explicit consent', 'conversion', ['consent', 'email', 'tracking']],
  ['GROW-EXPERIMENT', 'team', 'product', 'growth', 'PROD-MEASURE', 'small experiments', 'big launches', ['a-b-test', 'cohort', 'funnel']],
  ['GROW-ONBOARD', 'team', 'product', 'growth', 'PROD-SIMPLE', 'a short onboarding', 'a complete tour', ['onboarding', 'activation', 'signup']],
  ['CHK-FEWER-STEPS', 'team', 'product', 'checkout', 'PROD-CORE-FLOW', 'fewer steps', 'more upsells', ['checkout', 'cart', 'upsell']],
  ['CHK-TRUST-SIGNALS', 'team', 'product', 'checkout', 'CO-TRUST', 'plain prices', 'urgency tricks', ['price', 'discount', 'urgency']],
].map(([id, layer, fn, team, parent, a, b, tags]) => ({ id, layer, function: fn, team, parent, a, b, tags }));

const RETIRED = new Set(['CO-SPEED']);
/** A tenet written without a rationale: tenet-malformed has one thing to find. */
const MALFORMED = new Set(['DES-CLARITY']);

const REASONS = [
  'a mistake here costs more than the time it saves',
  'customers notice the difference within a week',
  'the alternative has failed us twice before',
  'it keeps the on-call load within what the team can carry',
  'it is the cheaper thing to undo when we are wrong',
  'our largest accounts asked for it in every renewal',
];

function tenetStatement(t, r) {
  const situation = `${t.tags[0].replace(/-/g, ' ')} and ${t.tags[1].replace(/-/g, ' ')} pull in different directions`;
  if (MALFORMED.has(t.id)) return `We value ${t.a} and try to avoid ${t.b}.`;
  return `When ${situation}, we choose ${t.a} over ${t.b} because ${r.pick(REASONS)}.`;
}

function tenetMarkdown(t, r) {
  const lines = [`## ${t.id}: ${t.a} over ${t.b}`, `layer: ${t.layer}`];
  if (t.function) lines.push(`function: ${t.function}`);
  if (t.team) lines.push(`team: ${t.team}`);
  if (t.parent) lines.push(`parent: ${t.parent}`);
  lines.push(`tags: [${t.tags.join(', ')}]`);
  if (RETIRED.has(t.id)) lines.push('status: retired');
  lines.push('', wrap(tenetStatement(t, r)), '');
  return lines.join('\n');
}

function tenetYaml(t, r) {
  const lines = [`- id: ${t.id}`, `  layer: ${t.layer}`];
  if (t.function) lines.push(`  function: ${t.function}`);
  if (t.team) lines.push(`  team: ${t.team}`);
  if (t.parent) lines.push(`  parent: ${t.parent}`);
  lines.push(`  title: ${t.a} over ${t.b}`, `  tags: [${t.tags.join(', ')}]`);
  lines.push(`  statement: >-`, ...wrap(tenetStatement(t, r), 84).split('\n').map((l) => `    ${l}`));
  lines.push(`  status: ${RETIRED.has(t.id) ? 'retired' : 'active'}`, '');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// People

const FIRST = ['priya', 'marco', 'dana', 'lena', 'sam', 'aiko', 'tomas', 'noor', 'ivan', 'grace', 'omar', 'julia', 'kenji', 'fatima', 'lucas', 'mei', 'ravi', 'sofia', 'ben', 'chloe', 'diego', 'elif', 'femi', 'hana', 'igor'];
const LAST = ['raman', 'bianchi', 'okafor', 'fischer', 'whitaker', 'sato', 'novak', 'haddad', 'petrov', 'hopper'];
const ROLES = ['Tech lead', 'Staff engineer', 'Engineering manager', 'Product manager', 'Designer', 'VP Engineering', 'Head of Sales', 'SRE', 'Data scientist', 'Director of Product'];

function makePeople(r) {
  const people = [];
  const used = new Set();
  while (people.length < 50) {
    const first = r.pick(FIRST);
    const last = r.pick(LAST);
    const id = used.has(first) ? `${first}.${last}` : first;
    if (used.has(id)) continue;
    used.add(id);
    people.push({ id, name: `${cap(first)} ${cap(last)}`, email: `${first}.${last}@lumen.example`, role: `${r.pick(ROLES)}, ${cap(r.pick([...Object.keys(TEAMS), ...FUNCTIONS]))}` });
  }
  return people;
}

// ---------------------------------------------------------------------------------------------
// Evidence

const EVIDENCE_KINDS = ['slo-report', 'incident-review', 'load-test', 'approval-notes', 'user-research', 'cost-model'];
const LIMITS = [
  'Four-week window only.',
  'Staging traffic; production mix may differ.',
  'Self-reported survey answers from 14 customers.',
  'Read load only; no writes ran during the test.',
  'Chair’s summary notes; two members were absent.',
  'List prices; negotiated discounts not included.',
  'One region (EU) only.',
  'Timeline rebuilt from logs with one-minute gaps.',
];

function evidenceFile(kind, k, r) {
  const title = `${cap(kind.replace(/-/g, ' '))} ${k}`;
  return [
    `# ${title}`,
    '',
    `Prepared by ${cap(r.pick(FIRST))} ${cap(r.pick(LAST))} for the ${r.pick(Object.keys(TEAMS))} team.`,
    '',
    '## Findings',
    '',
    `- p95 held at ${r.int(80, 400)} ms at ${r.int(2, 9)}00 requests per second.`,
    `- ${r.int(0, 12)} incidents in the window; ${r.int(0, 3)} of them customer-facing.`,
    `- Estimated monthly cost: ${r.int(2, 90)},${r.int(100, 999)} EUR.`,
    '',
    '## Limits',
    '',
    r.pick(LIMITS),
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Memos

const AREAS = [...Object.keys(TEAMS), 'engineering', 'product', 'sales', 'design', 'operations'];
const VERBS = ['Adopt', 'Move', 'Replace', 'Retire', 'Introduce', 'Split', 'Merge', 'Cache', 'Limit', 'Rewrite', 'Outsource', 'Pause'];
const OBJECTS = ['the search cluster', 'invoice generation', 'the onboarding tour', 'push notifications', 'the pricing page', 'feature flags', 'the session store', 'nightly exports', 'the design tokens', 'the sales playbook', 'the incident rota', 'tenant quotas', 'the mobile sync engine', 'the data warehouse', 'the email pipeline', 'the checkout form'];
const TARGETS = ['a managed service', 'a shared library', 'a staged rollout', 'a single owner', 'the paved road', 'a weekly review', 'hard limits', 'an open standard', 'a smaller scope', 'an experiment first'];
const WORDS = ['latency', 'throughput', 'rollout', 'migration', 'customer', 'privacy', 'budget', 'on-call', 'index', 'ranking', 'quota', 'tenant', 'renewal', 'consent', 'onboarding', 'checkout', 'cache', 'offline', 'battery', 'runbook', 'incident', 'capacity', 'dashboard', 'telemetry', 'roadmap', 'contract', 'accessibility', 'design-system', 'experiment', 'funnel', 'ledger', 'audit', 'retry', 'alias', 'mapping', 'defaults', 'settings', 'scaling', 'load', 'cost'];
const CONNECT = ['because', 'while', 'although', 'so that', 'after', 'since', 'whereas', 'and'];
const STATUSES = [
  ['draft', 15],
  ['proposed', 25],
  ['accepted', 50],
  ['rejected', 5],
  ['deprecated', 5],
  // `superseded` comes from the supersede pairs planned below, never on its own.
];

function sentence(r) {
  const w = () => r.pick(WORDS);
  const forms = [
    () => `The ${w()} work depends on ${w()} and ${w()} ${r.pick(CONNECT)} the ${w()} numbers moved last quarter.`,
    () => `Teams reported ${r.int(2, 40)} ${w()} problems ${r.pick(CONNECT)} ${w()} rose by ${r.int(3, 60)} %.`,
    () => `We looked at ${w()}, ${w()} and ${w()} before choosing; the ${w()} cost was the deciding factor.`,
    () => `Without a change, ${w()} keeps growing ${r.pick(CONNECT)} the ${w()} budget stays flat.`,
    () => `The ${w()} review found that ${w()} matters more than ${w()} for most customers.`,
  ];
  return r.pick(forms)();
}

function paragraph(r, n) {
  return wrap(Array.from({ length: n }, () => sentence(r)).join(' '));
}

function weightedStatus(r) {
  let x = r.int(1, 100);
  for (const [s, w] of STATUSES) {
    if ((x -= w) <= 0) return s;
  }
  return 'accepted';
}

function isoDate(y, m, d) {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Most memos are from 2026; a tail goes back to 2023 (their evidence is stale by now). */
function memoDate(r) {
  if (r.chance(0.85)) return { y: 2026, m: r.int(1, 10), d: r.int(1, 28) };
  return { y: r.int(2023, 2025), m: r.int(1, 12), d: r.int(1, 28) };
}

function slugOf(title) {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function memoId(n) {
  return String(n).padStart(5, '0');
}

/** Tenets a memo of this scope may cite (company, its function, its team), active ones only. */
function inScopeTenets(scope) {
  const fn = TEAMS[scope] ?? scope;
  return TENETS.filter((t) => !RETIRED.has(t.id) && (t.layer === 'company' || (t.function === fn && (t.layer === 'function' || t.team === scope))));
}

function typo(id) {
  return id.length > 6 ? id.slice(0, -2) + id.slice(-1) + id.slice(-2, -1) : `${id}-X`;
}

/** Plans every memo first (ids, statuses, supersede pairs, defects), then renders each one. */
function planMemos(n, r) {
  const plans = [];
  for (let i = 1; i <= n; i++) {
    const title = `${r.pick(VERBS)} ${r.pick(OBJECTS)} with ${r.pick(TARGETS)}`;
    const area = r.pick(AREAS);
    plans.push({ n: i, id: memoId(i), title, area, file: `decisions/${area}/${memoId(i)}-${slugOf(title)}.md`, status: weightedStatus(r), date: memoDate(r) });
  }
  // Supersede pairs: an older memo superseded by a newer one, links both ways (a few one-way).
  for (const newer of plans) {
    if (newer.n < 20 || !r.chance(0.05)) continue;
    const older = plans[r.int(0, newer.n - 2)];
    if (older.supersededBy || older.supersedes || newer.supersedes) continue;
    newer.supersedes = older.id;
    older.status = 'superseded';
    if (!r.chance(0.06)) older.supersededBy = newer.id;
  }
  for (const p of plans) {
    p.defects = {
      noOwner: r.chance(0.1),
      unknownOwner: r.chance(0.02),
      unknownTenet: r.chance(0.03),
      outOfScopeTenet: r.chance(0.03),
      retiredTenet: r.chance(0.01),
      noTenets: r.chance(0.04),
      missingEvidenceFile: r.chance(0.05),
      noLimits: r.chance(0.08),
      staleEvidence: r.chance(0.08),
      noClaim: r.chance(0.04),
      noBoundary: r.chance(0.08),
      placeholderClaim: r.chance(0.01),
      noApprover: r.chance(0.05),
      badDate: r.chance(0.005),
      badStatus: r.chance(0.005),
      brokenSupersede: !p.supersedes && r.chance(0.005),
      noFrontMatter: r.chance(0.002),
      badYaml: r.chance(0.002),
      missingVerdict: r.chance(0.1),
    };
    if (p.n > 10 && r.chance(0.003)) p.id = plans[r.int(0, p.n - 2)].id; // duplicate id
  }
  return plans;
}

/** `more(citable)`, when given, returns lines that go after the decision (the realistic profile's sections). */
function renderMemo(p, r, people, evidenceCount, more) {
  const d = p.defects;
  const scope = p.area;
  const citable = inScopeTenets(scope);
  let cited = d.noTenets ? [] : r.sample(citable, r.int(2, 4)).map((t) => t.id);
  if (d.unknownTenet && cited.length > 0) cited[0] = typo(cited[0]);
  if (d.outOfScopeTenet) cited.push(r.pick(TENETS.filter((t) => t.layer !== 'company' && !citable.includes(t))).id);
  if (d.retiredTenet) cited.push('CO-SPEED');
  const reversibility = r.pick(['two-way', 'two-way', 'costly', 'costly', 'one-way']);
  const evidenceWanted = { 'two-way': r.int(0, 1), costly: r.int(1, 2), 'one-way': r.int(2, 3) }[reversibility];
  const evidence = [];
  for (let k = 0; k < evidenceWanted; k++) {
    const url = r.chance(0.2);
    const ek = r.int(0, evidenceCount - 1);
    const target = url ? `https://dash.lumen.example/${r.pick(EVIDENCE_KINDS)}/${r.int(100, 999)}` : evidencePath(ek);
    const stale = d.staleEvidence && k === 0;
    const date = stale ? isoDate(p.date.y - r.int(2, 3), r.int(1, 12), r.int(1, 28)) : isoDate(p.date.y, Math.max(1, p.date.m - r.int(0, 2)), r.int(1, 28));
    evidence.push({ target, url, limits: d.noLimits && k === 0 ? undefined : r.pick(LIMITS), date, plain: r.chance(0.05) });
  }
  if (d.missingEvidenceFile) evidence.push({ target: `evidence/${r.pick(EVIDENCE_KINDS)}-${evidenceCount + r.int(1, 500)}.md`, url: false, limits: r.pick(LIMITS), date: isoDate(p.date.y, p.date.m, 1) });

  const fm = [];
  fm.push(`id: "${p.id}"`, `title: ${p.title}`);
  fm.push(`status: ${d.badStatus ? 'approved' : p.status}`);
  if (p.supersedes) fm.push(`supersedes: "${p.supersedes}"`);
  if (d.brokenSupersede) fm.push(`supersedes: "9${memoId(r.int(1000, 9999)).slice(1)}"`);
  if (p.supersededBy) fm.push(`superseded-by: "${p.supersededBy}"`);
  fm.push(`date: ${d.badDate ? isoDate(p.date.y, 2, 30) : isoDate(p.date.y, p.date.m, p.date.d)}`);
  if (!d.noOwner) {
    const owner = d.unknownOwner ? `${r.pick(FIRST)}.unknown` : r.pick(people).id;
    const form = r.int(1, 10);
    if (form <= 7) fm.push(`owners: [${owner}]`);
    else if (form <= 9) fm.push(`owner: ${owner}`);
    else fm.push(`deciders: [${owner}, ${r.pick(people).id}]`);
  }
  if (p.status === 'accepted' && !d.noApprover) fm.push(`approver: ${r.pick(people).id}`);
  if (r.chance(0.6)) fm.push(`consulted: [${r.sample(people, r.int(1, 3)).map((x) => x.id).join(', ')}]`);
  if (r.chance(0.4)) fm.push(`informed: [${r.sample(people, r.int(1, 2)).map((x) => x.id).join(', ')}]`);
  fm.push(`reversibility: ${reversibility}`, `scope: ${scope}`);
  if (cited.length > 0) fm.push(`tenets: [${cited.join(', ')}]`);
  if (evidence.length > 0) {
    fm.push('evidence:');
    for (const e of evidence) {
      if (e.plain) {
        fm.push(`  - ${e.target}`);
        continue;
      }
      fm.push(`  - ${e.url ? 'url' : 'path'}: ${e.target}`);
      if (e.limits) fm.push(`    limits: ${e.limits}`);
      fm.push(`    date: ${e.date}`);
    }
  }
  if (d.badYaml) fm.push('tags: [unclosed, list');

  const body = [];
  body.push(`# ${p.title}`, '');
  if (p.supersedes) body.push(`Supersedes [${p.supersedes}](${p.supersedes}.md).`, '');
  body.push('## Context', '', paragraph(r, r.int(2, 4)), '');
  body.push(...Array.from({ length: r.int(2, 4) }, () => `- ${sentence(r)}`), '');
  if (r.chance(0.5)) body.push(`See the [${r.pick(EVIDENCE_KINDS).replace(/-/g, ' ')}](https://wiki.lumen.example/${r.pick(WORDS)}) and the \`${r.pick(WORDS)}\` dashboard.`, '');
  body.push('## Considered options', '');
  const options = r.int(2, 4);
  for (let k = 1; k <= options; k++) body.push(`${k}. ${r.pick(VERBS)} ${r.pick(OBJECTS)}: ${sentence(r)}`);
  body.push('', '## Decision', '', paragraph(r, r.int(2, 4)));
  if (cited.length > 0 && r.chance(0.4)) body.push(`This follows [[${r.pick(cited)}]] in spirit.`);
  body.push('');
  if (r.chance(0.2)) {
    body.push('```yaml', `${r.pick(WORDS)}:`, `  enabled: true`, `  limit: ${r.int(10, 900)}`, `  owner: ${r.pick(people).id}`, '```', '');
  }
  if (r.chance(0.25)) {
    body.push('| signal | threshold | cadence |', '|---|---|---|');
    for (let k = 0; k < r.int(2, 4); k++) body.push(`| ${r.pick(WORDS)} | ${r.int(1, 99)} % | ${r.pick(['daily', 'weekly', 'monthly'])} |`);
    body.push('');
  }
  if (more) body.push(...more(citable));
  if (cited.length > 0) {
    body.push('## Relevant tenets', '');
    cited.forEach((id, k) => {
      if (d.missingVerdict && k === cited.length - 1) return;
      body.push(`- [[${id}]] ${r.chance(0.8) ? '✓' : '✗'} ${sentence(r)}`);
    });
    body.push('');
  }
  body.push('## Claim and boundary', '');
  if (!d.noClaim) {
    const outcome = `${r.pick(WORDS)} improves for ${r.pick(['most customers', 'the search team', 'new accounts', 'the on-call rota'])}`;
    body.push(
      d.placeholderClaim
        ? 'Claim: We believe OUTCOME because SIGNALS.'
        : `Claim: We believe ${outcome} because ${r.pick(WORDS)} signals are in bounds, ownership is explicit and ${r.pick(WORDS)} is monitored.`,
      '',
    );
    if (!d.noBoundary) body.push(`Boundary: This reduces uncertainty about ${r.pick(WORDS)}; it does not prove ${r.pick(WORDS)} under peak load.`, '');
  }
  body.push('## Consequences', '', ...Array.from({ length: r.int(2, 3) }, () => `- ${sentence(r)}`), '');
  if (r.chance(0.5)) body.push('## Follow-up', '', paragraph(r, r.int(1, 2)), '');

  const text = d.noFrontMatter ? body.join('\n') : ['---', ...fm, '---', '', ...body].join('\n');
  return text.replace(/\n+$/, '\n');
}

// realistic-profile {
// The realistic profile's own code: the sections it adds to every memo. Not part of the default
// profile's fingerprint (see defaultFingerprint), so editing it regenerates ws-real-N only.

/** The default profile's code hash whose output matches the generator of LEGACY_FINGERPRINT. */
const DEFAULT_CODE_HASH = '2f0f0eebe66fc810';
/** The fingerprint in the stamps of default workspaces written before profiles existed. */
const LEGACY_FINGERPRINT = '341c1f736401a138';
/** Seeds the realistic sections' own PRNG stream (seed XOR this), apart from the memos' stream. */
const REALISTIC_SEED_MASK = 0x5bd1e995;

const ANALYSIS_ANGLES = ['cost', 'latency', 'operability', 'customer impact', 'security', 'team load', 'migration effort', 'data quality'];
const STAGES = ['internal dogfood', 'one percent canary', 'ten percent of tenants', 'one region', 'half of the traffic', 'every tenant'];
const LEVELS = ['low', 'medium', 'high'];
const RISKS = ['the migration stalls halfway', 'costs exceed the model', 'latency regresses under peak load', 'the owner changes teams', 'a vendor changes its pricing', 'customers notice missing data', 'on-call load doubles', 'the rollback path is untested'];

/** Sentences in a tenet's own words (its trade-off and tags), the words the relevance model reads. */
function tenetSentence(rx, t) {
  const [tag, other] = rx.sample(t.tags, 2).map((x) => x.replace(/-/g, ' '));
  const forms = [
    () => `This puts ${t.a} ahead of ${t.b}; the ${tag} figures support it.`,
    () => `We weighed ${t.a} against ${t.b} for the ${tag} path and chose the first.`,
    () => `The ${tag} and ${other} signals matter here, because ${t.a} is what is at stake.`,
    () => `Choosing ${t.b} would have been faster, but ${tag} would suffer.`,
  ];
  return rx.pick(forms)();
}

/** A wrapped paragraph of `k` sentences, about a third of them in the words of one of `tenets`. */
function prose(rx, tenets, k, lead = '') {
  const parts = Array.from({ length: k }, () => (tenets.length > 0 && rx.chance(0.3) ? tenetSentence(rx, rx.pick(tenets)) : sentence(rx)));
  return wrap(lead + parts.join(' '));
}

/**
 * The realistic profile's `more` for renderMemo: a detailed analysis, alternatives in depth, a
 * risk table, a rollout plan and sometimes open questions, about 5.5 KB on average, drawn from
 * `rx` (its own stream) and mentioning the memo's in-scope tenets in their own words.
 */
function realisticSections(rx, people) {
  return (citable) => {
    const tenets = citable.filter(() => rx.chance(0.5));
    const out = ['## Detailed analysis', '', prose(rx, tenets, rx.int(4, 6)), ''];
    for (const angle of rx.sample(ANALYSIS_ANGLES, rx.int(2, 4))) {
      out.push(`### ${cap(angle)}`, '', prose(rx, tenets, rx.int(4, 7)), '');
      if (rx.chance(0.5)) {
        out.push(...Array.from({ length: rx.int(2, 4) }, () => `- ${rx.pick(WORDS)}: ${rx.int(10, 900)} → ${rx.int(10, 900)} over ${rx.int(2, 12)} weeks (${rx.pick(['measured', 'estimated', 'from the load test'])}).`), '');
      }
    }
    out.push('## Alternatives in depth', '');
    for (let k = 1, count = rx.int(2, 3); k <= count; k++) {
      out.push(`### Option ${k}: ${rx.pick(VERBS).toLowerCase()} ${rx.pick(OBJECTS)} with ${rx.pick(TARGETS)}`, '', prose(rx, tenets, rx.int(3, 5)), '');
      out.push(`- Pros: ${sentence(rx)}`, `- Cons: ${sentence(rx)}`, `- Cost: about ${rx.int(1, 30)} engineer-weeks and ${rx.int(1, 40)},${rx.int(100, 999)} EUR a month.`, '');
    }
    out.push('## Risks', '', '| risk | likelihood | impact | mitigation |', '|---|---|---|---|');
    for (const risk of rx.sample(RISKS, rx.int(3, 5))) out.push(`| ${cap(risk)} | ${rx.pick(LEVELS)} | ${rx.pick(LEVELS)} | ${sentence(rx)} |`);
    out.push('', prose(rx, tenets, rx.int(1, 3)), '');
    out.push('## Rollout plan', '');
    const stages = STAGES.slice(0, rx.int(3, STAGES.length));
    let week = 1;
    stages.forEach((stage, k) => {
      out.push(`${k + 1}. ${cap(stage)}, week ${week}, owned by ${rx.pick(people).id}: ${sentence(rx)}`);
      week += rx.int(1, 3);
    });
    out.push('', prose(rx, tenets, rx.int(1, 2), 'Exit criteria: '), '');
    if (rx.chance(0.4)) out.push('## Open questions', '', ...Array.from({ length: rx.int(2, 3) }, () => `- ${sentence(rx)}`), '');
    return out;
  };
}
// realistic-profile }

/** A memo of about 300 lines for the language-server edit benchmark (valid, with a few findings). */
function renderLongMemo(id, r, people) {
  const lines = [
    '---',
    `id: "${id}"`,
    'title: Long memo the editor benchmark types into',
    'status: proposed',
    'date: 2026-10-01',
    `owners: [${people[0].id}]`,
    'reversibility: costly',
    'scope: search',
    'tenets: [ENG-LATENCY, SEARCH-SHADOW-INDEX, CO-TRUST]',
    'evidence:',
    `  - path: ${evidencePath(0)}`,
    '    limits: Four-week window only.',
    '    date: 2026-09-01',
    '---',
    '',
    '# Long memo the editor benchmark types into',
    '',
    '## Context',
    '',
  ];
  while (lines.length < LONG_MEMO_LINES - 20) {
    lines.push(`### Part ${lines.length}`, '', paragraph(r, 3), '', ...Array.from({ length: 3 }, () => `- ${sentence(r)}`), '');
  }
  lines.push(
    '## Relevant tenets',
    '',
    '- [[ENG-LATENCY]] ✓ The p95 stays inside the objective.',
    '- [[SEARCH-SHADOW-INDEX]] ✓ The new index is built beside the old one.',
    '- [[CO-TRUST]] ✓ No customer data leaves the region.',
    '',
    '## Claim and boundary',
    '',
    'Claim: We believe search stays fast because latency signals are in bounds and ownership is explicit.',
    '',
    'Boundary: This reduces uncertainty about read latency; it does not prove latency under full indexing load.',
    '',
    '## Notes',
    '',
  );
  while (lines.length < LONG_MEMO_LINES) lines.push(`Note ${lines.length}: ${sentence(r)}`);
  return lines.join('\n').split('\n').slice(0, LONG_MEMO_LINES).join('\n') + '\n';
}

function evidencePath(k) {
  return `evidence/${EVIDENCE_KINDS[k % EVIDENCE_KINDS.length]}-${k}.md`;
}

// ---------------------------------------------------------------------------------------------

function wrap(text, width = 96) {
  const out = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out.join('\n');
}

function cap(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function hash16(text) {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The realistic profile's fingerprint: any change to this file regenerates its workspaces. */
function generatorHash() {
  return hash16(fs.readFileSync(fileURLToPath(import.meta.url)));
}

/**
 * The default profile's fingerprint: a hash of this file without the realistic profile's own
 * code (the block between the `realistic-profile` marker lines), so changing that profile does
 * not regenerate the default workspaces, and changing anything else does. While that hash is
 * DEFAULT_CODE_HASH (the code whose output was checked byte for byte against the generator it
 * replaced), the fingerprint is that generator's, LEGACY_FINGERPRINT: workspaces stamped before
 * the realistic profile existed stay valid.
 */
function defaultFingerprint() {
  const source = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8');
  const hash = hash16(source.replace(/^\/\/ realistic-profile \{\n[\s\S]*?^\/\/ realistic-profile \}\n/m, ''));
  return hash === DEFAULT_CODE_HASH ? LEGACY_FINGERPRINT : hash;
}

/** Folders made by writeFile since the last workspace was removed: one mkdir per folder, not per file. */
const madeDirs = new Set();

function writeFile(root, rel, text) {
  const abs = path.join(root, ...rel.split('/'));
  const dir = path.dirname(abs);
  if (!madeDirs.has(dir)) {
    fs.mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
  }
  fs.writeFileSync(abs, text);
}

/**
 * Returns the workspace of `n` memos, writing it unless one with the same parameters and the same
 * generator source already exists (its stamp file matches). The stamp is written last, so an
 * interrupted run is regenerated next time.
 */
export function ensureWorkspace(n, { seed = DEFAULT_SEED, log = () => {}, profile = 'default' } = {}) {
  if (profile !== 'default' && profile !== 'realistic') throw new Error(`unknown profile "${profile}" (default or realistic)`);
  const realistic = profile === 'realistic';
  const root = path.join(WORK_DIR, realistic ? `ws-real-${n}` : `ws-${n}`);
  // The default profile's stamp keeps the shape it had before profiles existed.
  const params = realistic ? { n, seed, profile, generator: generatorHash() } : { n, seed, generator: defaultFingerprint() };
  const stampPath = path.join(root, STAMP_FILE);
  try {
    const stamp = JSON.parse(fs.readFileSync(stampPath, 'utf8'));
    if (JSON.stringify(stamp.params) === JSON.stringify(params)) return { root, ...stamp.info, reused: true };
  } catch {
    // No stamp (or an unreadable one): generate.
  }
  const started = performance.now();
  fs.rmSync(root, { recursive: true, force: true });
  madeDirs.clear();
  const r = makeRandom(seed);
  const people = makePeople(r);

  writeFile(
    root,
    '.decisions.yaml',
    [
      '# Synthetic benchmark workspace (bench/generate.mjs). Do not edit: regenerated when stale.',
      'memos: ["decisions/**/*.md"]',
      'tenets: ["tenets/**/*.md", "tenets/*.yaml"]',
      'people: people.yaml',
      'evidence:',
      '  required: { two-way: 0, costly: 1, one-way: 2 }',
      '  maxAgeDays: 365',
      '',
    ].join('\n'),
  );
  writeFile(root, 'people.yaml', people.map((p) => `- id: ${p.id}\n  name: ${p.name}\n  email: ${p.email}\n  role: ${p.role}\n`).join(''));

  // Company tenets and one function as YAML, the rest as markdown (one file per function, team files under teams/).
  const yamlGroups = { 'tenets/company.yaml': (t) => t.layer === 'company', 'tenets/operations.yaml': (t) => t.function === 'operations' && t.layer === 'function' };
  for (const [file, match] of Object.entries(yamlGroups)) writeFile(root, file, TENETS.filter(match).map((t) => tenetYaml(t, r)).join('\n'));
  for (const fn of FUNCTIONS.filter((f) => f !== 'operations')) {
    const list = TENETS.filter((t) => t.layer === 'function' && t.function === fn);
    writeFile(root, `tenets/${fn}.md`, [`# ${cap(fn)} tenets`, '', ...list.map((t) => tenetMarkdown(t, r))].join('\n'));
  }
  for (const team of Object.keys(TEAMS)) {
    const list = TENETS.filter((t) => t.team === team);
    writeFile(root, `tenets/teams/${team}.md`, [`# ${cap(team)} team tenets`, '', ...list.map((t) => tenetMarkdown(t, r))].join('\n'));
  }

  const evidenceCount = Math.max(50, Math.round(n / 4));
  for (let k = 0; k < evidenceCount; k++) writeFile(root, evidencePath(k), evidenceFile(EVIDENCE_KINDS[k % EVIDENCE_KINDS.length], k, r));

  const plans = planMemos(n, r);
  const more = realistic ? realisticSections(makeRandom((seed ^ REALISTIC_SEED_MASK) >>> 0), people) : undefined;
  let lines = 0;
  let memoBytes = 0;
  for (const p of plans) {
    const text = renderMemo(p, r, people, evidenceCount, more);
    lines += text.split('\n').length - 1;
    memoBytes += Buffer.byteLength(text);
    writeFile(root, p.file, text);
  }
  const longMemo = `decisions/search/${memoId(n + 1)}-long-memo-for-editing.md`;
  const longText = renderLongMemo(memoId(n + 1), r, people);
  memoBytes += Buffer.byteLength(longText);
  writeFile(root, longMemo, longText);

  const info = {
    memos: n + 1,
    averageLines: Math.round((lines / n) * 10) / 10,
    tenets: TENETS.length,
    people: people.length,
    evidenceFiles: evidenceCount,
    longMemo,
    // A memo in the middle of the list: what the language-server benchmark opens while indexing.
    openMemo: plans[Math.floor(n / 2)].file,
    // Bytes of every memo file (the long one included); only in the realistic profile's stamp.
    ...(realistic ? { profile, memoBytes, averageBytes: Math.round(memoBytes / (n + 1)) } : {}),
  };
  fs.writeFileSync(stampPath, JSON.stringify({ params, info }, null, 2) + '\n');
  log(`generated ${n} memos in ${root} (${Math.round(performance.now() - started)} ms)`);
  return { root, ...info, reused: false };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const profile = args.includes('--realistic') ? 'realistic' : 'default';
  const sizes = args.map(Number).filter((x) => Number.isInteger(x) && x > 0);
  for (const n of sizes.length > 0 ? sizes : [1000]) {
    const ws = ensureWorkspace(n, { log: (m) => console.log(m), profile });
    console.log(JSON.stringify(ws, null, 2));
  }
}
