/**
 * Real IPC payloads to mutate, taken from a real runtime (store in a temp folder, the real mock CS on
 * 127.0.0.1:0): every request channel's good payload from the contract test's table, its malformed
 * ones, and every event the runtime pushed while a login ran — store.notices included, from a
 * settings file written corrupt on purpose, and app.problem from an error reported as the hosts do.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_CHANNELS, REQUEST_CHANNELS } from '../../src-main/ipc/contract/index.js';
import type { EventChannel, RequestChannel } from '../../src-main/ipc/contract/index.js';
import { CASES, type Ctx } from '../ipc/contract-cases.js';
import { SECRET_PASSWORD, SECRET_UUID, startRuntime } from '../ipc/helpers.js';

export interface IpcSamples {
  requests: Record<RequestChannel, unknown[]>;
  events: Record<EventChannel, unknown[]>;
  /** every object key seen in the samples: what mutations add back as "known" fields */
  keys: string[];
  close(): Promise<void>;
}

function collectKeys(v: unknown, into: Set<string>, depth = 0): void {
  if (typeof v !== 'object' || v === null || depth > 8) return;
  for (const [k, child] of Object.entries(v)) {
    if (!Array.isArray(v)) into.add(k);
    collectKeys(child, into, depth + 1);
  }
}

export async function gatherIpcSamples(): Promise<IpcSamples> {
  const dir = await mkdtemp(join(tmpdir(), 'gax-fuzz-ipc-'));
  await writeFile(join(dir, 'settings.json'), '{"version": 1, "theme": ');
  const t = await startRuntime({ saveFile: async () => ({ saved: false }), openExternal: async () => true }, dir);
  try {
    await t.call('mockcs.listeners.set', { listeners: [{ host: '127.0.0.1', port: 0 }] });
    await t.call('mockcs.start', { options: { tokenAuthenticationMode: 'enable' } });
    const ctx: Ctx = {
      t,
      csId: (
        await t.call('profiles.create', {
          kind: 'cs',
          name: 'Fuzz CS',
          options: { 'token-authentication-mode': 'enable', 'token-uuid': SECRET_UUID },
          users: [{ userName: 'alice', password: SECRET_PASSWORD }],
        })
      ).id,
      gaxId: (await t.call('profiles.create', { kind: 'gax', name: 'Fuzz GAX', options: { confserv_trusted: 'true' } })).id,
      token: (
        await t.call('token.mint', { username: 'default', tokenUuid: { kind: 'typed', value: SECRET_UUID }, lifeMinutes: 10, preamble: '{PXZ}' })
      ).token,
    };
    const requests = {} as Record<RequestChannel, unknown[]>;
    for (const c of REQUEST_CHANNELS) requests[c] = [await CASES[c].good(ctx), ...CASES[c].bad.map((b) => b.payload)];
    // A login as GAX would, so that login steps, mock CS events and a status with counters go out.
    await t.call('login.run', requests['login.run'][0] as never);
    await t.waitForEvent('mockcs.events', (p) => p.events.some((e) => e.kind === 'register'));
    await t.waitForEvent('mockcs.status', () => true, 5000);
    // An unexpected error in main, as the hosts' crash handlers report it.
    t.runtime.reportProblem(new TypeError(`a timer failed for ${SECRET_UUID}`));
    const events = Object.fromEntries(EVENT_CHANNELS.map((e) => [e, t.events.filter((x) => x.event === e).map((x) => x.payload)])) as Record<
      EventChannel,
      unknown[]
    >;
    for (const e of EVENT_CHANNELS) if (events[e].length === 0) throw new Error(`the runtime sent no ${e} event to take samples from`);
    if (t.badEvents.length) throw new Error(`the runtime sent events outside the contract: ${t.badEvents.join('; ')}`);
    const keys = new Set<string>();
    for (const samples of [...Object.values(requests), ...Object.values(events)]) collectKeys(samples, keys);
    return {
      requests,
      events,
      keys: [...keys],
      async close() {
        await t.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await t.close();
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}
