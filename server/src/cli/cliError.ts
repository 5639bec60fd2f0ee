// Failures the CLI reports in one line on stderr with exit code 2: the tool could not do its job
// (bad arguments, a missing path, a file it refuses to overwrite). Anything else that escapes
// is an internal error, reported the same way.

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_CANNOT_RUN = 2;

export class CliError extends Error {
  override readonly name = 'CliError';
}

/** The one line the user sees for an error: `decision-memos: <message>`. */
export function errorLine(error: unknown): string {
  if (error instanceof CliError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `internal error: ${message.split('\n')[0]}`;
}
