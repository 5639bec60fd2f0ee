import { TENET_LAYERS } from '../../shared/vocabulary';

// The JSON schema of a YAML tenet file, for editors: `npm run gen:schemas` writes it to
// schemas/. It accepts what `parseTenetFile` (tenetParser.ts) reads without a problem, and what
// the tenet rules check of each field's form (an unknown layer is reported by
// tenet-parent-unknown); a test holds schema and parser together on valid and broken samples.
// Keys the checker does not read are allowed, as the checker allows them.

const scalar = ['string', 'number', 'boolean'];
const text = (description: string) => ({ type: [...scalar, 'null'], description });
const words = (description: string) => ({ anyOf: [{ type: [...scalar, 'null'] }, { type: 'array', items: { type: [...scalar, 'null'] } }], description });
/** A closed set of words offered for completion, while any text stays acceptable (as the parser reads it). */
const suggested = (values: readonly string[], description: string) => ({ anyOf: [{ enum: [...values] }, { type: [...scalar, 'null'] }], description });

const tenet = {
  type: 'object',
  required: ['id'],
  properties: {
    id: { type: scalar, pattern: '\\S', description: 'The tenet id memos cite: capitals, digits and hyphens (`CO-TRUST`, `ENG-LATENCY`).' },
    title: text('A short name, shown beside the id.'),
    // Read case-insensitively; the lower-case words are offered for completion.
    layer: { anyOf: [{ enum: [...TENET_LAYERS] }, { type: 'string', pattern: `^(?:${TENET_LAYERS.map(anyCase).join('|')})$` }, { type: 'null' }], description: 'company → function → team; a function or team tenet names its `parent` on a higher layer.' },
    function: text('The function a function or team tenet belongs to (`engineering`); memos scoped to another function should not cite it.'),
    team: text('The team a team tenet belongs to.'),
    parent: text('The id of the higher-layer tenet this one interprets.'),
    tags: words('Words of the tenet\'s subject (a list or a comma-separated string); they feed relevance.'),
    aliases: words('Other words and phrases for the subject (`response time`, `p99`); they feed relevance.'),
    statement: text('When <situation>, we choose <A> over <B> because <reason>.'),
    status: suggested(['active', 'retired'], 'A retired tenet should no longer be cited; anything but `retired` is active.'),
  },
};

const list = { type: 'array', items: tenet, description: 'The tenets of this file.' };

/** `team` → `[tT][eE][aA][mM]`: JSON schema patterns have no case-insensitive flag. */
function anyCase(word: string): string {
  return [...word].map((c) => `[${c}${c.toUpperCase()}]`).join('');
}

/** The schema of a YAML tenet file: a list of tenets, or a mapping whose `tenets:` holds one. */
export function tenetFileSchema(): object {
  return {
    $id: 'https://decision-memos.invalid/tenets.schema.json',
    title: 'Decision Memos tenet file',
    description: 'Tenets: trade-off rules memos cite, each `When …, we choose A over B because R.`',
    oneOf: [list, { type: 'object', required: ['tenets'], properties: { tenets: list } }, { type: 'null' }],
  };
}
