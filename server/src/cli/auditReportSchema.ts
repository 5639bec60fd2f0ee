import { MEMO_STATUSES, REVERSIBILITIES, TENET_LAYERS } from '../shared/vocabulary';

// The JSON schema `audit --merge` validates each repository's report against (ajv): the shape
// `audit --format json` writes (audit/computeAudit.ts, auditToJson), with caps on every count,
// list and string so a hostile file is refused before anything is read from it. Fields it does
// not list are allowed and never read.

/** Longest list of memos (files) a report may hold anywhere. */
const MAX_MEMOS = 200_000;
const MAX_TENETS = 20_000;
const MAX_OWNERS = 100_000;
/** Any count: far above any real workspace, far below where sums lose precision. */
const MAX_COUNT = 1_000_000_000;
/** Longest repository name (also what `--name` accepts). */
export const MAX_NAME = 200;

const text = (maxLength = 4096) => ({ type: 'string', maxLength });
const count = { type: 'integer', minimum: 0, maximum: MAX_COUNT };
const list = (items: object, maxItems = MAX_MEMOS) => ({ type: 'array', maxItems, items });
const files = list(text());
const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const object = (properties: Record<string, object>, required = Object.keys(properties)) => ({ type: 'object', required, properties });
const review = object({ file: text(), due: text(32), source: { enum: ['review-by', 'stage gate'] }, owners: list(text(), 1000) });

export const auditReportSchema = object({
  tool: object({ name: text(100), version: text(100) }),
  version: { const: 1 },
  // Control characters are refused: the name is printed in text reports and HTML alike.
  name: { type: 'string', minLength: 1, maxLength: MAX_NAME, pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f]+$' },
  date: day,
  root: text(),
  since: day,
  memos: count,
  citing: count,
  byStatus: object(Object.fromEntries([...MEMO_STATUSES, 'unknown'].map((s) => [s, count]))),
  tenets: list(
    object(
      {
        id: text(500),
        title: text(),
        layer: { enum: [...TENET_LAYERS, 'unknown'] },
        status: { enum: ['active', 'retired'] },
        parent: text(500),
        citations: count,
        memos: files,
      },
      ['id', 'layer', 'status', 'citations', 'memos'],
    ),
    MAX_TENETS,
  ),
  uncited: list(text(500), MAX_TENETS),
  conflicts: list(object({ tenet: text(500), memos: files }), MAX_TENETS),
  owners: list(object({ owner: text(500), open: count, accepted: count }), MAX_OWNERS),
  evidence: object(Object.fromEntries(REVERSIBILITIES.map((r) => [r, object({ memos: count, meeting: count, required: count })]))),
  evidenceUnspecified: count,
  reviews: object({ overdue: list(review), dueSoon: list(review) }),
  scorecardsWithoutPause: files,
  claimsWithoutInvalidation: files,
  awaitingDecision: list(object({ file: text(), rows: count })),
  authorityFiles: object({ matrix: { type: ['string', 'null'], maxLength: 4096 }, people: { type: ['string', 'null'], maxLength: 4096 } }),
  escalations: object({ withoutNeed: files, bypassed: files }),
  departedOwners: list(object({ owner: text(500), left: text(32), memos: files }, ['owner', 'memos']), MAX_OWNERS),
  ownerConcentration: { type: 'object' },
}, ['tool', 'version', 'name', 'date', 'root', 'memos', 'citing', 'byStatus', 'tenets', 'uncited', 'conflicts', 'owners', 'evidence', 'evidenceUnspecified', 'reviews', 'scorecardsWithoutPause', 'claimsWithoutInvalidation', 'awaitingDecision', 'authorityFiles', 'escalations', 'departedOwners', 'ownerConcentration']);
