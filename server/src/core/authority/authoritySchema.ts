// The JSON schema of the authority matrix (`authority.yaml`): the checker validates with it, and
// `npm run gen:schemas` writes it to schemas/ for editors (its descriptions are what they show).

const name = { type: ['string', 'number'], pattern: '\\S' };
const names = (description: string) => ({ oneOf: [name, { type: 'array', items: name }], description });

const row = {
  type: 'object',
  required: ['type'],
  additionalProperties: false,
  description: 'A decision type: who decides it, who approves when a trigger applies, and the values applied.',
  properties: {
    type: { ...name, description: 'The id memos write in `decision-type` (matched case-insensitively).' },
    title: { type: ['string', 'number'], description: 'What the type covers, in words: completion and hover show it.' },
    description: { type: ['string', 'null'], description: 'A longer note on the type (not read by the checker).' },
    decides: { ...name, description: 'Who decides: a role (people.yaml `role`), a person id, or `owner` (any owner of the memo may decide).' },
    'escalate-to': { ...name, description: 'The role or person who must approve (`approver:`) when one of the triggers applies.' },
    triggers: names('When the decision must go up: `cross-team`, `customer-data`, `precedent`, `one-way`, `costly`, `spend-over:<amount>`, or a trigger of your own that memos list in `impact`.'),
    tenets: names('Values applied: tenet ids a memo of this type must consider (they count as relevant to it).'),
  },
};

/** The schema of `authority.yaml`: a list of decision types. */
export function authoritySchema(): object {
  return {
    $id: 'https://decision-memos.invalid/authority.schema.json',
    title: 'Decision Memos authority matrix',
    description: 'Decision types: who decides, when the decision must be escalated and to whom, and the tenets it applies.',
    type: 'array',
    items: row,
  };
}
