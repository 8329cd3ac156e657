// The three kinds of failure mot knows: a user's mistake (with a hint), an exit with a code, and
// everything else, which is a bug.

/** Bad input from the user: a bad option, a bad answer, a bad bank. Exit 1 unless said otherwise. */
export class UserError extends Error {
  override name = 'UserError';
  constructor(
    message: string,
    readonly hint?: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** A usage error: an unknown option, a bad value, a scripted answer that does not fit. Exit 2. */
export class UsageError extends UserError {
  override name = 'UsageError';
  constructor(message: string, hint?: string) {
    super(message, hint, 2);
  }
}

/** Ends the command with this code after its message, as Ctrl-C does with 130. */
export class ExitError extends Error {
  override name = 'ExitError';
  constructor(
    readonly exitCode: number,
    message = '',
  ) {
    super(message);
  }
}

/**
 * A wait cut short by SIGTERM, SIGHUP or SIGINT (see signals.ts): the scripted answerer's
 * counterpart of an aborted prompt, so a session handles both alike.
 */
export class StoppedError extends Error {
  override name = 'StoppedError';
  constructor(readonly signal: string) {
    super(`stopped by ${signal}`);
  }
}

/** Ctrl-C at a prompt, a prompt aborted by a stop signal, or a scripted wait stopped by one. */
export function isPromptExit(err: unknown): boolean {
  return err instanceof StoppedError || (err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError'));
}
