/**
 * The mock CS's options (csmock-protocol.md, "Server options"): one zod schema gives the
 * defaults, the validation of a config file or an IPC patch, and the error a person reads.
 */
import type { MockCsTokenOptions } from '../core/options/convert.js';
import { isIP } from 'node:net';
import { z } from 'zod';
import { checkPreamble, checkUsername, DEFAULT_PREAMBLE, DEFAULT_TOLERANCE_SECONDS, parseTokenUuid } from '../core/index.js';
import { GENESYS_MAX_INT } from '../core/options/catalog.js';
import { must, wholeNumber } from '../shared/zod-fields.js';
import { describeZodIssues, printable } from '../shared/zod-issues.js';
import { DEFAULT_HOST, DEFAULT_PORT } from './protocol.js';

export interface MockCsUser {
  userName: string;
  /** absent: the user can log in only with a token */
  password?: string | undefined;
  enabled: boolean;
}

export interface MockCsListener {
  host: string;
  /** 0 picks a free port */
  port: number;
  tls?: boolean | undefined;
  /** this listener's own cap (within maxConnections); absent: only the server's limits apply */
  maxConnections?: number | undefined;
}

/** The core's token options (tokenUuid null: generated once and kept, in the data dir when there is one), and the server's own. */
export interface MockCsOptions extends MockCsTokenOptions {
  clockOffsetSeconds: number;
  diagnostics: 'teaching' | 'realistic';
  passwordFieldLimit: number;
  users: MockCsUser[];
  listeners: MockCsListener[];
  maxConnections: number;
  maxConnectionsPerAddress: number;
  maxLineBytes: number;
  registerTimeoutSeconds: number;
  maxFailedAttempts: number;
}

/** A clock off by more than ten years is a typo, not a lesson. */
const MAX_CLOCK_OFFSET_SECONDS = 10 * 366 * 86400;

/** Genesys's range for token-tolerance and token-ttl, with 0 meaning unset. */
const genesysMinutesOrSeconds = (what: string) => wholeNumber(0, GENESYS_MAX_INT, what).nullable();

const hostSchema = z.string({ error: must('must be a host name or an IP address') }).check((ctx) => {
  const h = ctx.value;
  if (isIP(h) === 0 && !/^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/.test(h))
    ctx.issues.push({ code: 'custom', input: h, message: `"${printable(h)}" is not a host name or an IP address` });
});

const listenerSchema = z.strictObject({
  host: hostSchema.default(DEFAULT_HOST),
  port: wholeNumber(0, 65535, '0 picks a free port'),
  tls: z.boolean({ error: must('must be true or false') }).optional(),
  maxConnections: wholeNumber(1, 100_000, "this listener's connections").optional(),
});

const userSchema = z.strictObject({
  userName: z.string({ error: must('must be text') }).check((ctx) => {
    const bad = checkUsername(ctx.value);
    if (bad) ctx.issues.push({ code: 'custom', input: ctx.value, message: bad });
  }),
  password: z
    .string({ error: must('must be text') })
    .min(1, { error: 'is empty: leave it out for a user who logs in only with a token' })
    .max(1024, { error: 'is longer than 1024 characters' })
    .optional(),
  enabled: z.boolean({ error: must('must be true or false') }).default(true),
});

export const DEFAULT_USERS: readonly MockCsUser[] = [{ userName: 'default', password: 'password', enabled: true }];

export const mockCsOptionsSchema = z
  .strictObject({
    tokenAuthenticationMode: z.enum(['enable', 'disable'], { error: must('must be "enable" or "disable"') }).default('disable'),
    tokenPreambula: z
      .string({ error: must('must be text') })
      .check((ctx) => {
        const bad = checkPreamble(ctx.value);
        if (bad) ctx.issues.push({ code: 'custom', input: ctx.value, message: bad });
      })
      .default(DEFAULT_PREAMBLE),
    tokenUuid: z
      .string({ error: must('must be a UUID, or null to use the generated one') })
      .check((ctx) => {
        const parsed = parseTokenUuid(ctx.value);
        // The reason never quotes the value: a token-uuid is a secret.
        if (!parsed.ok) ctx.issues.push({ code: 'custom', input: '', message: `is not a UUID: ${parsed.reason}` });
      })
      .nullable()
      .default(null),
    tokenToleranceSeconds: genesysMinutesOrSeconds('seconds; 0 or null means 60').default(DEFAULT_TOLERANCE_SECONDS),
    tokenTtlMinutes: genesysMinutesOrSeconds('minutes; 0 or null means unset').default(null),
    gaxTokenLifeMinutes: genesysMinutesOrSeconds('minutes; 0 or null means unset').default(null),
    clockOffsetSeconds: z
      .number({ error: must('must be a number of seconds') })
      .min(-MAX_CLOCK_OFFSET_SECONDS, { error: 'is more than ten years behind' })
      .max(MAX_CLOCK_OFFSET_SECONDS, { error: 'is more than ten years ahead' })
      .default(0),
    diagnostics: z.enum(['teaching', 'realistic'], { error: must('must be "teaching" or "realistic"') }).default('teaching'),
    passwordFieldLimit: wholeNumber(1, 65536, 'bytes').default(64),
    users: z.array(userSchema, { error: must('must be a list of users') }).default(() => DEFAULT_USERS.map((u) => ({ ...u }))),
    listeners: z
      .array(listenerSchema, { error: must('must be a list of {host, port, tls?}') })
      .min(1, { error: 'needs at least one listener' })
      .default(() => [{ host: DEFAULT_HOST, port: DEFAULT_PORT }]),
    maxConnections: wholeNumber(1, 100_000, 'connections').default(1000),
    maxConnectionsPerAddress: wholeNumber(1, 100_000, 'connections from one remote address').default(100),
    maxLineBytes: wholeNumber(128, 16 * 1024 * 1024, 'bytes').default(16384),
    registerTimeoutSeconds: z
      .number({ error: must('must be a number of seconds') })
      .min(0.05, { error: 'must be at least 0.05 s' })
      .max(86400, { error: 'must be at most 86400 s (one day)' })
      .default(30),
    maxFailedAttempts: wholeNumber(1, GENESYS_MAX_INT, 'failed registrations per connection').default(5),
  })
  .check((ctx) => {
    const seen = new Set<string>();
    ctx.value.users.forEach((u, i) => {
      if (seen.has(u.userName))
        ctx.issues.push({ code: 'custom', input: u.userName, path: ['users', i, 'userName'], message: `"${printable(u.userName)}" appears twice` });
      seen.add(u.userName);
    });
    const bound = new Set<string>();
    ctx.value.listeners.forEach((l, i) => {
      if (l.port === 0) return;
      const key = `${l.host}:${l.port}`;
      if (bound.has(key)) ctx.issues.push({ code: 'custom', input: key, path: ['listeners', i], message: `${key} is listed twice` });
      bound.add(key);
    });
  });

// The schema's output must be exactly the documented interface.
type SchemaOutput = z.output<typeof mockCsOptionsSchema>;
const _outputMatches: (o: SchemaOutput) => MockCsOptions = (o) => o;
void _outputMatches;

export type MockCsOptionsInput = z.input<typeof mockCsOptionsSchema>;

export type OptionsResult = { ok: true; options: MockCsOptions } | { ok: false; message: string };

/** Validates a whole options object (missing fields take their defaults). Never throws. */
export function parseMockCsOptions(input: unknown): OptionsResult {
  const parsed = mockCsOptionsSchema.safeParse(input ?? {});
  if (parsed.success) return { ok: true, options: parsed.data };
  return { ok: false, message: describeOptionIssues(parsed.error.issues) };
}

/** `current` with `patch` applied, validated as a whole (a patch may not break another option). */
export function mergeMockCsOptions(current: MockCsOptions, patch: unknown): OptionsResult {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch))
    return { ok: false, message: 'the options must be an object of option names and values' };
  return parseMockCsOptions({ ...current, ...(patch as Record<string, unknown>) });
}

/** Thrown by the MockCs methods that take options; the message is one line for a person. */
export class MockCsOptionsError extends Error {
  override readonly name = 'MockCsOptionsError';
}

/** One line: "listeners[0].port: must be at most 65535 (0 picks a free port); …" */
export function describeOptionIssues(issues: readonly z.core.$ZodIssue[]): string {
  return describeZodIssues(issues, { root: 'options', unknownAtRoot: (names) => `unknown option ${names}` });
}

/** The options with the secrets out: token-uuid masked, passwords replaced by whether there is one. */
export interface PublicMockCsOptions extends Omit<MockCsOptions, 'tokenUuid' | 'users'> {
  tokenUuid: string | null;
  users: { userName: string; hasPassword: boolean; enabled: boolean }[];
}
