// gax-token time, run as the real built command against a mock CS whose clock is off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockCs } from '../../src-main/mockcs/index.js';
import { startPlainAndTls } from '../helpers/mockcs.js';
import { expectOneLineError, runGaxToken } from '../helpers/cli.js';

let cs: MockCs;
let port: number;
let tlsPort: number;
let fingerprint: string;

beforeAll(async () => {
  ({ cs, port, tlsPort, fingerprint } = await startPlainAndTls({ clockOffsetSeconds: 120 }));
});
afterAll(async () => {
  await cs.stop();
});

describe('gax-token time', () => {
  it('prints the offset, the round trip, and each sample with the best marked', async () => {
    const r = await runGaxToken(['time', '--host', '127.0.0.1', '--port', String(port), '--samples', '3']);
    expect(r.code).toBe(0);
    const m = /^server clock at 127\.0\.0\.1:\d+: \+(\d+\.\d) ms from this machine's \(2 min ahead\), round trip \d+\.\d\d ms — best of 3$/m.exec(
      r.stdout,
    );
    expect(m).not.toBeNull();
    expect(Math.abs(Number(m![1]) - 120_000)).toBeLessThan(100);
    expect(r.stdout.match(/^ {2}sample /gm)).toHaveLength(3);
    expect(r.stdout.match(/← best/g)).toHaveLength(1);
  });

  it('--json over TLS with a pinned fingerprint', async () => {
    const r = await runGaxToken(['time', '--host', '127.0.0.1', '--port', String(tlsPort), '--tls', '--fingerprint', fingerprint, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(true);
    expect(out.samples).toHaveLength(5);
    expect(Math.abs(out.offsetMs - 120_000)).toBeLessThan(100);
    expect(out.roundTripMs).toBe(Math.min(...out.samples.map((s: { roundTripMs: number }) => s.roundTripMs)));
  });

  it('nothing listening: the reason and the fix, exit 1', async () => {
    const r = await runGaxToken(['time', '--host', '127.0.0.1', '--port', '1']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^unreachable: nothing is listening on 127\.0\.0\.1:1\nfix: /);
  });

  it.each([
    [['time', '--host', '127.0.0.1'], "'time' needs --port P"],
    [['time', '--host', '127.0.0.1', '--port', '2020', '--samples', '0'], '--samples must be from 1 to 100'],
    [['time', '--host', '127.0.0.1', '--port', '2020', '--ca', 'x'], '--ca needs --tls'],
  ])('usage error %j → exit 2, one line', async (args, text) => {
    const r = await runGaxToken(args);
    expect(r.code).toBe(2);
    expect(expectOneLineError(r)).toContain(text);
  });
});
