import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/shared/protocol';
import { SHOW_PROBLEMS_COMMAND } from './problems';
import { describeStatus } from './statusText';

/** The status bar item: indexing progress, then the workspace's problem count; a click lists where the problems are. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('decisionMemos.status', vscode.StatusBarAlignment.Left, 0);

  constructor() {
    this.item.name = 'Decision Memos';
    this.item.command = SHOW_PROBLEMS_COMMAND;
  }

  /** Shows the state the server reported. */
  show(status: StatusParams): void {
    const presentation = describeStatus(status);
    this.item.text = presentation.text;
    this.item.tooltip = presentation.tooltip;
    this.item.show();
  }

  /** Shown between activation (or a restart) and the server's first status. */
  showStarting(): void {
    this.item.text = '$(sync~spin) Decision Memos';
    this.item.tooltip = 'Decision Memos: starting the checker';
    this.item.show();
  }

  showFailed(): void {
    this.item.text = '$(error) Decision Memos';
    this.item.tooltip = 'Decision Memos: the checker did not start; see the "Decision Memos" output';
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
