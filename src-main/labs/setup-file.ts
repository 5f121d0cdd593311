/**
 * The JSON file of a lab setup (`gax-token lab show NAME --setup` writes it, the trainee edits it,
 * `gax-token lab check NAME --config FILE` reads it): exactly a LabSetup, checked strictly so a
 * typo in a field name is an error, not a silently ignored line. Errors are one line naming the
 * field; a token-uuid or a password is never quoted back.
 */
import { z } from 'zod';
import { checkPreamble, checkUsername, parseTokenUuid } from '../core/index.js';
import { LAB_MAX_MINUTES, type LabSetup } from '../core/labs/index.js';
import { describeZodIssues } from '../shared/zod-issues.js';
import { must, wholeNumber } from '../shared/zod-fields.js';
import { checkWritableOptionName, checkWritableValue, findOption, GENESYS_MAX_INT } from '../core/options/index.js';

const TEN_YEARS_SECONDS = 10 * 366 * 86400;

const text = (check: (s: string) => string | null) =>
  z.string({ error: must('must be text') }).check((ctx) => {
    const bad = check(ctx.value);
    // input '' so that no formatter can echo the value
    if (bad) ctx.issues.push({ code: 'custom', input: '', message: bad });
  });

const tokenUuid = text((s) => {
  const parsed = parseTokenUuid(s);
  return parsed.ok ? null : `is not a UUID: ${parsed.reason}`;
});
const preamble = text(checkPreamble);
const userName = text(checkUsername);
const secret = z
  .string({ error: must('must be text') })
  .min(1, { error: 'is empty: leave it out instead' })
  .max(1024, { error: 'is longer than 1024 characters' });
const clockOffset = z
  .number({ error: must('must be a number of seconds (negative: behind)') })
  .min(-TEN_YEARS_SECONDS, { error: 'is more than ten years behind' })
  .max(TEN_YEARS_SECONDS, { error: 'is more than ten years ahead' });
const optionalGenesysInt = (what: string) => wholeNumber(0, GENESYS_MAX_INT, what).nullable();

/** The LabSetup field a known Genesys option lives in, for the error that sends the trainee there. */
const FIELD_OF_OPTION: Record<string, string> = {
  'token-authentication-mode': 'cs.tokenAuthenticationMode',
  'token-preambula': 'cs.tokenPreambula',
  'token-uuid': 'cs.tokenUuid',
  'token-tolerance': 'cs.tokenToleranceSeconds',
  'token-ttl': 'cs.tokenTtlMinutes',
  confserv_trusted: 'gax.confservTrusted',
  token_life_in_minutes: 'gax.tokenLifeMinutes',
};

const extraOptions = z.record(z.string(), z.string({ error: must('must be text (option values are strings)') })).check((ctx) => {
  for (const [name, value] of Object.entries(ctx.value)) {
    const bad =
      checkWritableOptionName(name) ??
      (findOption(name) ? `"${name}" is an option the CS knows: set ${FIELD_OF_OPTION[name] ?? 'its own field'} instead` : null) ??
      (checkWritableValue(value) ? `the value of "${name}" holds a line break or a NUL` : null);
    if (bad) ctx.issues.push({ code: 'custom', input: '', message: bad });
  }
});

const csSchema = z.strictObject({
  tokenAuthenticationMode: z.enum(['enable', 'disable'], { error: must('must be "enable" or "disable"') }),
  tokenPreambula: preamble,
  tokenUuid,
  tokenToleranceSeconds: optionalGenesysInt('seconds; null or 0 means the default 60'),
  tokenTtlMinutes: optionalGenesysInt('minutes; null or 0 means unset'),
  gaxTokenLifeMinutes: optionalGenesysInt("minutes, GAX's token_life_in_minutes as the CS reads it; null means unset"),
  clockOffsetSeconds: clockOffset,
  passwordFieldLimit: wholeNumber(1, 65536, 'bytes'),
  users: z
    .array(
      z.strictObject({
        userName,
        enabled: z.boolean({ error: must('must be true or false') }),
        password: secret.optional(),
      }),
      { error: must('must be a list of {userName, enabled, password?}') },
    )
    .max(1000, { error: 'has more than 1000 users' })
    .check((ctx) => {
      const seen = new Set<string>();
      for (const u of ctx.value) {
        if (seen.has(u.userName)) ctx.issues.push({ code: 'custom', input: '', message: `"${u.userName}" appears twice` });
        seen.add(u.userName);
      }
    }),
  extraOptions,
});

const tokenSource = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('mint') }),
    z.strictObject({
      kind: z.literal('replay'),
      issuedMinutesAgo: wholeNumber(0, LAB_MAX_MINUTES, 'minutes'),
      lifeMinutes: wholeNumber(1, LAB_MAX_MINUTES, 'minutes'),
    }),
  ],
  { error: must('must be {"kind":"mint"} or {"kind":"replay","issuedMinutesAgo":…,"lifeMinutes":…}') },
);

const gaxSchema = z.strictObject({
  confservTrusted: z.boolean({ error: must('must be true or false') }),
  tokenLifeMinutes: wholeNumber(1, LAB_MAX_MINUTES, 'minutes'),
  // The primary CS's token-uuid and preamble, which GAX signs with (GAX-SIDE): used by the check
  // only where the lab's CS is a backup; where it is the primary, the "cs" part's are.
  tokenUuid,
  preamble,
  userName,
  tokenUserName: userName.optional(),
  password: secret.optional(),
  clockOffsetSeconds: clockOffset,
  tokenSource,
});

export const labSetupSchema = z.strictObject({ cs: csSchema, gax: gaxSchema }, { error: must('must be a JSON object with "cs" and "gax"') });

// The schema's output must be exactly the shared type.
const _fits: (o: z.output<typeof labSetupSchema>) => LabSetup = (o) => o;
const _fitsBack: (o: LabSetup) => z.output<typeof labSetupSchema> = (o) => o;
void _fits;
void _fitsBack;

export type LabSetupParse = { ok: true; setup: LabSetup } | { ok: false; message: string };

/** A setup given as a value (over IPC, from a test): the same checks as the file. Never throws. */
export function checkLabSetup(value: unknown): LabSetupParse {
  const parsed = labSetupSchema.safeParse(value);
  return parsed.success ? { ok: true, setup: parsed.data } : { ok: false, message: describeIssues(parsed.error.issues) };
}

/** The text of a `lab check --config` file. Never throws; the message is one line. */
export function parseLabSetup(text: string): LabSetupParse {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    // The parser's message may quote the file (a password, a token-uuid): keep only where it broke.
    const at = /position (\d+)/.exec(err instanceof Error ? err.message : '');
    return {
      ok: false,
      message: `not valid JSON${at ? ` (at character ${Number(at[1]) + 1})` : ''}: write it as \`gax-token lab show NAME --setup\` does`,
    };
  }
  return checkLabSetup(value);
}

/** The file a trainee edits: pretty JSON, 2 spaces, a final newline. */
export function labSetupToJson(setup: LabSetup): string {
  return `${JSON.stringify(setup, null, 2)}\n`;
}

/** "cs.users[1].userName: appears twice; gax: unknown field "tokenUID"" — at most three issues. */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return describeZodIssues(issues, { root: 'the setup' });
}
