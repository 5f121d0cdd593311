/**
 * The two Error answers a loaded server writes most, encoded straight into the output as bytes:
 * a teaching refusal whose words repeat (same code, same user: message and hint encoded once), and
 * realistic mode's AUTH_FAILED. Byte for byte what errorLine() writes for the same answer (the
 * tests hold them to it); every other answer goes through errorLine().
 */
import { AUTH_FAILURES, errorLine, REALISTIC_AUTH_MESSAGE, rejectionAnswer, tooManyAttemptsAnswer } from './answers.js';
import type { RegisterRejected } from './authenticate.js';
import type { MockCsOptions } from './options.js';
import type { ByteSink } from './output.js';
import type { CsMockErrorCode, ErrorDetail } from './protocol.js';
import type { EncodedWords } from './refusal-words.js';

export { encodeTeachingWords, type EncodedWords } from './refusal-words.js';

const ERROR_START = Buffer.from('{"type":"Error","requestId":');
const VALID_FROM = Buffer.from(',"validFrom":');
const VALID_UNTIL = Buffer.from(',"validUntil":');
const TOKEN_EXP = Buffer.from(',"tokenExp":');
const AUTH_FAILED_END = Buffer.from(`,"code":"AUTH_FAILED","message":${JSON.stringify(REALISTIC_AUTH_MESSAGE)}}\n`);

/**
 * Writes the answer to a refused RegisterClient and returns the code sent: the refusal's own code
 * (AUTH_FAILED in realistic mode), or TOO_MANY_ATTEMPTS when `failures` reached maxFailedAttempts.
 */
export function writeRefusal(out: ByteSink, options: MockCsOptions, requestId: number, failures: number, r: RegisterRejected): CsMockErrorCode {
  if (failures >= options.maxFailedAttempts) {
    const answer = tooManyAttemptsAnswer(options, requestId, failures, r);
    out.text(errorLine(answer));
    out.endLine();
    return answer.code;
  }
  if (options.diagnostics === 'realistic' && AUTH_FAILURES.has(r.code)) {
    writeAuthFailed(out, requestId);
    return 'AUTH_FAILED';
  }
  if (options.diagnostics === 'teaching' && r.words !== undefined) writeTeachingRefusal(out, requestId, r.detail, r.words);
  else {
    out.text(errorLine(rejectionAnswer(options, requestId, r)));
    out.endLine();
  }
  return r.code;
}

/** A teaching Error whose message and hint are `words` (the detail's own hint is not read, and it has no lastCode). */
export function writeTeachingRefusal(out: ByteSink, requestId: number, detail: ErrorDetail, words: EncodedWords): void {
  out.bytes(ERROR_START);
  out.number(requestId);
  out.bytes(words.head);
  out.number(detail.serverTime);
  if (detail.validFrom !== undefined) {
    out.bytes(VALID_FROM);
    out.number(detail.validFrom);
  }
  if (detail.validUntil !== undefined) {
    out.bytes(VALID_UNTIL);
    out.number(detail.validUntil);
  }
  if (detail.tokenExp !== undefined) {
    out.bytes(TOKEN_EXP);
    out.number(detail.tokenExp);
  }
  out.bytes(words.tail);
  out.endLine();
}

/** Realistic mode's answer to any authentication failure. */
export function writeAuthFailed(out: ByteSink, requestId: number): void {
  out.bytes(ERROR_START);
  out.number(requestId);
  out.bytes(AUTH_FAILED_END);
  out.endLine();
}
