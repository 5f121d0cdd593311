/**
 * Failure isolation: an unexpected throw while one connection is handled (a bug, a throwing clock
 * or other injected code) ends that connection only. This names such a failure for the log.
 */

/**
 * The failure's kind and code, e.g. "TypeError" or "Error EPIPE" — never its message: an error's
 * message may quote what it was handling (JSON.parse quotes its input), and a line may hold a password.
 */
export function describeFailure(err: unknown): string {
  if (!(err instanceof Error)) return `a thrown ${err === null ? 'null' : typeof err}`;
  const code = (err as { code?: unknown }).code;
  const kind = typeof code === 'string' ? `${err.name} ${code}` : err.name;
  const safe = kind.replace(/[^A-Za-z0-9_ .-]/g, '?');
  return safe.length > 60 ? `${safe.slice(0, 60)}…` : safe || 'Error';
}
