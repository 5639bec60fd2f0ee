// Tasks of type `decision-memos` (package.json `taskDefinitions`): `check` or `fix` run by the
// CLI bundled with the extension, so a workspace needs nothing installed. The output is the
// stylish format, which the `$decision-memos` problem matcher reads into the Problems view.
import * as vscode from 'vscode';

const TASK_TYPE = 'decision-memos';

interface DecisionMemosTaskDefinition extends vscode.TaskDefinition {
  command?: 'check' | 'fix';
  /** Folders or files, relative to the workspace folder (default: the folder). */
  paths?: string[];
  /** More options for the command line, after the paths (`--changed`, `--max-warnings 0`, …). */
  args?: string[];
}

/** Provides a check and a fix task per workspace folder, and runs tasks.json entries of the type. */
export function registerTaskProvider(context: vscode.ExtensionContext): vscode.Disposable {
  const cli = context.asAbsolutePath('dist/cli.js');
  return vscode.tasks.registerTaskProvider(TASK_TYPE, {
    provideTasks: () =>
      (vscode.workspace.workspaceFolders ?? []).flatMap((folder) => (['check', 'fix'] as const).map((command) => taskFor({ type: TASK_TYPE, command }, folder, cli))),
    resolveTask: (task) => {
      const folder = task.scope !== undefined && typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
      return folder ? taskFor(task.definition as DecisionMemosTaskDefinition, folder, cli) : undefined;
    },
  });
}

function taskFor(definition: DecisionMemosTaskDefinition, folder: vscode.WorkspaceFolder, cli: string): vscode.Task {
  const command = definition.command ?? 'check';
  // The extension host's own runtime runs the bundled CLI: Electron acts as Node with this variable.
  const execution = new vscode.ProcessExecution(process.execPath, [cli, command, '--no-color', ...(definition.paths ?? []), ...(definition.args ?? [])], {
    cwd: folder.uri.fsPath,
    env: { ELECTRON_RUN_AS_NODE: '1' },
  });
  const task = new vscode.Task(definition, folder, command, 'decision-memos', execution, '$decision-memos');
  task.group = vscode.TaskGroup.Test;
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, clear: true };
  return task;
}
