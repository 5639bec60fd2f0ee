import { planNewMemo } from '../../core/memo/newMemo';
import type { NewMemoParams, NewMemoResult } from '../../shared/protocol';
import { ServiceError, type DecisionService } from '../decisionService';
import { fileUri } from '../uris';

/** `decisionMemos/newMemo`: the next free id, the path and the starting text of a new memo in a folder. */
export async function newMemo(svc: DecisionService, params: NewMemoParams): Promise<NewMemoResult> {
  const title = typeof params?.title === 'string' ? params.title.trim() : '';
  if (!title) throw new ServiceError('invalid-params', 'A new memo needs a title.');
  const folder = typeof params.folder === 'string' ? svc.folders.existingFolderFor(params.folder) : undefined;
  if (!folder) throw new ServiceError('invalid-params', `${String(params.folder)} is not a workspace folder the server knows.`);
  // The next free id depends on every memo: wait for the index rather than guess from part of it.
  await folder.whenIndexed();
  const plan = planNewMemo(folder.ws, title, { status: typeof params.status === 'string' ? params.status : undefined, today: svc.host.today() });
  return { uri: fileUri(folder.absolute(plan.path)), content: plan.content };
}
