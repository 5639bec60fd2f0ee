import * as vscode from 'vscode';

/**
 * Enter after `  - path: reports/slo.md` in a memo's front matter starts the next key of the same
 * list entry (`    limits: …`), two columns right of the dash, where YAML needs it; without this
 * VS Code kept the dash's indentation and the next key left the entry (a YAML error). Only
 * lower-case `- key:` lines match, so a markdown bullet such as `- Aim: …` is left alone. Language
 * configurations are merged per property, so markdown's own brackets and folding stay as they are.
 */
export function registerFrontMatterOnEnter(): vscode.Disposable[] {
  const onEnterRules: vscode.OnEnterRule[] = [{ beforeText: /^\s*- [a-z][a-z0-9_-]*:(?:\s.*)?$/, action: { indentAction: vscode.IndentAction.None, appendText: '  ' } }];
  // Front matter is YAML embedded in markdown: VS Code applies the YAML configuration there. The
  // same rule is right in people.yaml and YAML tenet files (`- id: …` then `  name: …`).
  return ['markdown', 'yaml'].map((language) => vscode.languages.setLanguageConfiguration(language, { onEnterRules }));
}
