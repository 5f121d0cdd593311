/**
 * A real mock CS for the client's tests: started per test on 127.0.0.1 port 0 (plain or TLS),
 * with a token-uuid and users the tests know, stopped after each test, its data in a temp folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { MockCs, type MockCsEvent, type MockCsOptions } from '../../src-main/mockcs/index.js';
import type { LoginRequest, LoginResult, TraceStep } from '../../src-main/client/index.js';

export const UUID = '3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42';
export const WRONG_UUID = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
export const PASSWORD = 'S3cret-pass';
/** a whole PXZ-1 token: the preamble and at least 40 base64url characters */
export const WHOLE_TOKEN = /\{PXZ\}[A-Za-z0-9_-]{40,}/;

export interface Started {
  cs: MockCs;
  port: number;
  fingerprint256?: string;
  events: MockCsEvent[];
}

/** Registers the hooks of one test file; returns its `start`. */
export function useMockCs(): (options?: Partial<MockCsOptions>, tls?: boolean) => Promise<Started> {
  let dataDir = '';
  const running: MockCs[] = [];
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'gax-client-'));
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((cs) => cs.stop()));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });
  return async (options = {}, tls = false) => {
    const cs = new MockCs({
      dataDir,
      options: {
        tokenAuthenticationMode: 'enable',
        tokenUuid: UUID,
        users: [
          { userName: 'alice', password: PASSWORD, enabled: true },
          { userName: 'bob', password: PASSWORD, enabled: false },
        ],
        listeners: [{ host: '127.0.0.1', port: 0, tls }],
        ...options,
      },
    });
    running.push(cs);
    const events: MockCsEvent[] = [];
    cs.onEvent((e) => events.push(e));
    const [listener] = await cs.start();
    return { cs, port: listener!.port, events, ...(listener!.fingerprint256 ? { fingerprint256: listener!.fingerprint256 } : {}) };
  };
}

export function gax(
  port: number,
  over: Partial<Extract<LoginRequest['credentials'], { kind: 'gax' }>> = {},
  extra: Partial<LoginRequest> = {},
): LoginRequest {
  return {
    host: '127.0.0.1',
    port,
    userName: 'alice',
    credentials: { kind: 'gax', confservTrusted: true, tokenLifeMinutes: 20, tokenUuid: UUID, preamble: '{PXZ}', ...over },
    ...extra,
  };
}

export function withPassword(port: number, userName = 'alice', password = PASSWORD): LoginRequest {
  return { host: '127.0.0.1', port, userName, credentials: { kind: 'password', password } };
}

export function step(r: LoginResult, id: TraceStep['id']): TraceStep {
  return r.steps.find((s) => s.id === id)!;
}

/** No result, trace or step update may hold a secret: the token-uuid, the password, or a whole token. */
export function expectNoSecret(value: unknown, token?: RegExp): void {
  const text = JSON.stringify(value);
  expect(text).not.toContain(UUID);
  expect(text).not.toContain(UUID.replace(/-/g, ''));
  expect(text).not.toContain(PASSWORD);
  if (token) expect(text).not.toMatch(token);
}

export async function until(cond: () => boolean, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
