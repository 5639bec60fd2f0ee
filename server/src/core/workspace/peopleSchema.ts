// The JSON schema of the people directory (`people.yaml`), for editors: `npm run gen:schemas`
// writes it to schemas/. It accepts exactly what `parsePeople` (people.ts) accepts without a
// problem, and a test holds the two together on valid and broken samples. Keys the checker does
// not read are allowed, as the checker allows them.

const scalarId = {
  type: ['string', 'number', 'boolean'],
  // A blank string is no id to the parser.
  pattern: '\\S',
};

const text = (description: string) => ({ type: ['string', 'number', 'boolean', 'null'], description });

const person = {
  oneOf: [
    // A blank entry is skipped, not reported: any scalar will do here.
    { type: ['string', 'number', 'boolean'], description: 'A person known by id alone.' },
    { type: 'null', description: 'An empty entry (ignored).' },
    {
      type: 'object',
      required: ['id'],
      description: 'A person: `id`, and optionally their name, email, role and team.',
      properties: {
        id: { ...scalarId, description: 'How memos name this person in `owners`, `approver` and the body (matched case-insensitively, also by email).' },
        name: text('Display name; memos may also name the person by it.'),
        email: text('Email address; owners may be written by email.'),
        role: { anyOf: [text('Role, as the authority matrix names roles (`team-lead`, `Platform lead`).'), { type: 'array', items: { type: ['string', 'number', 'boolean'] } }] },
        team: text('The team the person belongs to; a dependency may be owned by a team.'),
        status: { enum: ['active', 'left', 'Active', 'Left', null], description: '`left` once the person has left: memos whose every owner has left are reported (owner-departed).' },
        left: { type: ['string', 'null'], pattern: '^\\s*\\d{4}-\\d{2}-\\d{2}\\s*$', description: 'The date the person left (YYYY-MM-DD); from that day on they count as departed.' },
      },
    },
  ],
};

const list = { type: 'array', items: person, description: 'The people who may own, decide and approve memos.' };

/** The schema of `people.yaml`: a list of people, or a mapping whose `people:` holds one. */
export function peopleSchema(): object {
  return {
    $id: 'https://decision-memos.invalid/people.schema.json',
    title: 'Decision Memos people directory',
    description: 'Known owners and approvers: ids, or maps with `id` and optional `name`, `email`, `role`, `team`, `status`, `left`.',
    oneOf: [list, { type: 'object', properties: { people: list } }, { type: 'null' }],
  };
}
