// Every request channel, through createIpcRuntime's dispatcher with outputs checked against their
// schemas: a good payload is accepted, each malformed one (wrong type, missing field, unknown field)
// is refused with BAD_INPUT in one line naming the field, never quoting a secret. The table
// (contract-cases.ts) is keyed by channel: a channel added without a case fails `tsc` and this test.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_CHANNELS, REQUEST_CHANNELS } from '../../src-main/ipc/contract/index.js';
import { events as eventDefs, requests } from '../../src-main/ipc/contract/index.js';
import { CASES, type Ctx } from './contract-cases.js';
import { expectNoLeak, expectOneLine, leakForms, SECRET_PASSWORD, SECRET_UUID, startRuntime } from './helpers.js';

const opened: string[] = [];
const ctx = {} as Ctx;

beforeAll(async () => {
  const t = await startRuntime({
    saveFile: async ({ suggestedName, content }) => {
      const folder = join(ctx.t.dir, 'saved');
      await mkdir(folder, { recursive: true });
      const path = join(folder, suggestedName);
      await writeFile(path, content);
      return { saved: true, path };
    },
    openExternal: async (url) => {
      opened.push(url);
      return true;
    },
  });
  ctx.t = t;
  await t.call('mockcs.listeners.set', { listeners: [{ host: '127.0.0.1', port: 0 }] });
  await t.call('mockcs.start', { options: { tokenAuthenticationMode: 'enable' } });
  ctx.csId = (
    await t.call('profiles.create', {
      kind: 'cs',
      name: 'Lab CS',
      options: { 'token-authentication-mode': 'enable', 'token-uuid': SECRET_UUID },
      listeners: [{ host: '127.0.0.1', port: 2020 }],
      users: [{ userName: 'alice', password: SECRET_PASSWORD }],
    })
  ).id;
  ctx.gaxId = (await t.call('profiles.create', { kind: 'gax', name: 'Lab GAX', options: { confserv_trusted: 'true' } })).id;
  ctx.token = (
    await t.call('token.mint', { username: 'default', tokenUuid: { kind: 'typed', value: SECRET_UUID }, lifeMinutes: 10, preamble: '{PXZ}' })
  ).token;
});

afterAll(async () => {
  expectNoLeak(ctx.t);
  expect(ctx.t.badEvents).toEqual([]);
  await ctx.t.close();
});

describe('the channel table', () => {
  it('has a case for every request channel, and channels.ts names exactly the contract', () => {
    expect(Object.keys(CASES).sort()).toEqual([...REQUEST_CHANNELS].sort());
    expect([...REQUEST_CHANNELS].sort()).toEqual(Object.keys(requests).sort());
    expect([...EVENT_CHANNELS].sort()).toEqual(Object.keys(eventDefs).sort());
    for (const c of REQUEST_CHANNELS) {
      expect(CASES[c].bad.length, c).toBeGreaterThanOrEqual(2);
      // every channel is tested with a field it does not know
      expect(
        CASES[c].bad.some((b) => /^[a-z]+$/i.test(b.field) && typeof b.payload === 'object'),
        c,
      ).toBe(true);
    }
  });
});

describe.each(REQUEST_CHANNELS.map((c) => [c] as const))('%s', (channel) => {
  const c = CASES[channel];

  it('refuses each malformed payload with BAD_INPUT: one line naming the field, no secret', async () => {
    for (const bad of c.bad) {
      const result = await ctx.t.invokeRaw(channel, bad.payload);
      expect(result.ok, JSON.stringify(bad.payload).slice(0, 80)).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('BAD_INPUT');
      expect(result.error.message.startsWith(`${channel}: `)).toBe(true);
      expect(result.error.message).toContain(bad.field);
      expectOneLine(result.error.message);
      expect(result.error.hint).toBeTruthy();
      for (const form of [...leakForms(SECRET_UUID), ...leakForms(SECRET_PASSWORD)]) expect(result.error.message).not.toContain(form);
    }
  });

  it('accepts a good payload, and its answer fits the output schema', async () => {
    const result = await ctx.t.invoke(channel, (await c.good(ctx)) as never, { record: !c.revealsSecret });
    expect(result.ok ? 'ok' : `${result.error.code}: ${result.error.message}`).toBe('ok');
    expect(ctx.t.internalErrors).toEqual([]);
    await c.after?.(ctx);
  });
});

describe('side effects of the good payloads', () => {
  it('export.save wrote the file through the host, and app.openExternal handed over the checked link', async () => {
    expect(await readFile(join(ctx.t.dir, 'saved', 'report.txt'), 'utf8')).toBe('hello');
    expect(opened).toEqual(['https://docs.genesys.com/Documentation/GA']);
  });
});
