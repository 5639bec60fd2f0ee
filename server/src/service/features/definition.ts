import type { DefinitionParams, Location } from 'vscode-languageserver-protocol';
import { findPerson } from '../../core/workspace/people';
import { findDecisionType } from '../../core/authority/authorityMatrix';
import { memoDecisionType } from '../../core/authority/memoAuthority';
import { triggerKey } from '../../core/authority/triggers';
import type { MemoModel } from '../../core/memo/memoModel';
import type { DecisionService } from '../decisionService';
import type { ProjectFolder } from '../projectFolder';
import { authorityRefAt, type AuthorityRef } from './authorityInfo';
import { evidenceFile } from './evidencePaths';
import { symbolUnderCursor } from './symbols';

const FILE_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Go to definition: a tenet id to its definition(s), a memo id to its memo, an evidence path to the
 * file, an owner to `people.yaml`, a `decision-type` to its row of the authority matrix (its `type:`),
 * an `impact` trigger to where the memo's type lists it.
 */
export function definition(svc: DecisionService, params: DefinitionParams): Location[] | null {
  const { target, ref } = symbolUnderCursor(svc, params) ?? {};
  if (!target) return null;
  const { folder } = target;
  const ws = folder.ws;
  if (target.kind === 'memo') {
    const memo = svc.documents.memoModel(target.doc, target.rel);
    const authority = authorityRefAt(memo, params.position);
    if (authority) return authorityDefinition(folder, memo, authority);
  }
  if (!ref) return null;
  switch (ref.kind) {
    case 'tenet':
      return ws.registry.definitions(ref.id).map((t) => ({ uri: folder.uriOf(t.file), range: t.idRange }));
    case 'memo':
      return ws.memos.withId(ref.id).map((m) => ({ uri: folder.uriOf(m.file), range: m.idRange }));
    case 'evidence': {
      const rel = evidenceFile(folder, target.rel, ref.target);
      return rel === undefined ? null : [{ uri: folder.uriOf(rel), range: FILE_START }];
    }
    case 'person': {
      const person = ws.people ? findPerson(ws.people, ref.id) : undefined;
      return person && ws.people ? [{ uri: folder.uriOf(ws.people.file), range: person.range }] : null;
    }
  }
}

function authorityDefinition(folder: ProjectFolder, memo: MemoModel, ref: AuthorityRef): Location[] | null {
  const matrix = folder.ws.authority;
  if (!matrix) return null;
  if (ref.kind === 'decision-type') {
    const type = findDecisionType(matrix, ref.id);
    return type ? [{ uri: folder.uriOf(matrix.file), range: type.idRange }] : null;
  }
  const key = triggerKey(ref.trigger);
  const listed = memoDecisionType(memo, matrix)?.triggers.find((t) => t.value === key);
  return listed ? [{ uri: folder.uriOf(matrix.file), range: listed.range }] : null;
}
