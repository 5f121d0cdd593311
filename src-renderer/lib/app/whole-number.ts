/** Checks of a number a person types in a form field (the text as typed, not yet a number). */

/** Why `text` is not a whole number from `min` to `max` — "WHAT is at most MAX" — or null when it is. */
export function wholeNumberProblem(text: string, min: number, max: number, what: string): string | null {
  const t = text.trim();
  if (!/^[-+]?\d+$/.test(t)) return `${what} is a whole number`;
  const n = Number(t);
  if (n < min) return `${what} is at least ${min}`;
  if (n > max) return `${what} is at most ${max}`;
  return null;
}
