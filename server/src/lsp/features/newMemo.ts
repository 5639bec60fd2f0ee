import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { planNewMemo } from '../../core/memo/newMemo';
import type { NewMemoParams, NewMemoResult } from '../../shared/protocol';
import type { ServerContext } from '../context';
import { todayString } from '../folders';
import { fileUri } from '../uris';

/** `decisionMemos/newMemo`: the next free id, the path and the starting text of a new memo in a folder. */
export async function newMemo(ctx: ServerContext, params: NewMemoParams): Promise<NewMemoResult> {
  const title = typeof params?.title === 'string' ? params.title.trim() : '';
  if (!title) throw new ResponseError(ErrorCodes.InvalidParams, 'A new memo needs a title.');
  const folder = typeof params.folder === 'string' ? ctx.folders.existingFolderFor(params.folder) : undefined;
  if (!folder) throw new ResponseError(ErrorCodes.InvalidParams, `${String(params.folder)} is not a workspace folder the server knows.`);
  // The next free id depends on every memo: wait for the index rather than guess from part of it.
  await folder.whenIndexed();
  const plan = planNewMemo(folder.ws, title, { status: typeof params.status === 'string' ? params.status : undefined, today: todayString() });
  return { uri: fileUri(folder.absolute(plan.path)), content: plan.content };
}
