/**
 * The mock CS's requests and events. The contract's type graph must stay free of Node (the renderer
 * type-checks against it), so the option fields are declared here with the core's pure rules
 * (preamble, token-uuid) and the mock CS's ranges; the mock CS checks the merged options again and
 * answers BAD_OPTIONS for what only the whole set can tell (a listener listed twice). A test keeps
 * these ranges and the mock CS's schema in step; the value of a bad token-uuid is never quoted back.
 */
import { z } from 'zod';
import { checkUsername } from '../../core/inputs.js';
import { parseTokenUuid } from '../../core/uuid.js';
import { event, GENESYS_MAX_INT, int, noInput, portField, preambleField, request } from './define.js';

/** A clock off by more than ten years is a typo, not a lesson (the mock CS's own bound). */
const MAX_CLOCK_OFFSET_SECONDS = 10 * 366 * 86400;

/** A token-uuid in any accepted form; the reason never quotes it (it is a secret). */
export const tokenUuidField = z.string().check((ctx) => {
  const parsed = parseTokenUuid(ctx.value);
  if (!parsed.ok) ctx.issues.push({ code: 'custom', input: '', message: `is not a UUID: ${parsed.reason}` });
});

/** The CS's user names: what a token can carry (1–255 UTF-8 bytes, no control characters). */
export const userNameField = z.string().check((ctx) => {
  const bad = checkUsername(ctx.value);
  if (bad) ctx.issues.push({ code: 'custom', input: ctx.value, message: bad });
});

/** Genesys's range for token-tolerance, token-ttl and token_life_in_minutes; 0 or null means unset. */
const genesysNumber = int(0, GENESYS_MAX_INT).nullable();

/** Any subset of the live options; users and listeners have their own requests. */
export const mockCsOptionsPatch = z.strictObject({
  tokenAuthenticationMode: z.enum(['enable', 'disable']).optional(),
  tokenPreambula: preambleField.optional(),
  /** a UUID, or null to use the generated one */
  tokenUuid: tokenUuidField.nullable().optional(),
  tokenToleranceSeconds: genesysNumber.optional(),
  tokenTtlMinutes: genesysNumber.optional(),
  gaxTokenLifeMinutes: genesysNumber.optional(),
  clockOffsetSeconds: z.number().min(-MAX_CLOCK_OFFSET_SECONDS).max(MAX_CLOCK_OFFSET_SECONDS).optional(),
  diagnostics: z.enum(['teaching', 'realistic']).optional(),
  passwordFieldLimit: int(1, 65536).optional(),
  maxConnections: int(1, 100_000).optional(),
  maxConnectionsPerAddress: int(1, 100_000).optional(),
  maxLineBytes: int(128, 16 * 1024 * 1024).optional(),
  registerTimeoutSeconds: z.number().min(0.05).max(86400).optional(),
  maxFailedAttempts: int(1, GENESYS_MAX_INT).optional(),
});
export type MockCsOptionsPatch = z.infer<typeof mockCsOptionsPatch>;

const listenerView = z.strictObject({
  id: z.string(),
  host: z.string(),
  port: z.number(),
  tls: z.boolean(),
  fingerprint256: z.string().optional(),
});

/** The options as the renderer may see them: the token-uuid masked, passwords reduced to whether there is one. */
export const publicMockCsOptions = z.strictObject({
  tokenAuthenticationMode: z.enum(['enable', 'disable']),
  tokenPreambula: z.string(),
  tokenUuid: z.strictObject({ source: z.enum(['configured', 'generated']), masked: z.string() }),
  tokenToleranceSeconds: z.number().nullable(),
  tokenTtlMinutes: z.number().nullable(),
  gaxTokenLifeMinutes: z.number().nullable(),
  clockOffsetSeconds: z.number(),
  diagnostics: z.enum(['teaching', 'realistic']),
  passwordFieldLimit: z.number(),
  users: z.array(z.strictObject({ userName: z.string(), enabled: z.boolean(), hasPassword: z.boolean() })),
  listeners: z.array(z.strictObject({ host: z.string(), port: z.number(), tls: z.boolean() })),
  maxConnections: z.number(),
  maxLineBytes: z.number(),
  registerTimeoutSeconds: z.number(),
  maxFailedAttempts: z.number(),
});
export type PublicMockCsOptionsView = z.infer<typeof publicMockCsOptions>;

export const mockCsView = z.strictObject({
  running: z.boolean(),
  listeners: z.array(listenerView),
  connections: z.number(),
  registered: z.number(),
  counters: z.strictObject({
    accepted: z.number(),
    /** refused logins by their real reason */
    rejected: z.record(z.string(), z.number()),
    /** other Error answers (BAD_FRAME, SERVER_BUSY, IDLE_TIMEOUT…) */
    protocolErrors: z.record(z.string(), z.number()),
  }),
  options: publicMockCsOptions,
  /** whose mock CS this is: the user's own, the open lab's, or the wizard's "Try it" */
  host: z.strictObject({ owner: z.string(), name: z.string() }).optional(),
});
export type MockCsView = z.infer<typeof mockCsView>;

export const mockCsEvent = z.strictObject({
  time: z.number(),
  kind: z.enum(['connect', 'register', 'request', 'error', 'close', 'server']),
  listener: z.string(),
  remote: z.string(),
  clientName: z.string().optional(),
  userName: z.string().nullable(),
  authMethod: z.enum(['token', 'password']).nullable(),
  code: z.string(),
  message: z.string(),
  latencyMs: z.number().nullable(),
  /** redacted: preamble + 6 characters + "…" + "(N chars)" */
  token: z.string().optional(),
  request: z.string().optional(),
  requestId: z.number().nullable().optional(),
  sentCode: z.string().optional(),
  hint: z.string().optional(),
  logLine: z.string(),
});

/** The most events main keeps for the log view. */
export const MOCKCS_LOG_CAPACITY = 100_000;

/** Shape only: the mock CS checks the host (a host name or an IP address) before the loopback check. */
const listenerInput = z.strictObject({
  host: z.string().min(1).max(253),
  port: portField,
  tls: z.boolean().default(false),
});

export const mockCsRequests = {
  'mockcs.status': request(noInput, mockCsView, 'the mock CS: running or not, listeners, counters, options (secrets masked)'),
  'mockcs.start': request(
    z.strictObject({ options: mockCsOptionsPatch.optional() }).optional(),
    mockCsView,
    'apply the options patch, then start the mock CS',
  ),
  'mockcs.stop': request(noInput, mockCsView, 'stop the mock CS: every connection closed, every port freed'),
  'mockcs.options.update': request(
    z.strictObject({ patch: mockCsOptionsPatch }),
    mockCsView,
    'change options; while running they take effect at once, as CS options do',
  ),
  'mockcs.tokenUuid.regenerate': request(noInput, mockCsView, 'a new generated token-uuid (only while none is configured)'),
  'mockcs.tokenUuid.reveal': request(
    noInput,
    z.strictObject({ tokenUuid: z.string(), source: z.enum(['configured', 'generated']) }),
    // Only on the person's explicit Show in the Server view, like secrets.reveal: GAX must be given this
    // exact value, so a trainee (or an engineer copying it to GAX) has to be able to read it once.
    "the mock CS's token-uuid in clear (configured or generated), for the Server view's Show and Copy",
  ),
  'mockcs.users.upsert': request(
    z.strictObject({
      userName: userNameField,
      enabled: z.boolean(),
      /** absent: keep the current password; null: remove it (a token-only user) */
      password: z.string().min(1).max(1024).nullable().optional(),
    }),
    mockCsView,
    'add or change a Person',
  ),
  'mockcs.users.remove': request(z.strictObject({ userName: userNameField }), mockCsView, 'remove a Person'),
  'mockcs.listeners.set': request(
    z.strictObject({
      listeners: z.array(listenerInput).min(1).max(16),
      /** a host other than loopback exposes the mock CS to the network: only when the person says so */
      allowNonLoopback: z.boolean().default(false),
    }),
    mockCsView,
    'replace the listeners (rebinds only what changed while running)',
  ),
  'mockcs.log.snapshot': request(
    z.strictObject({ limit: int(1, MOCKCS_LOG_CAPACITY).optional() }).optional(),
    z.strictObject({ events: z.array(mockCsEvent) }),
    'the newest events main kept (up to 100,000), oldest first',
  ),
  'mockcs.log.clear': request(noInput, z.strictObject({ cleared: z.number() }), 'forget the kept events'),
  'mockcs.hosts': request(
    noInput,
    z.strictObject({
      hosts: z.array(
        z.strictObject({ owner: z.string(), name: z.string(), front: z.boolean(), running: z.boolean(), listeners: z.array(z.string()) }),
      ),
    }),
    "every mock CS the app holds (the user's, the open lab's, the wizard's Try it): whose, running where, which one the Server view shows",
  ),
  'mockcs.tryIt.prepare': request(
    z.strictObject({ options: mockCsOptionsPatch, userName: userNameField }),
    z.strictObject({ view: mockCsView, notes: z.array(z.string()) }),
    "the wizard's own mock CS (never the user's or a lab's): the options applied, started on a free loopback port, the user able to log in",
  ),
  'mockcs.tryIt.update': request(
    z.strictObject({ patch: mockCsOptionsPatch }),
    mockCsView,
    "change the wizard's own mock CS (a replay, and putting it back)",
  ),
} as const;

export const mockCsEvents = {
  'mockcs.events': event(
    z.strictObject({ events: z.array(mockCsEvent) }),
    'new mock CS events, batched (at most every ~50 ms or 500 events) so a load test cannot flood the window',
  ),
  'mockcs.status': event(mockCsView, 'the mock CS changed: at once on start, stop and any change; at most once a second while counters move'),
} as const;
