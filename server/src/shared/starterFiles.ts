// The files a new workspace starts from, written by the walkthrough's commands (and shown in the
// README). Each one is clean for the checker as it is, and says in comments what to change.

export interface StarterFile {
  /** Path relative to the workspace folder. */
  path: string;
  content: string;
}

export const STARTER_CONFIG: StarterFile = {
  path: '.decisions.yaml',
  content: `# Decision Memos settings (every key is optional; these are the defaults).
memos: ["decisions/**/*.md", "docs/adr/**/*.md", "docs/decisions/**/*.md"]
tenets: ["tenets/**/*.md", "tenets.yaml"]
people: people.yaml
evidence:
  # How many evidence artifacts a decision needs, by how hard it is to undo.
  required: { two-way: 0, costly: 1, one-way: 2 }
  # Artifacts dated earlier than this many days ago are reported as stale.
  maxAgeDays: 365
rules:
  # Per rule: error | warning | info | hint | off
  tenet-relevant-uncited: hint
`,
};

export const STARTER_TENETS: StarterFile = {
  path: 'tenets/company.md',
  content: `# Company tenets

Each tenet settles a trade-off the same way everywhere: \`When <situation>, we choose <A> over <B> because <reason>.\`

## CO-TRUST: customer trust over growth
layer: company
tags: [trust, customers]
aliases: [reputation]

When growing faster and keeping the trust of the customers we have conflict, we choose trust over growth because trust lost is not won back by a quarter's numbers.
`,
};

export const STARTER_PEOPLE: StarterFile = {
  path: 'people.yaml',
  content: `# The people who own and approve decisions. Memos name them by id (or email).
- id: priya
  name: Priya Raman
  email: priya@example.com
  role: engineering manager
- id: sam
  name: Sam Okafor
  role: staff engineer
`,
};
