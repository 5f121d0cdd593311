/**
 * Which known option an unknown name most likely meant: `token-preamble` → `token-preambula`,
 * `token_ttl` → `token-ttl`, `confserv-trusted` → `confserv_trusted`.
 *
 * Real exports hold many options this tool does not know ([confserv], [log], [hca], and dozens in
 * [system] and GAX [general]); only names very close to a token option are suggested, so that an
 * ordinary option is never reported as a typo.
 */
import { OPTION_DEFINITIONS, findOption, type OptionDefinition } from './catalog.js';

export type SuggestionBasis = 'case-or-separators' | 'spelling' | 'extra-or-missing-words';

export interface NameSuggestion {
  definition: OptionDefinition;
  basis: SuggestionBasis;
}

/** Lower case, and `-`, `_`, `.` and spaces all read as one `-`: the shape a name has once its spelling is set aside. */
export function normaliseOptionName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[-_.\s]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number) => d[i]?.[j] ?? Infinity;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(rows - 1, cols - 1);
}

/**
 * How many edits still count as a typo of a name this long: one in a short name such as
 * `token-ttl` (so `token-id` is not taken for it), two in a middling one (`token-preamble`,
 * `token-id` for `token-uuid`), three in the longest (`token-authentification-mode`).
 */
function typoBudget(length: number): number {
  if (length < 10) return 1;
  if (length < 20) return 2;
  return 3;
}

/**
 * Below this many characters a name is too generic to be read as a token option with words added or
 * missing (`token` alone, `confserv`); `token-ttl` is the shortest known name.
 */
const MIN_WORDS_MATCH_LENGTH = 9;

/** The known option `name` most likely meant, or null (also for a known name, which needs no suggestion). */
export function suggestOptionName(name: string): NameSuggestion | null {
  if (findOption(name)) return null;
  const n = normaliseOptionName(name);
  if (n.length === 0) return null;
  for (const definition of OPTION_DEFINITIONS)
    if (normaliseOptionName(definition.name) === n) return { definition, basis: 'case-or-separators' };

  let best: { definition: OptionDefinition; distance: number } | null = null;
  for (const definition of OPTION_DEFINITIONS) {
    const known = normaliseOptionName(definition.name);
    const distance = editDistance(n, known);
    if (distance <= typoBudget(known.length) && (!best || distance < best.distance)) best = { definition, distance };
  }
  if (best) return { definition: best.definition, basis: 'spelling' };

  for (const definition of OPTION_DEFINITIONS) {
    const known = normaliseOptionName(definition.name);
    const [shorter, longer] = n.length < known.length ? [n, known] : [known, n];
    if (shorter.length >= MIN_WORDS_MATCH_LENGTH && longer.startsWith(`${shorter}-`))
      return { definition, basis: 'extra-or-missing-words' };
  }
  return null;
}

/** Names that look like an attempt at a token setting though they are near no known option. */
export function looksLikeTokenSetting(name: string): boolean {
  return /token/.test(normaliseOptionName(name));
}

/**
 * Values to show masked: a token-uuid (also misspelt or misplaced) and anything named like a
 * credential — real exports also hold e.g. database passwords in other sections.
 */
export function isSecretOptionName(name: string): boolean {
  const known = findOption(name) ?? suggestOptionName(name)?.definition;
  if (known?.secret) return true;
  return /pass(word|wd)?|pwd|secret|uuid|private[-_]?key|api[-_]?key|credential/i.test(name);
}
