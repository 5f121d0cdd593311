/**
 * How the workbench refuses: a typed failure in words (code, message, hint) that every door turns
 * into its own answer — register() into `{ok:false}`, the CLI into one line. It lives here, beneath
 * the doors, so the workbench and the labs can refuse without importing a door.
 */
import { MockCsOptionsError } from '../mockcs/index.js';

/**
 * A handler that wants to answer a typed failure throws this; register() turns it into `{ok:false}`.
 * It never crosses the bridge as an exception.
 */
export class HandlerError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'HandlerError';
  }
}

/**
 * A mock CS failure in words, with the code the renderer can act on. The mock CS words its own
 * failures as plain Errors (or MockCsOptionsError); anything else is a bug and stays as it is, so
 * register() answers INTERNAL instead of showing a programming error to the person.
 */
export function mockCsFailure(err: unknown): unknown {
  if (err instanceof HandlerError) return err;
  if (!(err instanceof Error) || (err.constructor !== Error && !(err instanceof MockCsOptionsError))) return err;
  if (err instanceof MockCsOptionsError) return new HandlerError('BAD_OPTIONS', err.message, 'Correct it and try again; nothing was changed.');
  const cause = err instanceof Error ? (err.cause as NodeJS.ErrnoException | undefined) : undefined;
  switch (cause?.code) {
    case 'EADDRINUSE':
      return new HandlerError('PORT_IN_USE', firstLine(err), 'Pick another port (0 picks a free one), or stop the program using it.');
    case 'EACCES':
    case 'EPERM':
      return new HandlerError('PORT_NOT_ALLOWED', firstLine(err), 'Use a port from 1024 up.');
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new HandlerError('ADDRESS_NOT_AVAILABLE', firstLine(err), "Listen on 127.0.0.1 or one of this machine's addresses.");
  }
  return new HandlerError('MOCKCS_FAILED', firstLine(err), 'Check the data folder is writable, then try again.');
}

/** The first line of an error's message: the domain modules word them for people, without stacks. */
export function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return (text.split('\n')[0] ?? '').slice(0, 500) || 'unknown error';
}

export function closing(): HandlerError {
  return new HandlerError('SHUTTING_DOWN', 'GAX Token Lab is closing', 'Start it again.');
}
