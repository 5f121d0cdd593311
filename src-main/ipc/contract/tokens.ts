import { z } from 'zod';
import { ADVICE_SOURCE_IDS, GENESYS_SOURCE_IDS, MODEL_SOURCE_IDS } from '../../core/sources.js';
import { GENESYS_MAX_INT, epochSeconds, int, preambleField, request, secretField, usernameField } from './define.js';

/** Where a token-uuid comes from: typed by the person, a saved profile, or the running mock CS. */
export const tokenUuidSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('typed'), value: secretField }).strict(),
  z.object({ kind: z.literal('profile'), profileId: z.string().min(1).max(100) }).strict(),
  // `host: 'try-it'`: the wizard's own mock CS; without it, the one the Server view shows.
  z.object({ kind: z.literal('mockcs'), host: z.literal('try-it').optional() }).strict(),
]);
export type TokenUuidSource = z.infer<typeof tokenUuidSource>;

export const timeOptions = z
  .object({
    tokenToleranceSeconds: int(0, GENESYS_MAX_INT).nullable().optional(),
    tokenTtlMinutes: int(0, GENESYS_MAX_INT).nullable().optional(),
    gaxTokenLifeMinutes: int(0, GENESYS_MAX_INT).nullable().optional(),
  })
  .strict();

const fit = z.object({
  length: z.number(),
  limit: z.number(),
  fits: z.boolean(),
  over: z.number(),
  usernameBytes: z.number(),
  longestUsernameBytes: z.number(),
});

const segment = z.object({
  part: z.enum(['preamble', 'version', 'issued', 'expires', 'username', 'signature']),
  text: z.string(),
  charStart: z.number(),
  charEnd: z.number(),
  bytesHex: z.string(),
  byteStart: z.number(),
  byteEnd: z.number(),
});

/** Whose word an explanation is (core/sources.ts): the renderer shows it as a label. */
export const explanationSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('genesys'), id: z.enum(GENESYS_SOURCE_IDS) }),
  z.strictObject({ kind: z.literal('model'), id: z.enum(MODEL_SOURCE_IDS) }),
  z.strictObject({ kind: z.literal('advice'), id: z.enum(ADVICE_SOURCE_IDS) }),
]);

export const decisionView = z.object({
  code: z.string(),
  message: z.string(),
  hint: z.string(),
  source: explanationSource,
  now: z.number(),
  warnings: z.array(z.string()),
  steps: z.array(z.object({ id: z.string(), label: z.string(), status: z.enum(['pass', 'fail', 'skipped']), detail: z.string() })),
  decoded: z
    .object({
      preamble: z.string(),
      version: z.number(),
      iat: z.number(),
      exp: z.number(),
      username: z.string(),
      length: z.number(),
      tagHex: z.string(),
      segments: z.array(segment),
    })
    .optional(),
  window: z
    .object({
      validFrom: z.number(),
      validUntil: z.number(),
      ttlMinutes: z.number(),
      ttlSource: z.enum(['token-ttl', 'token_life_in_minutes', 'default']),
      toleranceSeconds: z.number(),
      toleranceIsDefault: z.boolean(),
    })
    .optional(),
});
export type DecisionView = z.infer<typeof decisionView>;

export const tokenRequests = {
  'token.mint': request(
    z
      .object({
        username: usernameField,
        tokenUuid: tokenUuidSource,
        lifeMinutes: int(1, GENESYS_MAX_INT),
        preamble: preambleField,
        /** simulates a GAX host whose clock is off: iat = now + offset */
        gaxClockOffsetSeconds: int(-GENESYS_MAX_INT, GENESYS_MAX_INT).default(0),
        /** the issue instant; default: the main side's clock */
        now: epochSeconds.optional(),
        passwordFieldLimit: int(1, 100000).default(64),
      })
      .strict(),
    z.object({
      token: z.string(),
      username: z.string(),
      preamble: z.string(),
      iat: z.number(),
      exp: z.number(),
      length: z.number(),
      fit,
    }),
    'mint a token as GAX would',
  ),
  'token.decode': request(
    z.object({ value: z.string().max(16384), preamble: preambleField }).strict(),
    decisionView,
    'decode any Password value (no token-uuid: the signature is not checked)',
  ),
  'token.verify': request(
    z
      .object({
        value: z.string().max(16384),
        preamble: preambleField,
        tokenUuid: tokenUuidSource,
        userName: usernameField.optional(),
        /** the CS clock, seconds; default: the main side's clock */
        now: z.number().min(0).max(1e11).optional(),
        options: timeOptions.default({}),
      })
      .strict(),
    decisionView,
    "the CS's decision on a Password value",
  ),
} as const;
