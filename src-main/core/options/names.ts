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

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.
 * Three rolling rows rather than the whole table: it runs for every unknown name of every file read.
 */
export function editDistance(a: string, b: string): number {
  const cols = b.length + 1;
  let before = new Uint32Array(cols); // row i - 2
  let prev = Uint32Array.from({ length: cols }, (_, j) => j); // row i - 1
  let row = new Uint32Array(cols);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      row[j] = best;
    }
    [before, prev, row] = [prev, row, before];
  }
  return prev[cols - 1]!;
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

let normalisedKnown: { definition: OptionDefinition; known: string }[] | null = null;

/** The known names in their normal shape, made once: a suggestion is looked for on every unknown name read. */
function knownNames(): { definition: OptionDefinition; known: string }[] {
  normalisedKnown ??= OPTION_DEFINITIONS.map((definition) => ({ definition, known: normaliseOptionName(definition.name) }));
  return normalisedKnown;
}

/** The known option `name` most likely meant, or null (also for a known name, which needs no suggestion). */
export function suggestOptionName(name: string): NameSuggestion | null {
  if (findOption(name)) return null;
  const n = normaliseOptionName(name);
  if (n.length === 0) return null;
  for (const { definition, known } of knownNames()) if (known === n) return { definition, basis: 'case-or-separators' };

  let best: { definition: OptionDefinition; distance: number } | null = null;
  for (const { definition, known } of knownNames()) {
    // The distance is at least the difference in length: a name that cannot be within the budget is
    // not compared cell by cell (a long line of garbage would cost its length × every known name).
    if (Math.abs(n.length - known.length) > typoBudget(known.length)) continue;
    const distance = editDistance(n, known);
    if (distance <= typoBudget(known.length) && (!best || distance < best.distance)) best = { definition, distance };
  }
  if (best) return { definition: best.definition, basis: 'spelling' };

  for (const { definition, known } of knownNames()) {
    const [shorter, longer] = n.length < known.length ? [n, known] : [known, n];
    if (shorter.length >= MIN_WORDS_MATCH_LENGTH && longer.startsWith(`${shorter}-`)) return { definition, basis: 'extra-or-missing-words' };
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
