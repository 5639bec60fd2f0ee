import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { describeError, ServiceError } from '../service/decisionService';

/** Runs a handler; a deliberate `ResponseError` goes through, anything else is logged and handed to `onError`. */
function guarded<P extends unknown[], R>(
  name: string,
  log: (message: string) => void,
  handler: (...args: P) => R | Promise<R>,
  onError: (error: unknown) => R,
): (...args: P) => Promise<R> {
  return async (...args: P) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      // A deliberate refusal from the language service: the client shows its message.
      if (error instanceof ServiceError) throw new ResponseError(error.kind === 'invalid-params' ? ErrorCodes.InvalidParams : ErrorCodes.InvalidRequest, error.message);
      log(`${name} failed: ${describeError(error)}`);
      return onError(error);
    }
  };
}

/**
 * Wraps a handler so that nothing it throws (or rejects with) escapes: the error is logged and
 * the request answered with `fallback`. A `ResponseError` is the handler's deliberate answer
 * (e.g. "not a valid tenet id") and goes through to the client.
 */
export function safe<P extends unknown[], R>(
  name: string,
  log: (message: string) => void,
  handler: (...args: P) => R | Promise<R>,
  fallback: R,
): (...args: P) => Promise<R> {
  return guarded(name, log, handler, () => fallback);
}

/**
 * Like `safe`, for requests that have no meaningful empty answer (a custom request whose caller
 * needs a result): the error is logged and answered as an error response, never a crash.
 */
export function safeRequest<P extends unknown[], R>(name: string, log: (message: string) => void, handler: (...args: P) => R | Promise<R>): (...args: P) => Promise<R> {
  return guarded(name, log, handler, (error) => {
    throw new ResponseError(ErrorCodes.InternalError, `${name} failed: ${error instanceof Error ? error.message : String(error)}`);
  });
}
