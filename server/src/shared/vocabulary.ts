// The format's vocabulary, in one place: the words a memo, a tenet file and the config may use,
// the keys each field is read under, and the templates the product writes. The parser, the rules,
// completion, the CLI and the VS Code client all read them from here, so they cannot disagree.
// Pure data with no imports: the client bundles it as it is.

/** Memo statuses, in lifecycle order. */
export const MEMO_STATUSES = ['draft', 'proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as const;
export type MemoStatus = (typeof MEMO_STATUSES)[number];

/** Other words teams write for a status (adr-tools' `Pending`, a misspelt `superceded`). */
export const STATUS_ALIASES: Readonly<Record<string, MemoStatus>> = { superceded: 'superseded', replaced: 'superseded', approved: 'accepted', pending: 'proposed' };

/** Statuses that ask for (or record) a decision: these need a claim and evidence. Drafts are still being written; closed memos are records. */
export const DECIDING_STATUSES: readonly MemoStatus[] = ['proposed', 'accepted'];

/** Statuses of a decision that is over: nothing new is asked of such a record. */
export const CLOSED_STATUSES: readonly MemoStatus[] = ['rejected', 'deprecated', 'superseded'];

/** How hard a decision is to undo; drives how much evidence it needs. */
export const REVERSIBILITIES = ['two-way', 'costly', 'one-way'] as const;
export type Reversibility = (typeof REVERSIBILITIES)[number];

/** Tenet layers, from the widest. */
export const TENET_LAYERS = ['company', 'function', 'team'] as const;
export type TenetLayer = (typeof TENET_LAYERS)[number];

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];

/** Front matter keys that name a memo's owners, in lookup order: ours first, then MADR's. */
export const OWNER_KEYS = ['owners', 'owner', 'decision-makers', 'deciders'] as const;
/** Front matter keys that name who approved a memo, in lookup order. */
export const APPROVER_KEYS = ['approver', 'approvers'] as const;
/** Front matter keys that name people (owners, approvers, RACI lists): completion offers people in all of them. */
export const PEOPLE_KEYS: readonly string[] = [...OWNER_KEYS, ...APPROVER_KEYS, 'consulted', 'informed'];
/** Front matter keys of a memo's decision type (a type of the authority matrix), in lookup order. */
export const DECISION_TYPE_KEYS = ['decision-type', 'decision_type'] as const;
/** Front matter keys of the escalation triggers a memo says apply, in lookup order. */
export const IMPACT_KEYS = ['impact', 'impacts'] as const;
/** Front matter keys that link to other memos by id. */
export const MEMO_LINK_KEYS: readonly string[] = ['supersedes', 'superseded-by', 'superseded_by'];

/** Keys of an evidence entry map that name the artifact, in lookup order. */
export const EVIDENCE_TARGET_KEYS = ['path', 'url', 'file'] as const;
/** Of those, the keys whose value is a workspace path (completion offers files). */
export const EVIDENCE_PATH_KEYS: readonly string[] = ['path', 'file'];
/** Keys of an evidence entry map that state the artifact's limitation, in lookup order. */
export const LIMITS_KEYS = ['limits', 'limitation', 'limitations'] as const;

/** Placeholder for an artifact's path or URL; evidence-not-found reports it until it is replaced. */
export const PATH_PLACEHOLDER = 'PATH-OR-URL';
/** Placeholder for an artifact's limitation; evidence-limits-missing reports it until it is replaced. */
export const LIMITS_PLACEHOLDER = 'LIMITATION';

/** The claim sentence's shape (after the keyword), as messages show it. */
export const CLAIM_SENTENCE_SHAPE = 'We believe <outcome> because <signals>.';
/** The boundary sentence's shape (after the keyword), as messages show it. */
export const BOUNDARY_SENTENCE_SHAPE = 'This reduces uncertainty about <X>; it does not prove <Y>.';
/** The claim line's shape, as messages show it. */
export const CLAIM_SHAPE = `Claim: ${CLAIM_SENTENCE_SHAPE}`;
/** The boundary line's shape, as messages show it. */
export const BOUNDARY_SHAPE = `Boundary: ${BOUNDARY_SENTENCE_SHAPE}`;

/** The boundary sentence templates write after the keyword: `X` and `Y` are blanks that claim-placeholder reports until filled. */
export const BOUNDARY_SENTENCE = 'This reduces uncertainty about X; it does not prove Y.';
/** The claim line templates write: the capitals are blanks that claim-placeholder reports until filled. */
export const CLAIM_TEMPLATE = 'Claim: We believe OUTCOME because SIGNALS.';
/** The boundary line templates write. */
export const BOUNDARY_TEMPLATE = `Boundary: ${BOUNDARY_SENTENCE}`;
/** The same lines as editor snippets, with each blank a tab stop. */
export const CLAIM_SNIPPET = 'Claim: We believe ${1:OUTCOME} because ${2:SIGNALS}.';
export const BOUNDARY_SNIPPET = 'Boundary: This reduces uncertainty about ${1:X}; it does not prove ${2:Y}.';

/**
 * Blanks the product's own templates, fixes and snippets write, in capitals (placeholder-left and
 * claim-placeholder report them until they are replaced). Longest first, so `PATH-OR-URL` is one blank.
 */
export const PLACEHOLDER_WORDS: readonly string[] = ['PATH-OR-URL', 'YYYY-MM-DD', 'LIMITATION', 'TENET-ID', 'APPROVER', 'OUTCOME', 'SIGNALS', 'REASON', 'OWNER', 'FIXME', 'TODO', 'TBD', 'XXX', 'X', 'Y'];

/** The invalidation line a fix inserts: `___` is the blank placeholder-left reports until filled. */
export const INVALIDATION_TEMPLATE = 'Invalidated if: ___.';
