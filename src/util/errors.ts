/**
 * An error the user can act on: the CLI prints its message on one line and exits 1, without a
 * stack trace. Anything else that escapes is a bug in calico-gen.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly location?: { file?: string; cluster?: string },
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * What the user reads about an error, on one line: a UserError's message as it is; anything else
 * is a calico-gen bug, said so, with the way to its stack trace unless it is being printed.
 */
export function oneLineError(error: unknown, debug: boolean): string {
  const message = describeError(error).split('\n')[0]!;
  if (error instanceof UserError) return message;
  return `internal error: ${message}${debug ? '' : ' (run again with --debug for the stack trace)'}`;
}
