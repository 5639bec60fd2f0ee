import { SymbolKind, SymbolTag, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver-protocol';
import type { MemoModel } from '../../core/memo/memoModel';
import type { TenetFile } from '../../core/tenets/tenetModel';
import type { Range } from '../../core/types';
import type { DecisionService } from '../decisionService';
import { structureSymbols } from './methodStructures';

/** The outline: a memo's front matter fields and its sections as a tree (with the parts and rows of the method's structures); a tenet file's tenets. */
export function documentSymbols(svc: DecisionService, params: DocumentSymbolParams): DocumentSymbol[] {
  const target = svc.target(params.textDocument.uri);
  if (!target) return [];
  if (target.kind === 'memo') return memoSymbols(svc.documents.memoModel(target.doc, target.rel));
  if (target.kind === 'tenet') return tenetSymbols(svc.documents.tenetFile(target.doc, target.rel));
  return [];
}

function memoSymbols(memo: MemoModel): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const fm = memo.frontMatter;
  if (fm) {
    const children = (fm.map?.entries ?? []).map((e) => ({
      name: e.key,
      kind: SymbolKind.Property,
      range: e.range,
      selectionRange: e.keyRange,
    }));
    out.push({ name: 'Front matter', kind: SymbolKind.Namespace, range: fm.range, selectionRange: memo.lines.lineRange(0), children });
  }
  // Sections nest by heading depth: each one goes under the nearest open section of a lower depth.
  const stack: Array<{ depth: number; symbol: DocumentSymbol }> = [];
  // An alignment sheet, scorecard or evidence log section lists its parts and rows first.
  const structures = structureSymbols(memo);
  for (const s of memo.sections) {
    const symbol: DocumentSymbol = { name: s.title || '(untitled section)', kind: SymbolKind.String, range: s.range, selectionRange: s.headingRange, children: [...(structures.get(s.headingRange.start.line) ?? [])] };
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= s.depth) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.symbol.children!.push(symbol);
    else out.push(symbol);
    stack.push({ depth: s.depth, symbol });
  }
  return out;
}

function tenetSymbols(file: TenetFile): DocumentSymbol[] {
  return file.tenets.map((t) => {
    const range = cover(t.range, t.statementRange, t.idRange);
    return {
      name: t.id,
      detail: [t.layer?.value, t.title].filter(Boolean).join(' · ') || undefined,
      kind: SymbolKind.Constant,
      range,
      selectionRange: t.idRange,
      ...(t.status === 'retired' ? { tags: [SymbolTag.Deprecated] } : {}),
    };
  });
}

/** The smallest range holding all of them (the selection range must lie inside the range). */
function cover(...ranges: Range[]): Range {
  const key = (p: Range['start']) => p.line * 1e7 + p.character;
  let start = ranges[0]!.start;
  let end = ranges[0]!.end;
  for (const r of ranges) {
    if (key(r.start) < key(start)) start = r.start;
    if (key(r.end) > key(end)) end = r.end;
  }
  return { start, end };
}
