/** TLS pinning and the server clock, against the real mock CS on 127.0.0.1. */
import { describe, expect, it } from 'vitest';
import { probeServerTime, runLogin } from '../../src-main/client/index.js';
import { gax, step, useMockCs } from './mockcs-fixture.js';

const start = useMockCs();

describe('TLS against the mock CS', () => {
  it('with its fingerprint pinned: accepted, the certificate shown', async () => {
    const { port, fingerprint256 } = await start({}, true);
    expect(fingerprint256).toBeDefined();
    const r = await runLogin(gax(port, {}, { tls: { fingerprint256: fingerprint256! } }));
    expect(r.outcome).toBe('accepted');
    expect(r.certificate?.fingerprint256).toBe(fingerprint256);
    expect(r.certificate?.altNames).toEqual(expect.arrayContaining(['DNS:localhost', 'IP Address:127.0.0.1']));
    expect(step(r, 'tls').status).toBe('ok');
  });

  it('with a wrong fingerprint pinned: tls-failed, nothing sent', async () => {
    const { port, fingerprint256, events } = await start({}, true);
    const wrong = fingerprint256!.replace(/^../, (h) => (h === 'AA' ? 'BB' : 'AA'));
    const r = await runLogin(gax(port, {}, { tls: { fingerprint256: wrong } }));
    expect(r.outcome).toBe('tls-failed');
    expect(r.message).toMatch(/^the certificate's fingerprint .* does not match the pinned /);
    expect(events.some((e) => e.kind === 'register')).toBe(false);
  });
});

describe('the server clock', () => {
  it('runLogin and probeServerTime measure a simulated CS clock offset', async () => {
    const { port } = await start({ clockOffsetSeconds: -90 });
    const r = await runLogin(gax(port));
    expect(r.outcome).toBe('accepted');
    expect(Math.abs(r.clock!.offsetMs + 90_000)).toBeLessThan(50);
    expect(step(r, 'hello').detail).toMatch(/server clock 90 s behind ours/);

    const probe = await probeServerTime({ host: '127.0.0.1', port, samples: 4 });
    expect(probe.ok).toBe(true);
    if (!probe.ok) return;
    expect(probe.samples).toHaveLength(4);
    expect(Math.abs(probe.offsetMs + 90_000)).toBeLessThan(50);
    expect(probe.roundTripMs).toBe(Math.min(...probe.samples.map((s) => s.roundTripMs)));
    expect(Math.abs(probe.serverTime - (Date.now() - 90_000))).toBeLessThan(1000);
  });

  it('probeServerTime over TLS, and its failures as values', async () => {
    const { port, fingerprint256 } = await start({ clockOffsetSeconds: 3600 }, true);
    const probe = await probeServerTime({ host: '127.0.0.1', port, tls: { fingerprint256: fingerprint256! }, samples: 2 });
    expect(probe.ok && Math.abs(probe.offsetMs - 3_600_000) < 50).toBe(true);
    const wrongPin = await probeServerTime({ host: '127.0.0.1', port, tls: { fingerprint256: 'AA'.repeat(32) } });
    expect(wrongPin).toMatchObject({ ok: false, outcome: 'tls-failed' });
    const bad = await probeServerTime({ host: '127.0.0.1', port, samples: 0 });
    expect(bad).toMatchObject({ ok: false, outcome: 'invalid-input' });
  });
});
