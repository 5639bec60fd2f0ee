import { BASE_TENETS } from '../helpers/memoWorkspace';
import { rulesOnly } from './lspHarness';

// One small workspace the protocol tests share: config, people, tenets (YAML and markdown),
// a complete memo, a memo without an owner, and an evidence file.

export const PEOPLE = `- id: alice
  name: Alice Smith
  email: alice@example.com
  role: Engineering manager
- id: bob
  name: Bob Jones
  role: Staff engineer
`;

export const MARKDOWN_TENETS = `# Team tenets

## TEAM-CACHE: cache before scale
layer: team
team: search
parent: ENG-LATENCY
tags: [cache]

When caching and horizontal scaling conflict, we choose caching over scaling because a warm cache is cheaper than more machines.
`;

export const GOOD_MEMO = `---
id: "0001"
title: Use a cache for the search API
status: proposed
date: 2026-05-01
owners: [alice]
reversibility: two-way
tenets: [ENG-LATENCY]
evidence:
  - path: ../evidence/slo.md
    limits: four-week window only
---
# Use a cache for the search API

## Relevant tenets

- [[ENG-LATENCY]] ✓ a cache cuts p95 latency of the search API.

Claim: We believe a cache keeps search p95 under 200 ms because most queries repeat within an hour.
Boundary: This reduces uncertainty about latency; it does not prove the cache stays consistent.
`;

export const NO_OWNER_MEMO = `---
id: "0002"
title: Move search to a managed service
status: draft
tenets: [CO-TRUST]
---
# Move search to a managed service

## Context

We cite [[ENG-LATENCY]] here too.
`;

/** The rules these tests rely on; the others are off so rules still being written cannot disturb them. */
export const TESTED_RULES = ['owner-missing', 'evidence-not-found', 'supersede-broken', 'memo-duplicate-id', 'front-matter-missing', 'front-matter-invalid', 'tenet-unknown', 'tenet-retired', 'config-invalid', 'file-unreadable', 'tenet-file-invalid', 'suppression-unused'];

export function standardFiles(extraConfig: string[] = []): Record<string, string> {
  return {
    '.decisions.yaml': ['people: people.yaml', ...rulesOnly(TESTED_RULES), ...extraConfig].join('\n') + '\n',
    'people.yaml': PEOPLE,
    'tenets.yaml': BASE_TENETS,
    'tenets/search.md': MARKDOWN_TENETS,
    'decisions/0001-use-a-cache.md': GOOD_MEMO,
    'decisions/0002-managed-search.md': NO_OWNER_MEMO,
    'evidence/slo.md': '# SLO report\n',
  };
}
