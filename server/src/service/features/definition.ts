import type { DefinitionParams, Location } from 'vscode-languageserver-protocol';
import { findPerson } from '../../core/workspace/people';
import type { DecisionService } from '../decisionService';
import { evidenceFile } from './evidencePaths';
import { symbolUnderCursor } from './symbols';

const FILE_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Go to definition: a tenet id to its definition(s), a memo id to its memo, an evidence path to the file, an owner to `people.yaml`. */
export function definition(svc: DecisionService, params: DefinitionParams): Location[] | null {
  const { target, ref } = symbolUnderCursor(svc, params) ?? {};
  if (!target || !ref) return null;
  const { folder } = target;
  const ws = folder.ws;
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
