import { phraseKey, words, stem } from './language';

// A small lexicon of the subjects decision tenets are about, and the everyday ways people write
// about each: a memo says "p99 went from 180 to 260 ms" or "the page feels sluggish" where the
// tenet says latency; "we lost writes during the failover" where it says durability. Both the
// memo and the tenet are read through it, so they meet on the subject, not on the exact word.
//
// Written from general knowledge of how engineering, product, sales, finance, people, security
// and support teams write decisions, not from any evaluation set (the sets in test/relevance/
// were written separately; see docs/relevance.md). Each phrase is matched on stems, longest
// first, and the words a phrase uses are not matched again: "performance review" is about
// people, so its "performance" does not also count as system performance.
//
// Keep entries specific: a phrase that many unrelated memos use (plain "time", "team") makes
// every memo look relevant. Weak hints are better left to the tenet's own words.

/** Subject → the phrases that name it. A subject prefixed `~` only claims its words (a sense to keep apart), it never counts. */
const CONCEPTS: Record<string, readonly string[]> = {
  latency: ['latency', 'latencies', 'response time', 'response times', 'p50', 'p90', 'p95', 'p99', 'p999', 'tail latency', 'milliseconds', 'millisecond', 'ms', 'sluggish', 'laggy', 'lag', 'snappy', 'page load', 'load time', 'time to first byte', 'ttfb', 'round trip', 'feels slow', 'slow page', 'slow pages', 'slow request', 'slow requests', 'slow queries', 'slow query', 'slower', 'spinner', 'freezes', 'hangs', 'takes seconds'],
  throughput: ['throughput', 'rows per second', 'requests per second', 'per second', 'rps', 'qps', 'batch job', 'batch jobs', 'bulk', 'backlog', 'jobs per hour', 'nightly job', 'overnight run'],
  availability: ['availability', 'uptime', 'downtime', 'outage', 'outages', 'failover', 'fail over', 'high availability', 'redundancy', 'redundant', 'single point of failure', 'disaster recovery', 'degraded', 'resilience', 'resilient', 'error budget', 'slo', 'slos', 'sla', 'slas', 'nines', 'went down', 'is down'],
  durability: ['durability', 'durable', 'data loss', 'lose data', 'lost data', 'lost writes', 'lose writes', 'lost transactions', 'acknowledged writes', 'backup', 'backups', 'restore', 'replication', 'replica', 'replicas', 'synchronous replication', 'fsync', 'point in time recovery', 'corruption', 'corrupted'],
  consistency: ['consistency', 'consistent view', 'eventual consistency', 'eventually consistent', 'strongly consistent', 'stale reads', 'stale data', 'source of truth', 'reconcile', 'reconciliation', 'double counting', 'out of sync'],
  correctness: ['correctness', 'accuracy', 'accurate', 'wrong amount', 'wrong amounts', 'miscalculated', 'miscalculation', 'rounding', 'off by', 'overcharged', 'undercharged', 'incorrect'],
  duplicate: ['paid twice', 'charged twice', 'sent twice', 'double payment', 'double charge', 'duplicate payment', 'duplicate payments', 'duplicates', 'duplicate', 'idempotent', 'idempotency', 'exactly once', 'at least once', 'resend', 'retry', 'retries', 'retried'],
  reversibility: ['rollback', 'roll back', 'rolled back', 'revert', 'reverted', 'undo', 'reversible', 'irreversible', 'feature flag', 'feature flags', 'kill switch', 'canary', 'staged rollout', 'gradual rollout', 'phased rollout', 'percentage rollout', 'dark launch', 'big bang', 'big-bang', 'cut over', 'cutover', 'switch back', 'previous version', 'back out', 'parallel run', 'one way door', 'two way door'],
  cost: ['cost', 'costs', 'costly', 'spend', 'spending', 'budget', 'cheaper', 'expensive', 'savings', 'save money', 'unit cost', 'cost per', 'margin', 'margins', 'opex', 'capex', 'cloud bill', 'bill', 'per month', 'per year', 'a month', 'a year', 'annual cost', 'license fee', 'licence fee'],
  pricing: ['pricing', 'price', 'prices', 'price increase', 'discount', 'discounts', 'discounting', 'list price', 'rebate', 'promo code', 'coupon', 'special terms', 'concession', 'concessions', 'price list', 'plan tier', 'free tier', 'fee increase'],
  revenue: ['revenue', 'arr', 'mrr', 'bookings', 'upsell', 'quota', 'close the deal', 'win the deal', 'deal size', 'sales target', 'growth target'],
  retention: ['churn', 'churned', 'retention', 'cancel their', 'cancellation', 'cancellations', 'renewal', 'renewals', 'renew'],
  trust: ['trust', 'trusted', 'reputation', 'credibility', 'goodwill', 'honest', 'honesty', 'apology', 'apologise', 'apologize'],
  privacy: ['privacy', 'personal data', 'personally identifiable', 'pii', 'gdpr', 'ccpa', 'consent', 'data subject', 'anonymise', 'anonymize', 'anonymised', 'anonymized', 'pseudonymise', 'pseudonymize', 'data minimisation', 'data minimization', 'tracking', 'third party sharing', 'share data', 'sell data', 'location data', 'location history'],
  security: ['security', 'vulnerability', 'vulnerabilities', 'cve', 'exploit', 'attack', 'attacker', 'breach', 'phishing', 'malware', 'encryption', 'encrypt', 'encrypted', 'credentials', 'secret', 'secrets', 'password', 'passwords', 'mfa', '2fa', 'two factor', 'sso', 'single sign on'],
  access: ['access control', 'least privilege', 'permission', 'permissions', 'admin rights', 'full rights', 'full access', 'read only', 'read-only', 'rbac', 'role based', 'shared account', 'shared login', 'shared user', 'standing access', 'just in time access', 'break glass', 'access review'],
  compliance: ['compliance', 'compliant', 'regulatory', 'regulator', 'regulators', 'auditor', 'auditors', 'soc 2', 'soc2', 'pci', 'iso 27001', 'hipaa', 'legal requirement'],
  simplicity: ['simplicity', 'simple', 'simpler', 'complexity', 'complex', 'confusing', 'confused', 'clutter', 'cluttered', 'cognitive load', 'too many options', 'too many settings', 'minimal', 'streamline', 'streamlined', 'fewer options'],
  onboarding: ['onboarding', 'sign up', 'signup', 'first run', 'new users', 'new user', 'usability', 'user experience', 'friction', 'drop off', 'drop-off', 'activation', 'first week'],
  speed: ['time to market', 'ship sooner', 'ship faster', 'ship it now', 'launch date', 'release date', 'deadline', 'delay the launch', 'slip the date', 'slips', 'go live', 'sooner', 'quickly'],
  quality: ['polish', 'quality bar', 'defects', 'bugs', 'bug', 'test coverage', 'regression', 'regressions', 'flaky', 'half finished'],
  evidence: ['experiment', 'experiments', 'a/b test', 'ab test', 'a b test', 'pilot', 'trial', 'beta', 'prototype', 'proof of concept', 'hypothesis', 'go no go', 'go/no-go', 'validate', 'validated', 'small group', 'early access', 'try it with', 'measure first', 'before we build'],
  ownership: ['ownership', 'owner', 'owners', 'owns', 'accountable', 'accountability', 'decision maker', 'decision rights', 'who decides', 'raci', 'dri', 'on the hook', 'nobody owns', 'no owner'],
  escalation: ['escalate', 'escalated', 'escalation', 'escalating', 'take it to', 'raise it with', 'flag it to', 'leadership team', 'exec', 'executive', 'executives', 'ceo', 'coo', 'cfo', 'cto', 'vp', 'sign off', 'signed off', 'approval', 'approve', 'approved by'],
  oncall: ['on call', 'on-call', 'oncall', 'pager', 'paging', 'paged', 'pages', 'alert', 'alerts', 'alerting', 'woken', 'at night', 'night shift', '3 am', 'toil', 'runbook', 'rota', 'rotation', 'incident response'],
  buildvsbuy: ['managed service', 'managed offering', 'fully managed', 'self host', 'self hosted', 'self hosting', 'self-hosted', 'build vs buy', 'build or buy', 'buy versus build', 'vendor', 'vendors', 'saas', 'off the shelf', 'in house', 'in-house', 'run it ourselves', 'operate it ourselves', 'maintain it ourselves', 'hosted by'],
  lockin: ['lock in', 'lock-in', 'locked in', 'portability', 'portable', 'proprietary', 'switching cost', 'exit plan', 'multi cloud'],
  scale: ['scalability', 'scalable', 'scale', 'scaling', 'capacity', 'headroom', 'peak load', 'peak season', 'traffic spike', 'shard', 'sharding', 'horizontal'],
  observability: ['observability', 'monitoring', 'monitor', 'dashboards', 'logging', 'tracing', 'metrics'],
  maintainability: ['tech debt', 'technical debt', 'maintainability', 'maintainable', 'refactor', 'refactoring', 'legacy', 'rewrite', 'clean up', 'cleanup'],
  knowledge: ['documentation', 'documented', 'written down', 'write it down', 'wiki', 'knowledge sharing', 'bus factor', 'handover', 'hand over', 'tribal knowledge'],
  wellbeing: ['burnout', 'burned out', 'burnt out', 'overtime', 'weekends', 'weekend', 'work life balance', 'sustainable pace', 'crunch', 'exhausted', 'sick leave', 'wellbeing', 'well-being', 'workload', 'after hours', 'long hours', 'resignation', 'resigned'],
  fairness: ['fairness', 'fair', 'unfair', 'equitable', 'equity', 'same rules', 'applies to everyone', 'bias', 'biased', 'favouritism', 'favoritism', 'unevenly', 'consistent rules', 'pay band', 'pay bands'],
  hiring: ['hiring', 'hire', 'hires', 'recruit', 'recruiting', 'recruiter', 'candidate', 'candidates', 'interview', 'interviews', 'headcount', 'job offer', 'offer letter', 'referral'],
  '~people-review': ['performance review', 'performance reviews', 'performance rating', 'performance ratings', 'appraisal', 'appraisals', 'review cycle', 'promotion', 'promotions'],
  communication: ['status page', 'notify customers', 'tell customers', 'tell merchants', 'tell drivers', 'public update', 'incident update', 'customer communication', 'announcement', 'announce', 'heads up', 'proactively', 'transparent', 'transparency'],
  support: ['support ticket', 'support tickets', 'tickets', 'help desk', 'helpdesk', 'customer support', 'support queue', 'support agents', 'first response'],
  automation: ['automation', 'automated', 'automate', 'automatically', 'chatbot', 'bot', 'self service', 'self-service', 'manual review', 'human review', 'by hand', 'manually', 'human in the loop', 'hand off to a person'],
  fraud: ['fraud', 'fraudulent', 'chargeback', 'chargebacks', 'suspicious', 'kyc', 'aml', 'sanctions', 'money laundering'],
  auditability: ['immutable', 'append only', 'append-only', 'audit trail', 'audit log', 'rewrite history', 'edit in place', 'overwrite', 'overwritten', 'reversal entry', 'correcting entry'],
  safety: ['safety', 'unsafe', 'fatigue', 'tired', 'hours of service', 'accident', 'accidents', 'collision', 'injury', 'injuries', 'hazard', 'speeding', 'distracted', 'distraction while driving'],
  connectivity: ['offline', 'no signal', 'no coverage', 'poor coverage', 'connectivity', 'dead zone', 'spotty', 'flaky network', 'airplane mode', 'without a connection', 'reconnects'],
  accessibility: ['accessibility', 'a11y', 'screen reader', 'screen readers', 'contrast', 'wcag', 'keyboard navigation', 'keyboard only'],
  commitments: ['roadmap promise', 'promised a feature', 'promise a date', 'promised the customer', 'custom build', 'one off', 'one-off', 'unshipped', 'not yet built', 'commit to a date', 'committed to the customer'],
  standards: ['standardise', 'standardize', 'standard way', 'golden path', 'paved road', 'one way of', 'every team', 'across teams', 'consistency across'],
  focus: ['focus', 'distraction', 'scope creep', 'say no', 'deprioritise', 'deprioritize', 'out of scope'],
  autonomy: ['autonomy', 'autonomous', 'empower', 'empowered', 'bottleneck', 'approval chain', 'local decision', 'decide locally'],
};

/** What a text's stems say about subjects: how often each subject is named, and which word positions its phrases used. */
export interface ConceptMatches {
  counts: Map<string, number>;
  /** Subject → where its first phrase stands: [first word, word count]. */
  first: Map<string, [number, number]>;
  /** Word positions a phrase claimed (not matched again as plain terms). */
  claimed: Set<number>;
}

/** A subject's phrase as the stems of its words. */
export interface SubjectPhrase {
  readonly concept: string;
  readonly stems: readonly string[];
}

/** Phrases by their first stem, longest first. */
let compiled: Map<string, SubjectPhrase[]> | undefined;

function compile(): Map<string, SubjectPhrase[]> {
  const out = new Map<string, SubjectPhrase[]>();
  for (const [concept, phrases] of Object.entries(CONCEPTS)) {
    for (const p of phrases) {
      const stems = phraseKey(p).split(' ').filter(Boolean);
      const first = stems[0];
      if (!first) continue;
      let list = out.get(first);
      if (!list) out.set(first, (list = []));
      list.push({ concept, stems });
    }
  }
  for (const list of out.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return out;
}

/**
 * Calls `hit` for each subject phrase among the first `length` stems (all words, stop words
 * included, in order), left to right, the longest phrase first, phrases never overlapping.
 * A sense kept apart (`~people-review`) is reported too: its words are claimed, its subject never counts.
 * `starting`: the phrases each position may start (`phrasesStartingWith` of its stem), when the caller knows them already.
 */
export function forEachConcept(stems: readonly string[], length: number, hit: (concept: string, at: number, words: number) => void, starting?: ReadonlyArray<readonly SubjectPhrase[] | undefined>): void {
  compiled ??= compile();
  for (let i = 0; i < length; i++) {
    const candidates = starting ? starting[i] : compiled.get(stems[i]!);
    if (!candidates) continue;
    const found = candidates.find((p) => i + p.stems.length <= length && p.stems.every((s, k) => stems[i + k] === s));
    if (!found) continue;
    hit(found.concept, i, found.stems.length);
    i += found.stems.length - 1;
  }
}

/** The subject phrases whose first word has this stem, longest first; undefined when none does. */
export function phrasesStartingWith(stem: string): readonly SubjectPhrase[] | undefined {
  compiled ??= compile();
  return compiled.get(stem);
}

/** Whether a subject found by `forEachConcept` counts (a sense kept apart only claims its words). */
export function countsAsSubject(concept: string): boolean {
  return !concept.startsWith('~');
}

/** The subjects a sequence of stems names (all words, stop words included, in order). */
export function matchConcepts(stems: readonly string[]): ConceptMatches {
  const counts = new Map<string, number>();
  const first = new Map<string, [number, number]>();
  const claimed = new Set<number>();
  forEachConcept(stems, stems.length, (concept, at, length) => {
    for (let k = 0; k < length; k++) claimed.add(at + k);
    if (!countsAsSubject(concept)) return;
    counts.set(concept, (counts.get(concept) ?? 0) + 1);
    if (!first.has(concept)) first.set(concept, [at, length]);
  });
  return { counts, first, claimed };
}

/** The subjects a piece of text names (tags, a title, a statement). */
export function conceptsOf(text: string): Map<string, number> {
  return matchConcepts(words(text).map(stem)).counts;
}
