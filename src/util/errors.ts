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
