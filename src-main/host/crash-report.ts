/**
 * Turns an unexpected error into text fit for a log and a dialog. No module puts a secret in an
 * error message on purpose; this is the second net for the one place that prints arbitrary error
 * text, so a token-uuid or a token that slipped into a message is still masked.
 */
// uuid.js alone (not the core's index, which pulls in node:crypto): the renderer scrubs with this too.
import { maskTokenUuid } from '../core/uuid.js';

const UUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g;
// The shortest PXZ-1 token body is 35 base64url characters and a bare token-uuid is 32 hex
// digits; ordinary words and file names are shorter.
const LONG_OPAQUE_RUN = /[A-Za-z0-9_-]{32,}/g;

/** Masks anything in `text` that looks like a token-uuid or a token body. */
export function scrubSecrets(text: string): string {
  return text
    .replace(UUID, (uuid) => maskTokenUuid(uuid.toLowerCase()))
    .replace(LONG_OPAQUE_RUN, (run) => `${run.slice(0, 6)}…(${run.length} chars)`);
}

/** The first line of an error's message, scrubbed: for log lines about an expected failure. */
export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return scrubSecrets(text.split('\n', 1)[0] ?? '').slice(0, 500);
}

/** One line: the error's name and the first line of its message, scrubbed. */
export function crashSummary(error: unknown): string {
  const text =
    error instanceof Error ? `${error.name}: ${error.message}` : `a non-Error value was thrown: ${String(error)}`;
  const firstLine = text.split('\n', 1)[0] ?? '';
  return scrubSecrets(firstLine).slice(0, 500);
}

/** The full text for the log: the stack when there is one (file positions help), scrubbed. */
export function crashLogText(error: unknown): string {
  if (error instanceof Error && typeof error.stack === 'string') return scrubSecrets(error.stack);
  return crashSummary(error);
}
