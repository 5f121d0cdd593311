/**
 * A real IPC runtime for tests: the store in a temp folder, the real mock CS, every answer checked
 * against its output schema, every event checked against its payload schema, and everything
 * received kept so a test can prove no secret ever left main.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  events as eventDefs,
  type EventChannel,
  type EventPayload,
  type RequestChannel,
  type RequestInput,
  type RequestOutput,
} from '../../src-main/ipc/contract/index.js';
import { createIpcRuntime, type IpcHost, type IpcRuntime, type SenderInfo } from '../../src-main/ipc/index.js';
import type { IpcResult } from '../../src-main/ipc/result.js';
import { SessionSecretVault } from '../../src-main/store/index.js';

/** Distinctive secrets: if any of their forms shows up in an answer or an event, it leaked. */
export const SECRET_UUID = '7e3a91c4-5b2d-4f86-a0e9-d41c2b7f6e35';
export const SECRET_PASSWORD = 'Quokka-Meridian-4471!';

export const TRUSTED: SenderInfo = { url: 'app://gax-token-lab/index.html', authenticated: true };
export const FOREIGN: SenderInfo = { url: 'https://evil.example/', authenticated: false };

export interface Received {
  channel: string;
  result: IpcResult<unknown>;
}

export interface TestRuntime {
  dir: string;
  runtime: IpcRuntime;
  /** answers to `invoke` (not those asked with `{record: false}`) */
  received: Received[];
  events: { event: EventChannel; payload: unknown }[];
  /** events whose payload did not match its schema */
  badEvents: string[];
  internalErrors: { channel: string; err: unknown }[];
  invoke<C extends RequestChannel>(channel: C, input: RequestInput<C>, opts?: { record?: boolean }): Promise<IpcResult<RequestOutput<C>>>;
  /** the data of an answer that must be ok */
  call<C extends RequestChannel>(channel: C, input: RequestInput<C>, opts?: { record?: boolean }): Promise<RequestOutput<C>>;
  invokeRaw(channel: string, payload: unknown, sender?: SenderInfo): Promise<IpcResult<unknown>>;
  /** resolves with the first event (already received or coming) that `match` accepts */
  waitForEvent<E extends EventChannel>(event: E, match: (payload: EventPayload<E>) => boolean, timeoutMs?: number): Promise<EventPayload<E>>;
  close(): Promise<void>;
}

export async function startRuntime(host: Partial<IpcHost> = {}, dir?: string): Promise<TestRuntime> {
  const dataDir = dir ?? (await mkdtemp(join(tmpdir(), 'gax-ipc-')));
  const internalErrors: TestRuntime['internalErrors'] = [];
  const runtime = await createIpcRuntime({
    mode: 'electron',
    dataDir,
    cipher: new SessionSecretVault(),
    appInfo: { version: '0.1.0', versions: { node: process.versions.node, electron: '45.5.0', chrome: '142.0.0.0' } },
    isTrustedSender: (s) => s.authenticated && s.url !== null && s.url.startsWith('app://gax-token-lab/'),
    onInternalError: (channel, err) => internalErrors.push({ channel, err }),
    checkOutputs: true,
    ...host,
  });
  const events: TestRuntime['events'] = [];
  const badEvents: string[] = [];
  const waiters = new Set<() => void>();
  runtime.subscribe((event, payload) => {
    const parsed = eventDefs[event].payload.safeParse(payload);
    if (!parsed.success) badEvents.push(`${event}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    events.push({ event, payload });
    for (const w of waiters) w();
  });
  const received: Received[] = [];
  const invokeRaw = (channel: string, payload: unknown, sender: SenderInfo = TRUSTED) => runtime.dispatcher.invoke(channel, payload, sender);
  const t: TestRuntime = {
    dir: dataDir,
    runtime,
    received,
    events,
    badEvents,
    internalErrors,
    invokeRaw,
    async invoke(channel, input, opts = {}) {
      const result = await invokeRaw(channel, input);
      if (opts.record !== false) received.push({ channel, result });
      return result as IpcResult<RequestOutput<typeof channel>>;
    },
    async call(channel, input, opts) {
      const result = await t.invoke(channel, input, opts);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
      return result.data;
    },
    waitForEvent(event, match, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        let seen = 0;
        const check = () => {
          for (; seen < events.length; seen++) {
            const e = events[seen]!;
            if (e.event === event && match(e.payload as EventPayload<typeof event>)) {
              cleanup();
              resolve(e.payload as EventPayload<typeof event>);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no matching ${event} event within ${timeoutMs} ms`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    async close() {
      await runtime.dispose();
      if (dir === undefined) await rm(dataDir, { recursive: true, force: true });
    },
  };
  return t;
}

/** Every form a secret could leak in: as typed, upper and lower case, hex, base64 and base64url of its text and (a UUID) of its bytes. */
export function leakForms(secret: string): string[] {
  const forms = new Set([secret, secret.toLowerCase(), secret.toUpperCase()]);
  const text = Buffer.from(secret, 'utf8');
  forms.add(text.toString('hex'));
  forms.add(text.toString('base64').replace(/=+$/, ''));
  forms.add(text.toString('base64url'));
  const hex = secret.replace(/-/g, '');
  if (/^[0-9a-f]{32}$/i.test(hex)) {
    const bytes = Buffer.from(hex, 'hex');
    forms.add(hex.toLowerCase());
    forms.add(hex.toUpperCase());
    forms.add(bytes.toString('base64').replace(/=+$/, ''));
    forms.add(bytes.toString('base64url'));
  }
  return [...forms];
}

/** Fails when any answer or event this runtime gave holds a form of any of the secrets. */
export function expectNoLeak(t: TestRuntime, secrets: readonly string[] = [SECRET_UUID, SECRET_PASSWORD]): void {
  const everything = JSON.stringify({ received: t.received, events: t.events });
  for (const secret of secrets)
    for (const form of leakForms(secret))
      expect(everything.includes(form), `a form of a secret (${form.slice(0, 4)}…) was found in what main sent`).toBe(false);
}

/**
 * One runtime for all the tests of the file (or of the describe block it is called in): started
 * before them and handed to `use`; after them it is checked for leaked secrets (expectNoLeak) and closed.
 */
export function runtimeForAll(use: (t: TestRuntime) => void): void {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startRuntime();
    use(t);
  });
  afterAll(async () => {
    expectNoLeak(t);
    await t.close();
  });
}

/** A one-line message: no line break, no stack frame. */
export function expectOneLine(text: string): void {
  expect(text).not.toMatch(/[\r\n]/);
  expect(text).not.toMatch(/\bat \S+ \(|\.ts:\d+|\.js:\d+/);
}
