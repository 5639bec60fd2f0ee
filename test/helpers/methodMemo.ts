import { goodMemo } from './memoWorkspace';

// A memo that uses every structure of the method well (alignment sheet, scorecard with its
// dependencies, evidence log, claim invalidation), for the method rules' tests: each test breaks
// one thing. `people.yaml` below knows every person and team it names.

export const METHOD_PEOPLE = '- id: alice\n  team: team-search\n- id: bob\n  role: platform-lead\n- id: carol\n';

export const SHEET = [
  '## Alignment sheet',
  '',
  '- **Aim:** search answers in under 200 ms for repeated queries',
  '- **Mechanism:** We believe a query cache will move p95 latency because most queries repeat within an hour.',
  '- **Feedback signals:**',
  '  1. cache hit rate (leading)',
  '  2. p95 latency of search',
  '- **Stage gate:** We will continue if the cache hit rate ≥ 40 % by week 2.',
  '- **Guardrail:** the search error rate stays below 0.1 %.',
  '- **Owner and cadence:** alice, weekly',
  '',
];

export const SCORECARD = [
  '## Scorecard: step 2',
  '',
  '| Capacity signal | Threshold | Cadence | When crossed |',
  '| --- | --- | --- | --- |',
  '| queue depth | ≤ 500 jobs | daily | pause |',
  '| cache memory | < 80 % | daily | review |',
  '| on-call pages | < 3 a week | weekly | escalate |',
  '',
  '- **Decision owner:** alice',
  '- **Escalation path:** bob, then carol',
  '',
  '| Dependency | Owner | Monitoring |',
  '| --- | --- | --- |',
  '| search cluster | team-search | the cluster dashboard |',
  '',
];

export const LOG = [
  '## Evidence log',
  '',
  '| Scale step | Claim | Evidence artifact | Quality limits | Threshold status | Decision | Date | Approver |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  '| step 1 | We believe the cache holds because repeats are common. | https://example.com/slo-report | four-week window only | met | continue | 2026-04-01 | bob |',
  '',
];

export const CLAIM = [
  'Claim: We believe a cache keeps search p95 under 200 ms because most queries repeat within an hour.',
  'Boundary: This reduces uncertainty about latency; it does not prove the cache stays consistent.',
  'Invalidated if: p95 stays above 250 ms for two weeks with the cache on.',
  '',
];

/** The memo with every structure; `replace` swaps lines of the body (by exact text) to break one thing. */
export function methodMemo(fields: Record<string, string | undefined> = {}, parts: { sheet?: string[]; scorecard?: string[]; log?: string[]; claim?: string[] } = {}): string {
  const body = ['# Use a cache for the search API', '', '- [[ENG-LATENCY]] ✓ a cache cuts p95 latency.', '', ...(parts.claim ?? CLAIM), ...(parts.sheet ?? SHEET), ...(parts.scorecard ?? SCORECARD), ...(parts.log ?? LOG)];
  return goodMemo({ reversibility: 'costly', reviewed: '2026-05-20', evidence: '\n  - url: https://example.com/slo-report\n    limits: four-week window only\n    date: 2026-04-01', ...fields }, body);
}

/** The lines with one of them replaced (by its exact text); throws when it is not there, so a test cannot silently test nothing. */
export function swap(lines: string[], from: string, to: string | string[]): string[] {
  const i = lines.indexOf(from);
  if (i < 0) throw new Error(`no line ${from}`);
  return [...lines.slice(0, i), ...[to].flat(), ...lines.slice(i + 1)];
}
