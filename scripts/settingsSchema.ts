// The `contributes.configuration` block of package.json, computed from the settings defaults and
// the rule registry. `npm run gen:settings` writes it into package.json; a unit test
// (test/unit/settingsSchema.test.ts) fails when package.json drifts from it.
import { ALL_RULES } from '../server/src/rules/registry';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, type DecisionMemosSettings } from '../server/src/shared/settings';
import { SEVERITY_SETTINGS } from '../server/src/shared/vocabulary';

type ProblemsScope = DecisionMemosSettings['problemsScope'];
type TraceLevel = DecisionMemosSettings['trace']['server'];

// Records keyed by the setting types, so a new value in settings.ts fails the type check here.
const PROBLEMS_SCOPES: Record<ProblemsScope, string> = {
  openFiles: 'Only memos and tenet files open in an editor.',
  workspace: 'Every memo and tenet file of the workspace, open or not.',
};
const TRACE_LEVELS: Record<TraceLevel, string> = {
  off: 'No protocol trace.',
  messages: 'Trace the name of each message.',
  verbose: 'Trace each message with its content.',
};

/** The JSON schema of every `decisionMemos.*` setting, keyed by the full setting name. */
export function settingsProperties(): Record<string, object> {
  const d = DEFAULT_SETTINGS;
  // Keyed by the settings interface: adding a setting in settings.ts fails the type check until it is described here.
  const properties: Record<keyof DecisionMemosSettings, Record<string, object>> = {
    enable: {
      enable: {
        type: 'boolean',
        default: d.enable,
        scope: 'resource',
        description: 'Turns the checker on or off for a folder.',
      },
    },
    rules: {
      rules: {
        type: 'object',
        default: d.rules,
        scope: 'resource',
        markdownDescription:
          'Severity per rule id (`error`, `warning`, `info`, `hint` or `off`); wins over the `rules` of `.decisions.yaml`. Rules not listed use the config or their default.',
        properties: rulesProperties(),
        additionalProperties: false,
      },
    },
    problemsScope: {
      problemsScope: {
        type: 'string',
        default: d.problemsScope,
        scope: 'resource',
        enum: Object.keys(PROBLEMS_SCOPES),
        enumDescriptions: Object.values(PROBLEMS_SCOPES),
        description: 'Which files show their problems in the Problems view: open files only, or the whole workspace.',
      },
    },
    debounceMs: {
      debounceMs: {
        type: 'number',
        default: d.debounceMs,
        minimum: 0,
        scope: 'resource',
        description: 'Delay after typing before a memo is checked again, in milliseconds.',
      },
    },
    codeLens: {
      codeLens: {
        type: 'boolean',
        default: d.codeLens,
        scope: 'resource',
        description: 'Shows how many memos cite a tenet above its definition.',
      },
    },
    trace: {
      'trace.server': {
        type: 'string',
        default: d.trace.server,
        scope: 'window',
        enum: Object.keys(TRACE_LEVELS),
        enumDescriptions: Object.values(TRACE_LEVELS),
        description: 'Traces the messages between VS Code and the Decision Memos language server (in its output channel).',
      },
    },
  };
  const out: Record<string, object> = {};
  for (const group of Object.values(properties)) {
    for (const [name, schema] of Object.entries(group)) out[`${SETTINGS_SECTION}.${name}`] = schema;
  }
  return out;
}

/** One property per rule of the registry, in registry order. */
export function rulesProperties(): Record<string, object> {
  return Object.fromEntries(
    ALL_RULES.map((rule) => [
      rule.id,
      { type: 'string', enum: [...SEVERITY_SETTINGS], default: rule.defaultSeverity, markdownDescription: rule.description },
    ]),
  );
}

/** The whole `contributes.configuration` value. */
export function configurationContribution(): object {
  return { title: 'Decision Memos', properties: settingsProperties() };
}
