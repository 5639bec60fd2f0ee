// Snippets for the workspace's YAML files, offered by the server's completion in the file they are
// for only (a tenet in a YAML tenet file, a person in the people directory, the settings in
// `.decisions.yaml`): contributed to every YAML file, VS Code showed them in memo front matter too.

/** A snippet: what the user types to get it, what it is, and its body (VS Code snippet syntax). */
export interface FileSnippet {
  label: string;
  prefix: string;
  description: string;
  body: string;
}

export const TENET_FILE_SNIPPETS: readonly FileSnippet[] = [
  {
    label: "Function tenet",
    prefix: "tenet",
    description: "Function-level tenet for a YAML tenet file (a list item): id, layer, function, parent, title, tags and the `When \u2026, we choose \u2026 over \u2026 because \u2026` statement.",
    body: "- id: ${1:TENET-ID}\n  layer: function\n  function: ${2:FUNCTION}\n  parent: ${3:PARENT-ID}\n  title: ${4:X} over ${5:Y}\n  tags: [$6]\n  statement: >-\n    When ${7:SITUATION}, we choose $4 over $5 because ${8:REASON}.\n$0",
  },
  {
    label: "Team tenet",
    prefix: "tenet-team",
    description: "Team-level tenet for a YAML tenet file (a list item): interprets a function tenet (its parent) for one team.",
    body: "- id: ${1:TENET-ID}\n  layer: team\n  team: ${2:TEAM}\n  function: ${3:FUNCTION}\n  parent: ${4:PARENT-ID}\n  title: ${5:X} over ${6:Y}\n  tags: [$7]\n  statement: >-\n    When ${8:SITUATION}, we choose $5 over $6 because ${9:REASON}.\n$0",
  },
  {
    label: "Company tenet",
    prefix: "tenet-company",
    description: "Company-level tenet for a YAML tenet file (a list item): a value that function and team tenets trace back to.",
    body: "- id: ${1:TENET-ID}\n  layer: company\n  title: ${2:X} over ${3:Y}\n  tags: [$4]\n  statement: >-\n    When ${5:SITUATION}, we choose $2 over $3 because ${6:REASON}.\n$0",
  },
];

export const PEOPLE_FILE_SNIPPETS: readonly FileSnippet[] = [
  {
    label: "Person",
    prefix: "person",
    description: "Person entry for people.yaml: an id that memos use as owner or approver, with name, email and role.",
    body: "- id: ${1:PERSON-ID}\n  name: ${2:NAME}\n  email: ${3:EMAIL}\n  role: ${4:ROLE}\n$0",
  },
];

export const CONFIG_FILE_SNIPPETS: readonly FileSnippet[] = [
  {
    label: "Decision Memos settings",
    prefix: "decisions-config",
    description: "Skeleton of .decisions.yaml: where memos, tenets and people live, the evidence each reversibility needs, and per-rule severities.",
    body: "# Decision Memos settings; every key is optional.\n# Where memos and tenets live: globs relative to this folder.\nmemos: [\"${1|decisions,docs/adr,docs/decisions|}/**/*.md\"]\ntenets: [\"tenets/**/*.md\", \"tenets.yaml\"]\n# Known owners and approvers: a list of ids, or of maps with id, name, email and role.\npeople: people.yaml\nevidence:\n  # Minimum number of evidence artifacts, by how hard the decision is to undo.\n  required: { two-way: ${2|0,1,2|}, costly: ${3|1,2,3|}, one-way: ${4|2,3,4|} }\n  # Artifacts dated earlier than this many days ago are reported as stale.\n  maxAgeDays: ${5|365,180,730|}\n# Severity per rule id: error, warning, info, hint or off.\nrules:\n  tenet-relevant-uncited: ${6|hint,info,warning,error,off|}\n$0",
  },
];
