/**
 * Whether the tokens of the given users fit the Password field of the GAX interface —
 * "approximately 64 bytes, including the preamble tag" (Genesys) — using the length formula of the
 * tool's reference token format (PXZ-1). Genesys publishes no token layout, so this is the model's
 * arithmetic: a warning, never an error.
 */
import { DEFAULT_PREAMBLE } from '../../constants.js';
import { DEFAULT_PASSWORD_FIELD_LIMIT, longestUsernameBytes, passwordFieldFit } from '../../fit.js';
import { checkUsername } from '../../inputs.js';
import { effective, pairs } from '../model.js';
import type { AppModel, Draft, Edit, RuleContext } from '../types.js';
import { plural, quote } from '../wording.js';

/** A short preamble that is still unambiguous (PREAMBLE_MIN_LENGTH, punctuation): offered when the default does not fit. */
const SHORT_PREAMBLE = '{X}';

function tokenTooLong(cs: AppModel | undefined, users: string[]): Draft | null {
  const preambleOption = effective(cs, 'token-preambula');
  if (preambleOption && preambleOption.accepted === undefined) return null; // PREAMBLE_INVALID first
  const preamble = preambleOption?.accepted ?? DEFAULT_PREAMBLE;
  const limit = DEFAULT_PASSWORD_FIELD_LIMIT;
  const fits = users.map((u) => ({ user: u, fit: passwordFieldFit(preamble, u, limit) }));
  const over = fits.filter((f) => !f.fit.fits);
  if (over.length === 0) return null;
  const listed = over
    .slice(0, 3)
    .map((f) => `${quote(f.user)} (${f.fit.length} characters, ${f.fit.over} over)`)
    .join(', ');
  const more = over.length > 3 ? ` and ${over.length - 3} more` : '';
  const fitting = fits.filter((f) => f.fit.fits).sort((a, b) => b.fit.usernameBytes - a.fit.usernameBytes)[0];
  const longest = longestUsernameBytes(preamble, limit);
  const best = fitting
    ? `the longest given username that fits is ${quote(fitting.user)} (${plural(fitting.fit.usernameBytes, 'byte')})`
    : 'none of the given usernames fits';
  const source = cs ? `${preambleOption ? '' : ' (the default)'}` : ' (the default: no CS file given)';
  const allFit = (p: string) => users.every((u) => passwordFieldFit(p, u, limit).fits);
  const edits: Edit[] = [];
  if (preamble !== DEFAULT_PREAMBLE && allFit(DEFAULT_PREAMBLE))
    edits.push({ kind: 'set', application: 'cs', file: cs?.fileName ?? null, name: 'token-preambula', value: DEFAULT_PREAMBLE });
  else {
    edits.push({
      kind: 'note',
      application: null,
      file: null,
      text: `with the tool's reference token format (PXZ-1) and the preamble ${preamble}, usernames over ${plural(longest, 'byte')} (UTF-8) do not fit; Genesys publishes only "approximately 64 bytes" for the Password field of the GAX interface: try one such user's login before changing anything`,
    });
    if (allFit(SHORT_PREAMBLE))
      edits.push({
        kind: 'note',
        application: null,
        file: null,
        text: `a 3-character preamble such as token-preambula=${SHORT_PREAMBLE} would make them fit, but Genesys recommends the default`,
      });
  }
  return {
    id: 'TOKEN_TOO_LONG',
    severity: 'warning',
    message: `With the tool's reference token format (PXZ-1) and the preamble ${quote(preamble)}${source}, the tokens of ${over.length} of ${plural(users.length, 'user')} would be longer than ${limit} bytes: ${listed}${more}. Usernames of up to ${plural(longest, 'byte')} fit; ${best}`,
    why: `With the tool's reference token format (PXZ-1), usernames over ${plural(longest, 'byte')} do not fit; Genesys publishes only "approximately 64 bytes" for the Password field of the GAX interface, preamble included, and not the layout of a real token. So this is the model's arithmetic: a real GAX token may be shorter or longer. If these users' token logins fail while others work, the length is the first thing to suspect (the mock CS answers PASSWORD_TOO_LONG).`,
    edits,
    application: 'cs',
    file: cs?.fileName ?? null,
    line: preambleOption?.entry.line ?? null,
    option: 'token-preambula',
  };
}

function invalidUsers(users: string[]): Draft | null {
  const bad = users.flatMap((u) => {
    const problem = checkUsername(u);
    return problem ? [`${quote(u)}: ${problem}`] : [];
  });
  if (bad.length === 0) return null;
  return {
    id: 'USERNAME_INVALID',
    severity: 'warning',
    message: `${plural(bad.length, 'given username')} cannot be put in a token: ${bad.join('; ')}`,
    why: 'A token carries the username as 1–255 bytes of UTF-8 without control characters; GAX cannot mint a token for these names, so their token lengths were not checked.',
    edits: [
      { kind: 'note', application: null, file: null, text: "give the Persons' UserNames exactly as configured (1–255 bytes, no control characters)" },
    ],
    application: null,
    file: null,
    line: null,
    option: null,
  };
}

export function lengthRule(ctx: RuleContext): Draft[] {
  if (!ctx.users || ctx.users.length === 0) return [];
  const drafts: Draft[] = [];
  const invalid = invalidUsers(ctx.users);
  if (invalid) drafts.push(invalid);
  const valid = ctx.users.filter((u) => checkUsername(u) === null);
  if (valid.length === 0) return drafts;
  const seen = new Set<AppModel | undefined>();
  for (const { cs } of pairs(ctx)) {
    if (seen.has(cs)) continue;
    seen.add(cs);
    const d = tokenTooLong(cs, valid);
    if (d) drafts.push(d);
  }
  return drafts;
}
