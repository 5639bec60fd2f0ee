import { checkMemo, checkTenetFile, effectiveSeverity, loadDiagnostics, type CheckOptions, type SeverityOverrides } from '../core/check/checker';
import { CONFIG_FILE } from '../core/workspace/config';
import type { MemoModel } from '../core/memo/memoModel';
import { parseMemo } from '../core/memo/memoParser';
import type { TenetFile } from '../core/tenets/tenetModel';
import { parseTenetFile } from '../core/tenets/tenetParser';
import type { Diagnostic } from '../core/types';
import { describeReadFailure } from '../core/workspace/workspace';
import type { ReadResult } from '../core/workspace/workspaceFs';
import { fileUnreadable } from '../rules/load-rules';
import { ALL_RULES } from '../rules/registry';
import { todayString, type Folder } from './folders';
import { checkOpenText } from './overlayFs';

// What a file's diagnostics are, and what checking it changed for the rest of the folder. Pure
// apart from updating the folder's index and registry; publishing is the caller's business.

/** Work a check leaves for the other files of the folder. */
export interface CheckEffects {
  /** Tenets, people or config changed: every memo and tenet file may read differently. */
  all: boolean;
  /** The config changed: the memo and tenet globs may differ, so the folder is indexed again. */
  reindex: boolean;
  /** Other files whose cross-file diagnostics may differ. */
  files: string[];
  /** The citations a memo makes changed (the "cited by" lenses are stale). */
  citationsChanged: boolean;
}

export interface CheckOutcome {
  diagnostics: Diagnostic[];
  effects: CheckEffects;
}

const NO_EFFECTS: CheckEffects = { all: false, reindex: false, files: [], citationsChanged: false };

/** Parsers for an open document's text (the document cache's, so requests reuse the same models). */
export interface OpenDocumentModels {
  memo: () => MemoModel;
  tenetFile: () => TenetFile;
}

/** Checks an open document from its (possibly unsaved) text. */
export function checkOpenDocument(folder: Folder, rel: string, text: string, options: CheckOptions, models?: OpenDocumentModels): CheckOutcome {
  const ws = folder.ws;
  ws.today = todayString();
  switch (folder.kindOf(rel)) {
    case 'memo': {
      const read = checkOpenText(text);
      if (!read.ok) return { diagnostics: unreadable(folder, rel, read, options.overrides), effects: NO_EFFECTS };
      const memo = models ? models.memo() : parseMemo(rel, read.text);
      const change = folder.recordMemo(memo);
      const diagnostics = checkMemo(memo, ALL_RULES, ws.context(), options);
      return { diagnostics, effects: { ...NO_EFFECTS, files: change.affected, citationsChanged: change.citationsChanged } };
    }
    case 'tenet': {
      const read = checkOpenText(text);
      if (!read.ok) return { diagnostics: unreadable(folder, rel, read, options.overrides), effects: NO_EFFECTS };
      const tenetFile = models ? models.tenetFile() : parseTenetFile(rel, read.text);
      const changed = ws.registry.getFile(rel)?.text !== tenetFile.text;
      if (changed) ws.registry.setFile(tenetFile);
      const diagnostics = checkTenetFile(ws.registry.getFile(rel) ?? tenetFile, ALL_RULES, ws.context(), options);
      return { diagnostics, effects: { ...NO_EFFECTS, all: changed } };
    }
    case 'config': {
      const changed = folder.settingsTextChanged(CONFIG_FILE, text);
      if (changed) folder.loadSettings();
      return { diagnostics: settingsFileDiagnostics(folder, CONFIG_FILE, options), effects: { ...NO_EFFECTS, all: changed, reindex: changed } };
    }
    case 'people': {
      const changed = folder.settingsTextChanged(rel, text);
      if (changed) folder.reloadPeople();
      return { diagnostics: settingsFileDiagnostics(folder, rel, options), effects: { ...NO_EFFECTS, all: changed } };
    }
    default:
      return { diagnostics: [], effects: NO_EFFECTS };
  }
}

/** Checks a file that is not open, from disk (re-indexing it on the way). */
export function checkClosedFile(folder: Folder, rel: string, options: CheckOptions): Diagnostic[] {
  const ws = folder.ws;
  switch (folder.kindOf(rel)) {
    case 'memo': {
      const memo = ws.readMemo(rel);
      if (!memo) {
        if (!ws.unreadable.has(rel)) folder.forgetFile(rel);
        return settingsFileDiagnostics(folder, rel, options);
      }
      folder.recordMemo(memo);
      return checkMemo(memo, ALL_RULES, ws.context(), options);
    }
    case 'tenet': {
      const file = ws.registry.getFile(rel);
      const own = file ? checkTenetFile(file, ALL_RULES, ws.context(), options) : [];
      return [...own, ...settingsFileDiagnostics(folder, rel, options)];
    }
    case 'config':
    case 'people':
      return settingsFileDiagnostics(folder, rel, options);
    default:
      return [];
  }
}

/** Load problems (config, people, unreadable files) that belong to one file, severities resolved. */
export function settingsFileDiagnostics(folder: Folder, rel: string, options: CheckOptions): Diagnostic[] {
  return loadDiagnostics(folder.ws, ALL_RULES, options).filter((d) => d.file === rel);
}

function unreadable(folder: Folder, rel: string, read: Extract<ReadResult, { ok: false }>, overrides: SeverityOverrides | undefined): Diagnostic[] {
  const severity = effectiveSeverity(fileUnreadable, folder.ws.context(), overrides);
  if (severity === 'off') return [];
  return [{ rule: fileUnreadable.id, severity, file: rel, message: describeReadFailure(read), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }];
}
