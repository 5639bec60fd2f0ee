import * as vscode from 'vscode';
import type { AuditMemo, ReviewItem, TenetUsage } from '../../server/src/shared/audit/report';
import type { AuditResult, FileProblems, ProblemsResult } from '../../server/src/shared/protocol';
import { problemText } from './problems';
import type { AuditReports } from './auditReports';
import { openAuditEntry } from './openAuditEntry';
import { MEMO_STATUSES, TENET_LAYERS } from '../../server/src/shared/vocabulary';

const DECISIONS_VIEW_ID = 'decisionMemos.decisions';
/** Internal (not in the palette): opens a memo or a tenet the view lists. Arguments: folder URI, file, tenet id. */
const OPEN_ENTRY_COMMAND = 'decisionMemos.openDecisionsEntry';

const STATUS_ORDER = [...MEMO_STATUSES, 'unknown'] as const;
const LAYER_ORDER = [...TENET_LAYERS, 'unknown'] as const;

/** A node of the Decisions view. Every node below a folder carries the folder and the report it came from. */
export type DecisionNode =
  | { kind: 'folder'; folder: vscode.WorkspaceFolder }
  | { kind: 'memos' | 'tenets' | 'reviews'; folder: vscode.WorkspaceFolder; report: AuditResult }
  | { kind: 'review'; folder: vscode.WorkspaceFolder; review: ReviewItem; overdue: boolean }
  | { kind: 'status'; folder: vscode.WorkspaceFolder; status: string; memos: AuditMemo[] }
  | { kind: 'layer'; folder: vscode.WorkspaceFolder; layer: string; tenets: TenetUsage[] }
  | { kind: 'memo'; folder: vscode.WorkspaceFolder; memo: AuditMemo; problems?: FileProblems }
  | { kind: 'tenet'; folder: vscode.WorkspaceFolder; tenet: TenetUsage }
  | { kind: 'message'; folder: vscode.WorkspaceFolder; text: string };

/**
 * The "Decisions" view in the Explorer: memos by status and tenets by layer with their citation
 * counts, from the same audit report as the Tenet Usage panel (one request serves both). With
 * several workspace folders, each folder is a top node.
 */
export class DecisionsTreeProvider implements vscode.TreeDataProvider<DecisionNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<DecisionNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly reports: AuditReports,
    /** The files with problems of a folder; memos carry their count as a badge. */
    private readonly problems: (folder: vscode.Uri) => Promise<ProblemsResult>,
  ) {
    this.subscriptions = [reports.onDidChange(() => this.changed.fire(undefined)), this.changed];
  }

  async getChildren(node?: DecisionNode): Promise<DecisionNode[]> {
    if (!node) {
      const folders = vscode.workspace.workspaceFolders ?? [];
      if (folders.length === 1) return this.folderGroups(folders[0]!);
      return folders.map((folder) => ({ kind: 'folder', folder }));
    }
    const folder = node.folder;
    switch (node.kind) {
      case 'folder':
        return this.folderGroups(folder);
      case 'memos':
        return STATUS_ORDER.map((status) => ({ kind: 'status' as const, folder, status, memos: node.report.memoList.filter((m) => (m.status ?? 'unknown') === status) })).filter((g) => g.memos.length > 0);
      case 'tenets':
        return LAYER_ORDER.map((layer) => ({ kind: 'layer' as const, folder, layer, tenets: node.report.tenets.filter((t) => t.layer === layer) })).filter((g) => g.tenets.length > 0);
      case 'reviews':
        return [
          ...node.report.reviews.overdue.map((review) => ({ kind: 'review' as const, folder, review, overdue: true })),
          ...node.report.reviews.dueSoon.map((review) => ({ kind: 'review' as const, folder, review, overdue: false })),
        ];
      case 'status': {
        const byFile = await this.problemsByFile(folder);
        return node.memos.map((memo) => ({ kind: 'memo', folder, memo, ...(byFile.has(memo.file) ? { problems: byFile.get(memo.file)! } : {}) }));
      }
      case 'layer':
        // The report lists tenets most cited first; within a layer that order is kept.
        return node.tenets.map((tenet) => ({ kind: 'tenet', folder, tenet }));
      default:
        return [];
    }
  }

  getTreeItem(node: DecisionNode): vscode.TreeItem {
    const key = node.folder.uri.toString();
    switch (node.kind) {
      case 'folder':
        return item(node.folder.name, vscode.TreeItemCollapsibleState.Expanded, { id: `${key}`, iconPath: vscode.ThemeIcon.Folder });
      case 'memos':
        return item('Memos', expandable(node.report.memoList.length), { id: `${key}#memos`, description: String(node.report.memoList.length), iconPath: new vscode.ThemeIcon('notebook') });
      case 'tenets':
        return item('Tenets', expandable(node.report.tenets.length), { id: `${key}#tenets`, description: String(node.report.tenets.length), iconPath: new vscode.ThemeIcon('law') });
      case 'reviews': {
        const { overdue, dueSoon } = node.report.reviews;
        return item('Reviews', vscode.TreeItemCollapsibleState.Expanded, {
          id: `${key}#reviews`,
          description: [overdue.length > 0 ? `${overdue.length} overdue` : '', dueSoon.length > 0 ? `${dueSoon.length} due in 30 days` : ''].filter(Boolean).join(', '),
          iconPath: new vscode.ThemeIcon('calendar'),
        });
      }
      case 'review': {
        const r = node.review;
        return item(r.file, vscode.TreeItemCollapsibleState.None, {
          id: `${key}#review:${r.file}:${r.due}:${r.source}`,
          description: `${node.overdue ? 'overdue since' : 'due'} ${r.due} · ${r.source}${r.owners.length > 0 ? ` · ${r.owners.join(', ')}` : ''}`,
          tooltip: `${r.file}\n${r.source} ${node.overdue ? 'was due' : 'is due'} ${r.due}${r.owners.length > 0 ? `\nOwners: ${r.owners.join(', ')}` : ''}`,
          iconPath: node.overdue ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')) : new vscode.ThemeIcon('calendar'),
          command: { command: OPEN_ENTRY_COMMAND, title: 'Open Memo', arguments: [node.folder.uri, r.file] },
        });
      }
      case 'status':
        return item(node.status, vscode.TreeItemCollapsibleState.Collapsed, { id: `${key}#status:${node.status}`, description: String(node.memos.length) });
      case 'layer':
        return item(capitalise(node.layer), vscode.TreeItemCollapsibleState.Collapsed, { id: `${key}#layer:${node.layer}`, description: String(node.tenets.length) });
      case 'memo': {
        const m = node.memo;
        return item(m.title ? `${m.id}: ${m.title}` : m.id, vscode.TreeItemCollapsibleState.None, {
          id: `${key}#memo:${m.file}`,
          description: [node.problems ? problemText(node.problems) : '', m.date ?? ''].filter(Boolean).join(' · '),
          tooltip: `${m.file}\n${m.status ?? 'no status'}${m.date ? ` · ${m.date}` : ''}${node.problems ? `\n${problemText(node.problems)}` : ''}`,
          iconPath: problemIcon(node.problems),
          contextValue: 'decisionMemos.memo',
          command: { command: OPEN_ENTRY_COMMAND, title: 'Open Memo', arguments: [node.folder.uri, m.file] },
        });
      }
      case 'tenet': {
        const t = node.tenet;
        return item(t.id, vscode.TreeItemCollapsibleState.None, {
          description: citationText(t),
          tooltip: tenetTooltip(t),
          iconPath: new vscode.ThemeIcon(t.status === 'retired' ? 'archive' : 'law'),
          contextValue: 'decisionMemos.tenet',
          command: { command: OPEN_ENTRY_COMMAND, title: 'Open Tenet', arguments: [node.folder.uri, t.file, t.id] },
        });
      }
      case 'message':
        return item(node.text, vscode.TreeItemCollapsibleState.None, { iconPath: new vscode.ThemeIcon('warning') });
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }

  private async problemsByFile(folder: vscode.WorkspaceFolder): Promise<Map<string, FileProblems>> {
    try {
      return new Map((await this.problems(folder.uri)).files.map((f) => [f.file, f]));
    } catch {
      // Without counts the view still lists the memos.
      return new Map();
    }
  }

  private async folderGroups(folder: vscode.WorkspaceFolder): Promise<DecisionNode[]> {
    try {
      const report = await this.reports.get(folder.uri);
      // Reviews come first and only when one is due: they are what needs doing this month.
      const reviews: DecisionNode[] = report.reviews.overdue.length + report.reviews.dueSoon.length > 0 ? [{ kind: 'reviews', folder, report }] : [];
      return [...reviews, { kind: 'memos', folder, report }, { kind: 'tenets', folder, report }];
    } catch (error) {
      return [{ kind: 'message', folder, text: `No report: ${error instanceof Error ? error.message : String(error)}` }];
    }
  }
}

/** Registers the view and the command its items run. */
export function registerDecisionsView(provider: DecisionsTreeProvider): vscode.Disposable[] {
  return [
    vscode.window.createTreeView(DECISIONS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true }),
    vscode.commands.registerCommand(OPEN_ENTRY_COMMAND, async (folder: vscode.Uri, file: string, tenet?: string) => {
      try {
        await openAuditEntry({ folder, file, tenet }, undefined);
      } catch (error) {
        void vscode.window.showErrorMessage(`Decision Memos: could not open ${file} (${error instanceof Error ? error.message : String(error)}).`);
      }
    }),
  ];
}

/** A memo's icon: the error or warning icon (in its theme colour) when it has problems. */
function problemIcon(problems: FileProblems | undefined): vscode.ThemeIcon {
  if (!problems) return new vscode.ThemeIcon('file-text');
  return problems.errors > 0 ? new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')) : new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
}

function item(label: string, state: vscode.TreeItemCollapsibleState, props: Partial<vscode.TreeItem>): vscode.TreeItem {
  return Object.assign(new vscode.TreeItem(label, state), props);
}

function expandable(count: number): vscode.TreeItemCollapsibleState {
  return count > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None;
}

function citationText(t: TenetUsage): string {
  const count = t.citations === 0 ? 'uncited' : `${t.citations} citation${t.citations === 1 ? '' : 's'}`;
  return t.status === 'retired' ? `${count} · retired` : count;
}

function tenetTooltip(t: TenetUsage): string {
  const lines = [t.title ? `${t.id}: ${t.title}` : t.id, `${t.layer} tenet in ${t.file}`];
  if (t.memos.length > 0) lines.push(`Cited by ${t.memos.join(', ')}`);
  if (t.conflicts.length > 0) lines.push(`Judged ✗ by ${t.conflicts.join(', ')}`);
  return lines.join('\n');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
