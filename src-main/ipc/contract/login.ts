/**
 * The GAX login client's requests and its step events. The shapes mirror src-main/client/types.ts;
 * ../contract-fits.ts fails `tsc` if the two ever drift apart.
 */
import { z } from 'zod';
import { event, hostField, GENESYS_MAX_INT, int, preambleField, request, secretField, usernameField } from './define.js';
import { explanationSource, tokenUuidSource } from './tokens.js';

/** Where to log in: the app's own mock CS (one of its listeners), or any host and port. */
export const loginTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('mockcs'), listenerId: z.string().min(1).max(300).optional(), host: z.literal('try-it').optional() }),
  z.strictObject({ kind: z.literal('host'), host: hostField, port: int(1, 65535) }),
]);
export type LoginTarget = z.infer<typeof loginTarget>;

/** TLS for a host target; for a mock CS target main pins the listener's own certificate. */
export const tlsTarget = z
  .strictObject({
    fingerprint256: z.string().max(200).optional(),
    caPem: z.string().max(65536).optional(),
    servername: z.string().min(1).max(253).optional(),
  })
  .nullable();

const stepId = z.enum(['resolve', 'connect', 'tls', 'hello', 'token', 'register']);
const timeoutMs = int(1, 600_000);

export const traceStep = z.strictObject({
  id: stepId,
  label: z.string(),
  status: z.enum(['running', 'ok', 'failed', 'skipped']),
  startedAt: z.number(),
  durationMs: z.number().nullable(),
  detail: z.string(),
  data: z.record(z.string(), z.unknown()).optional(),
});

/** what a person checks of one certificate (core's CertificateFacts; public: a certificate is no secret) */
const certificateFacts = {
  subject: z.string(),
  issuer: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  daysLeft: z.number(),
  fingerprint256: z.string(),
  altNames: z.array(z.string()),
};

/** one certificate of the chain the server presented, leaf first */
const chainCertificate = z.strictObject({ ...certificateFacts, pem: z.string().max(65536) });

const clockMeasurement = z.strictObject({ offsetMs: z.number(), roundTripMs: z.number() });

export const loginResult = z.strictObject({
  outcome: z.enum(['accepted', 'rejected', 'unreachable', 'not-csmock', 'tls-failed', 'timeout', 'cancelled', 'invalid-input']),
  steps: z.array(traceStep),
  server: z.strictObject({ code: z.string(), message: z.string(), detail: z.record(z.string(), z.unknown()).optional() }).optional(),
  session: z.strictObject({ sessionId: z.string(), authMethod: z.enum(['token', 'password']), tokenExpires: z.number().optional() }).optional(),
  clock: clockMeasurement.optional(),
  certificate: z
    .strictObject({ ...certificateFacts, protocol: z.string(), cipher: z.string(), chain: z.array(chainCertificate).max(10).optional() })
    .optional(),
  token: z.strictObject({ redacted: z.string(), length: z.number(), iat: z.number(), exp: z.number(), fitsPasswordField: z.boolean() }).optional(),
  message: z.string(),
  fix: z.string(),
  /** whose word the explanation is (core/sources.ts) */
  source: explanationSource.optional(),
});

const credentials = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('password'), password: secretField }),
  z.strictObject({
    kind: z.literal('gax'),
    /** GAX [general] confserv_trusted: true sends a token, false the password */
    confservTrusted: z.boolean(),
    /** GAX [general] token_life_in_minutes */
    tokenLifeMinutes: int(1, GENESYS_MAX_INT),
    tokenUuid: tokenUuidSource,
    preamble: preambleField,
    /** simulates a GAX host whose clock is off (positive: ahead) */
    gaxClockOffsetSeconds: int(-GENESYS_MAX_INT, GENESYS_MAX_INT).optional(),
    /** what GAX sends when confservTrusted is false */
    password: secretField.optional(),
  }),
]);

export const runIdField = z.string().min(1).max(64);

export const loginRequests = {
  'login.run': request(
    z.strictObject({
      /** chosen by the renderer; names the run's `login.step` events and `login.cancel` */
      runId: runIdField,
      target: loginTarget,
      tls: tlsTarget.optional(),
      userName: usernameField,
      credentials,
      clientName: z.string().min(1).max(255).optional(),
      timeoutsMs: z
        .strictObject({ resolve: timeoutMs, connect: timeoutMs, tls: timeoutMs, hello: timeoutMs, register: timeoutMs })
        .partial()
        .optional(),
    }),
    loginResult,
    'log in as GAX would, one timed step at a time (never holds a secret)',
  ),
  'login.cancel': request(z.strictObject({ runId: runIdField }), z.strictObject({ cancelled: z.boolean() }), 'stop a login in flight'),
} as const;

export const loginEvents = {
  'login.step': event(z.strictObject({ runId: z.string(), step: traceStep }), 'a step of a login run started or ended'),
} as const;

/** A login's result and trace step as the renderer receives them (contract-fits.ts keeps them equal to the client's). */
export type LoginResultView = z.infer<typeof loginResult>;
export type TraceStepView = z.infer<typeof traceStep>;
