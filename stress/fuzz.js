// Part "fuzz": hostile frames from many connections while a good client logs in continuously
// (stress/fuzz-session.js). Targets: zero failed good logins, the server still up afterwards, every
// answer a csmock/1 line, no socket left, memory back near its start.
//
// Memory: a cold Node process grows its young generation and malloc arenas under any load and keeps
// them (measured: the good client alone takes a fresh mock CS from ~70 to ~100 MB RSS with a flat
// heapUsed), so "start" is taken after a warm-up stretch of the same fuzz, settled and collected; the
// measured fuzz must then leave nothing behind. The cold figure is kept in the report too.
import { randomUUID } from 'node:crypto';
import { runFuzzSession } from './fuzz-session.js';
import { loginOnce, registerLine } from './good-client.js';
import { memoryBackNearStart, MEMORY_RULE } from './memory.js';
import { check, socketsCheck } from './report.js';
import { settledMemory, startServer, waitForNoSockets } from './server.js';
import { mb, ms } from './stats.js';

const LIMITS = { maxLineBytes: 16_384, passwordFieldLimit: 64 };
/** the spec's defaults, set explicitly so the report states what really ran */
const SERVER = { ...LIMITS, maxConnections: 1000, maxFailedAttempts: 5, diagnostics: 'teaching' };
/** quiet time before the start and after figures (then a full GC) */
const SETTLE_MS = 2000;

export async function runFuzz({ seconds, warmupSeconds, connections, writeIntervalMs, seed, quick, log }) {
  const tokenUuid = randomUUID();
  const registerTimeoutSeconds = quick ? 2 : 10;
  const server = await startServer({
    tokenAuthenticationMode: 'enable',
    tokenUuid,
    users: [
      { userName: 'stress', enabled: true },
      { userName: 'stress-off', enabled: false },
      { userName: 'stress-pw', password: randomUUID(), enabled: true },
    ],
    listeners: [{ host: '127.0.0.1', port: 0 }],
    ...SERVER,
    registerTimeoutSeconds,
  });
  try {
    const line = registerLine({ tokenUuid, userName: 'stress', nowSeconds: Math.floor(Date.now() / 1000), lifeSeconds: 7200 });
    const session = { server, line, goodToken: JSON.parse(line).password, connections, writeIntervalMs, limits: LIMITS, log };
    const baselineFiles = server.openFiles();
    const cold = await settledMemory(server, 500);

    log(`fuzz: warm-up ${warmupSeconds} s, then ${connections} connections for ${seconds} s (seed ${seed}), a good client logging in meanwhile`);
    const warmup = await runFuzzSession({ ...session, seconds: warmupSeconds, seed: seed + 1_000_000 });
    const start = await settledMemory(server, SETTLE_MS);
    const rssStart = start?.rss ?? null;
    const main = await runFuzzSession({ ...session, seconds, seed });

    // Still up: the process runs, answers a status question, and a fresh client still logs in.
    const statusAfter = await server.status().catch((err) => ({ error: err.message }));
    const loginAfter = await loginOnce(server.port, line, 10_000);
    const upReason = server.exitReason ?? statusAfter.error ?? (loginAfter.ok ? null : `a fresh login after the fuzz failed: ${loginAfter.code}`);
    const sockets = upReason ? null : await waitForNoSockets(server, baselineFiles, 10_000);
    const after = upReason ? null : await settledMemory(server, SETTLE_MS);
    const memory = after === null || rssStart === null ? null : memoryBackNearStart(rssStart, after.rss);

    const goodOk = warmup.goodLogins.ok + main.goodLogins.ok;
    const goodFailed = warmup.goodLogins.failed + main.goodLogins.failed;
    const failures = [warmup, main].flatMap((s) => Object.entries(s.goodLogins.failures).map(([code, n]) => `${code} × ${n}`)).join(', ');
    const invalid = warmup.traffic.invalidAnswers + main.traffic.invalidAnswers;
    return {
      part: 'fuzz',
      settings: { seconds, warmupSeconds, connections, writeIntervalMs, seed, server: { ...SERVER, registerTimeoutSeconds } },
      figures: {
        goodLogins: main.goodLogins,
        goodLoginsWarmup: warmup.goodLogins,
        fuzzTraffic: { ...main.traffic, frameKinds: main.frameKinds },
        fuzzTrafficWarmup: { ...warmup.traffic, frameKinds: warmup.frameKinds },
        serverCounters: statusAfter.counters ?? null,
        serverUp: upReason === null,
        serverDownReason: upReason,
        sockets,
        memory: {
          rule: MEMORY_RULE,
          coldMb: cold === null ? null : mb(cold.rss),
          startMb: rssStart === null ? null : mb(rssStart),
          peakMb: mb(main.rssPeak),
          duringMbEachSecond: main.rssMbEachSecond,
          afterMb: after === null ? null : mb(after.rss),
          limitMb: memory ? mb(memory.limit) : null,
          heapUsedStartMb: start === null ? null : mb(start.heapUsed),
          heapUsedAfterMb: after === null ? null : mb(after.heapUsed),
        },
      },
      checks: [
        check('good logins failed (while fuzzed)', {
          value: `${goodFailed} of ${goodOk + goodFailed}${failures ? ` (${failures})` : ''}`,
          target: '0, and ≥ 1 login',
          pass: goodFailed === 0 && main.goodLogins.ok > 0,
        }),
        check('good login p99 (connect → ClientRegistered)', { value: ms(main.goodLogins.latencyMs.p99), target: 'info', pass: true, judged: false }),
        check('server still up after the fuzz', { value: upReason ?? 'up: status answered, fresh login OK', target: 'up', pass: upReason === null }),
        check('server lines that are not csmock/1 answers', {
          value: `${invalid} of ${Object.values(main.traffic.answers).reduce((a, n) => a + n, 0)} answers`,
          target: '0',
          pass: invalid === 0 && main.traffic.writes > 0,
        }),
        socketsCheck(sockets),
        check('server RSS after the fuzz (settle + GC) vs start', {
          value: memory ? `${mb(after.rss)} MB vs ${mb(rssStart)} MB (peak ${mb(main.rssPeak)} MB)` : 'not measured (server down)',
          target: memory ? `≤ ${mb(memory.limit)} MB` : 'start + max(20 %, 16 MB)',
          pass: memory?.pass ?? false,
          judged: !quick,
        }),
      ],
    };
  } finally {
    await server.stop();
  }
}
