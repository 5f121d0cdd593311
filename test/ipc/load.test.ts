// Many logins at once through the contract: every one is decided and logged, while the window gets
// a bounded number of messages — batches of mock CS events, and a status at most once a second.
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MockCsEvent } from '../../src-main/mockcs/index.js';
import { startRuntime, type TestRuntime } from './helpers.js';

let t: TestRuntime;
beforeAll(async () => {
  t = await startRuntime();
  await t.call('mockcs.listeners.set', { listeners: [{ host: '127.0.0.1', port: 0 }] });
  await t.call('mockcs.start', { options: { tokenAuthenticationMode: 'enable' } });
});
afterAll(async () => {
  await t.close();
});

it('300 token logins, 30 at a time: all accepted, all logged, and few messages to the window', async () => {
  const LOGINS = 300;
  const PARALLEL = 30;
  const from = t.events.length;
  const started = performance.now();
  let next = 0;
  const outcomes: string[] = [];
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < LOGINS) {
        const i = next++;
        const r = await t.call('login.run', {
          runId: `load-${i}`,
          target: { kind: 'mockcs' },
          userName: 'default',
          credentials: { kind: 'gax', confservTrusted: true, tokenLifeMinutes: 10, tokenUuid: { kind: 'mockcs' }, preamble: '{PXZ}' },
        });
        outcomes.push(r.outcome);
      }
    }),
  );
  await new Promise((r) => setTimeout(r, 100)); // the last batch
  const elapsedMs = performance.now() - started;
  expect(outcomes.filter((o) => o === 'accepted')).toHaveLength(LOGINS);

  const batches = t.events
    .slice(from)
    .filter((e) => e.event === 'mockcs.events')
    .map((e) => (e.payload as { events: MockCsEvent[] }).events);
  const delivered = batches.flat();
  expect(delivered.filter((e) => e.kind === 'register' && e.code === 'OK')).toHaveLength(LOGINS);
  expect(batches.length).toBeLessThanOrEqual(Math.ceil(elapsedMs / 50) + Math.ceil(delivered.length / 500) + 2);
  const statuses = t.events.slice(from).filter((e) => e.event === 'mockcs.status').length;
  expect(statuses).toBeLessThanOrEqual(Math.ceil(elapsedMs / 1000) + 2);
  const logged = await t.call('mockcs.log.snapshot', {});
  expect(logged.events.filter((e) => e.kind === 'register')).toHaveLength(LOGINS);
  expect((await t.call('mockcs.status', undefined)).counters.accepted).toBe(LOGINS);
  console.log(
    `load: ${LOGINS} logins in ${Math.round(elapsedMs)} ms (${Math.round((LOGINS / elapsedMs) * 1000)}/s), ${delivered.length} mock CS events in ${batches.length} messages, ${statuses} status events`,
  );
});
