// Fuzz target 5: every IPC schema. For each request channel, 10,000 payloads (its real payloads
// mutated, and values made from nothing — including what a structured clone can carry) go through
// the schema and through the dispatcher's door with handlers that record their calls: a handler runs
// only with input its schema accepts, exactly as parsed, and every answer is an IpcResult — never a
// throw, never a hang, never a secret in a refusal. The pure handlers (token.decode, options.render,
// doctor.diagnose) also run for real, their answers checked against their output schemas. Each
// event's payload schema gets the same 10,000, from the events a real runtime sent.
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_CHANNELS, REQUEST_CHANNELS } from '../../src-main/ipc/contract/index.js';
import { events as eventDefs, requests, type Handlers, type RequestChannel } from '../../src-main/ipc/contract/index.js';
import { doctorHandlers } from '../../src-main/ipc/handlers/doctor.js';
import { optionsHandlers } from '../../src-main/ipc/handlers/options.js';
import { tokenHandlers } from '../../src-main/ipc/handlers/tokens.js';
import { createDispatcher, describeSchemaError, type SenderInfo } from '../../src-main/ipc/register.js';
import { HandlerError, type IpcResult } from '../../src-main/ipc/result.js';
import { SECRET_PASSWORD, SECRET_UUID, TRUSTED } from '../ipc/helpers.js';
import { FUZZ_TEST_TIMEOUT, bounded, boundedAsync, check, fuzz, fuzzAsync, mix } from './fuzz-kit.js';
import { gatherIpcSamples, type IpcSamples } from './ipc-samples.js';
import { mutateJson, randomJson } from './json-mutators.js';
import { generatedBy, mutatedFrom, randomString } from './mutators.js';

let samples: IpcSamples;
beforeAll(async () => {
  samples = await gatherIpcSamples();
}, 60_000);
afterAll(async () => {
  await samples?.close();
});

const FOREIGN: SenderInfo = { url: 'https://evil.example/', authenticated: false };
const SECRETS = [SECRET_PASSWORD, SECRET_UUID, SECRET_UUID.replace(/-/g, '')];
const ANSWER = { recorded: true };

/** Handlers that only record what they were given. */
const calls: { channel: string; input: unknown }[] = [];
const recording = Object.fromEntries(
  REQUEST_CHANNELS.map((c) => [
    c,
    async (input: unknown) => {
      calls.push({ channel: c, input });
      return ANSWER;
    },
  ]),
) as unknown as Handlers;
const door = createDispatcher(recording, { isTrustedSender: (s) => s.authenticated });

/** The pure handlers for real; token.decode never needs a token-uuid, so none can be resolved. */
const internalErrors: unknown[] = [];
const real = createDispatcher(
  {
    ...recording,
    ...optionsHandlers(),
    ...doctorHandlers(),
    'token.decode': tokenHandlers({
      clock: () => 1767239000_000,
      resolveTokenUuid: async () => {
        throw new HandlerError('NO_TOKEN_UUID', 'token.decode resolves no token-uuid');
      },
    })['token.decode'],
  },
  { isTrustedSender: () => true, checkOutputs: true, onInternalError: (_c, err) => internalErrors.push(err) },
);
const REAL_CHANNELS: RequestChannel[] = ['token.decode', 'options.render', 'doctor.diagnose'];

function payloads(of: () => unknown[]): fc.Arbitrary<unknown> {
  // The samples exist only once beforeAll ran, so the arbitraries are made inside each test.
  const pool = of();
  const shape = { keys: samples.keys, exotic: true };
  return mix(
    mutatedFrom(pool, (p, rng) => mutateJson(p, rng, pool, shape)),
    generatedBy((rng) => (rng.chance(0.1) ? randomString(rng, 30) : randomJson(rng, shape, 4))),
  );
}

// The checks below run 10,000 times per channel: plain conditions, not vitest's expect (see `check`).

function checkNoSecret(text: string): void {
  for (const secret of SECRETS) check(!text.includes(secret), 'a secret in a refusal');
}

function checkIpcResult(result: IpcResult<unknown>): void {
  check(typeof result === 'object' && result !== null && typeof result.ok === 'boolean', 'the answer is not an IpcResult');
  if (!result.ok) {
    check(typeof result.error.code === 'string' && result.error.message.length > 0, 'an error without a code or a message');
    check(!/[\r\n]/.test(result.error.message), `an error message of several lines: ${JSON.stringify(result.error.message)}`);
  }
}

async function checkDoor(channel: RequestChannel, payload: unknown): Promise<void> {
  const expected = bounded('safeParse', () => requests[channel].input.safeParse(payload));
  calls.length = 0;
  const result = await boundedAsync(`${channel} through the door`, () => door.invoke(channel, payload, TRUSTED));
  checkIpcResult(result);
  if (expected.success) {
    check(calls.length === 1 && calls[0]!.channel === channel, `the handler ran ${calls.length} times for input its schema accepts`);
    check(isDeepStrictEqual(calls[0]!.input, expected.data), 'the handler got other input than the schema parsed');
    check(result.ok && result.data === ANSWER, "the handler's answer did not come back");
    return;
  }
  check(calls.length === 0, 'a handler ran with input its schema refuses');
  check(!result.ok && result.error.code === 'BAD_INPUT', `refused input answered ${JSON.stringify(result)}`);
  if (!result.ok) {
    check(result.error.message.startsWith(`${channel}: `), 'a refusal that does not name its channel');
    checkNoSecret(result.error.message);
  }
}

describe('fuzz: IPC request schemas through the dispatcher door', () => {
  it.each(REQUEST_CHANNELS.map((c) => [c] as const))('%s', { timeout: FUZZ_TEST_TIMEOUT }, async (channel) => {
    await fuzzAsync(
      `ipc ${channel}`,
      payloads(() => samples.requests[channel]),
      (p) => checkDoor(channel, p),
    );
  });

  it('unknown channels and foreign senders are refused before any schema or handler', { timeout: FUZZ_TEST_TIMEOUT }, async () => {
    const names = fc.oneof(
      fc.constantFrom(...REQUEST_CHANNELS, '__proto__', 'constructor', 'toString', '', 'token.Mint'),
      fc.string({ maxLength: 80 }),
    );
    await fuzzAsync('ipc door', fc.tuple(names, fc.boolean()), async ([channel, trusted]) => {
      calls.length = 0;
      const result = await boundedAsync('invoke', () => door.invoke(channel, samples.requests['token.decode'][0], trusted ? TRUSTED : FOREIGN));
      checkIpcResult(result);
      const known = (REQUEST_CHANNELS as readonly string[]).includes(channel);
      if (!trusted) expect(result.ok === false && result.error.code).toBe('FORBIDDEN_SENDER');
      else if (!known) expect(result.ok === false && result.error.code).toBe('UNKNOWN_CHANNEL');
      if (!trusted || !known) expect(calls).toEqual([]);
    });
  });
});

describe('fuzz: the pure handlers for real, answers checked against their output schemas', () => {
  it.each(REAL_CHANNELS.map((c) => [c] as const))('%s', { timeout: FUZZ_TEST_TIMEOUT }, async (channel) => {
    await fuzzAsync(
      `ipc ${channel} (real handler)`,
      payloads(() => samples.requests[channel]),
      async (payload) => {
        const result = await boundedAsync(channel, () => real.invoke(channel, payload, TRUSTED));
        checkIpcResult(result);
        // An answer outside its schema, or a handler that threw, would be INTERNAL.
        check(internalErrors.length === 0, `INTERNAL: ${internalErrors.map((e) => (e instanceof Error ? e.message : String(e))).join('; ')}`);
        check(result.ok || result.error.code !== 'INTERNAL', 'INTERNAL');
      },
    );
  });
});

describe('fuzz: IPC event payload schemas', () => {
  it.each(EVENT_CHANNELS.map((e) => [e] as const))('%s', { timeout: FUZZ_TEST_TIMEOUT }, (event) => {
    for (const sent of samples.events[event]) expect(eventDefs[event].payload.safeParse(sent).success).toBe(true);
    const arb = payloads(() => samples.events[event]);
    fuzz(`ipc event ${event}`, arb, (payload) => {
      const parsed = bounded('safeParse', () => eventDefs[event].payload.safeParse(payload));
      if (parsed.success) return;
      check(parsed.error.issues.length > 0, 'a refusal without an issue');
      const line = describeSchemaError(parsed.error);
      check(line.length > 0 && !/[\r\n]/.test(line), `not one line: ${JSON.stringify(line)}`);
    });
  });
});
