import { BASE_TENETS } from '../helpers/memoWorkspace';
import { TESTED_RULES } from '../protocol/fixture';
import { rulesOnly } from '../protocol/lspHarness';

// A workspace with an authority matrix, shared by the service and protocol tests of its editor
// features: two decision types, people holding their roles (two of them gone by the fixture day,
// 2026-06-01), and a proposed memo whose triggers apply.

export const AUTHORITY_RULES = [...TESTED_RULES, 'decision-type-unknown', 'authority-mismatch', 'escalation-required', 'owner-departed'];

export const AUTHORITY = `- type: api-design
  title: API design for team features
  decides: team-lead
  escalate-to: architecture-review
  triggers: [cross-team, one-way, spend-over:50000]
  tenets: [ENG-LATENCY]
- type: data-model
  title: Changes to the shared data model
  decides: owner
  escalate-to: bob
  triggers: [customer-data, regulator-visible]
`;

export const AUTHORITY_PEOPLE = `- id: alice
  name: Alice Smith
  role: [team-lead]
- id: bob
  name: Bob Jones
  role: architecture-review
- id: carol
  name: Carol King
  role: Architecture review
- id: dave
  name: Dave Gone
  role: architecture-review
  status: left
- id: erin
  name: Erin Moved
  left: 2026-05-01
`;

export const API_MEMO = `---
id: "0001"
title: Public search API
status: proposed
date: 2026-05-01
owners: [alice]
decision-type: api-design
impact: [cross-team]
spend: 60000
reversibility: two-way
tenets: [ENG-LATENCY]
---
# Public search API

Claim: We believe a public search API cuts integration time because partners ask for it weekly.
Boundary: This reduces uncertainty about demand; it does not prove the API's shape.
`;

export const API_MEMO_PATH = 'decisions/0001-public-search-api.md';

/** The workspace: config naming people and matrix, people, matrix, tenets, one memo. */
export function authorityFiles(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const files: Record<string, string | undefined> = {
    '.decisions.yaml': ['people: people.yaml', 'authority: authority.yaml', ...rulesOnly(AUTHORITY_RULES)].join('\n') + '\n',
    'people.yaml': AUTHORITY_PEOPLE,
    'authority.yaml': AUTHORITY,
    'tenets.yaml': BASE_TENETS,
    [API_MEMO_PATH]: API_MEMO,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(files).filter((e): e is [string, string] => e[1] !== undefined));
}
