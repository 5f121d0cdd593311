/**
 * Turns an unexpected error into text fit for a log and a dialog. No module puts a secret in an
 * error message on purpose; this is the second net for the one place that prints arbitrary error
 * text, so a token-uuid or a token that slipped into a message is still masked.
 */
import { scrubSecrets } from '../core/scrub.js';

/** The first line of an error's message, scrubbed: for log lines about an expected failure. */
export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return scrubSecrets(text.split('\n', 1)[0] ?? '').slice(0, 500);
}

/** One line: the error's name and the first line of its message, scrubbed. */
export function crashSummary(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : `a non-Error value was thrown: ${String(error)}`;
  const firstLine = text.split('\n', 1)[0] ?? '';
  return scrubSecrets(firstLine).slice(0, 500);
}

/** The full text for the log: the stack when there is one (file positions help), scrubbed. */
export function crashLogText(error: unknown): string {
  if (error instanceof Error && typeof error.stack === 'string') return scrubSecrets(error.stack);
  return crashSummary(error);
}
