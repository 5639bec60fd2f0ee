import type { DocumentLink, DocumentLinkParams } from 'vscode-languageserver-protocol';
import type { DecisionService } from '../decisionService';
import { idRangeWithin } from '../positions';
import { evidenceFile } from './evidencePaths';

/** Links in a memo: evidence paths to their files, evidence URLs, and `[[ID]]` to the tenet's definition. */
export function documentLinks(svc: DecisionService, params: DocumentLinkParams): DocumentLink[] {
  const target = svc.target(params.textDocument.uri);
  if (!target || target.kind !== 'memo') return [];
  const { folder } = target;
  const memo = svc.documents.memoModel(target.doc, target.rel);
  const links: DocumentLink[] = [];
  for (const e of memo.evidence) {
    if (!e.target || e.malformed) continue;
    if (e.kind === 'url') {
      if (/^https?:\/\//i.test(e.target)) links.push({ range: idRangeWithin(memo.lines, e.targetRange, e.target), target: e.target });
      continue;
    }
    const rel = evidenceFile(folder, memo.file, e.target);
    if (rel !== undefined) links.push({ range: idRangeWithin(memo.lines, e.targetRange, e.target), target: folder.uriOf(rel), tooltip: `Open ${rel}` });
  }
  for (const c of memo.citations) {
    if (c.source !== 'inline') continue;
    const def = folder.ws.registry.get(c.id);
    if (!def) continue;
    // `#L<line>,<column>` is how editors address a position in a file link (1-based).
    const at = `#L${def.idRange.start.line + 1},${def.idRange.start.character + 1}`;
    links.push({ range: idRangeWithin(memo.lines, c.range, c.id), target: folder.uriOf(def.file) + at, tooltip: `Go to tenet ${c.id}` });
  }
  return links;
}
