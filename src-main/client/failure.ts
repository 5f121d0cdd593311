/**
 * A login that cannot go on, already explained: the outcome, one line on what happened, what to
 * do, and the short text for the step that failed. Every step throws this and nothing else, so
 * `runLogin` never has to guess what an error meant.
 */
import { adviceSource, type Source } from '../core/sources.js';
import type { LoginOutcome, ServerError } from './types.js';

export class LoginFailure extends Error {
  readonly outcome: Exclude<LoginOutcome, 'accepted'>;
  readonly fix: string;
  /** what the failed step shows; defaults to the message */
  readonly stepDetail: string;
  readonly server: ServerError | undefined;
  /** whose word the fix is; network and TLS advice unless the explanation says otherwise */
  readonly source: Source;

  constructor(
    outcome: Exclude<LoginOutcome, 'accepted'>,
    message: string,
    fix: string,
    extra: { stepDetail?: string; server?: ServerError; source?: Source } = {},
  ) {
    super(message);
    this.name = 'LoginFailure';
    this.outcome = outcome;
    this.fix = fix;
    this.stepDetail = extra.stepDetail ?? message;
    this.server = extra.server;
    this.source = extra.source ?? adviceSource();
  }
}

export function isLoginFailure(e: unknown): e is LoginFailure {
  return e instanceof LoginFailure;
}
