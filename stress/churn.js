// Part "churn": connect/close cycles, then a flood of slow clients, against maxConnections and
// registerTimeoutSeconds, with a good client logging in all along. Targets: good clients still served,
// slow clients over the limit refused SERVER_BUSY and the rest closed IDLE_TIMEOUT on time, and no
// socket left open (the server's count and its process's open files back to their start).
//
// While the slow clients hold every slot, the server must refuse newcomers (that is what maxConnections
// is for), so during the flood the good client backs off from SERVER_BUSY and retries every 100 ms, as
// a real client would; what is judged is that it gets in once registerTimeoutSeconds frees the slots.
import { randomUUID } from 'node:crypto';
import { runCycles, runSlowClients } from './churn-clients.js';
import { registerLine, startGoodClient } from './good-client.js';
import { check, socketsCheck } from './report.js';
import { settledMemory, startServer, waitForNoSockets } from './server.js';
import { mb, ms } from './stats.js';

const BUSY_RETRY_MS = 100;
/** how late after registerTimeoutSeconds an IDLE_TIMEOUT (and the good client's way in) may come */
const TIMEOUT_SLACK_SECONDS = 2;
/** how early, as seen from here: our 'connect' event may run a little after the server accepted */
const TIMEOUT_EARLY_SECONDS = 0.25;

export async function runChurn({ cycles, concurrency, slowClients, maxConnections, registerTimeoutSeconds, openFilesLimit, log }) {
  // Our side holds every slow client at once, plus the cycles and the good client; so does the server (up to maxConnections).
  const needFiles = slowClients + concurrency + 200;
  if (openFilesLimit !== null && openFilesLimit < needFiles)
    throw new Error(
      `the open files limit (ulimit -n) is ${openFilesLimit}, below the ${needFiles} this part holds at once: raise it (ulimit -n ${needFiles * 2}) and run again`,
    );
  const tokenUuid = randomUUID();
  const server = await startServer({
    tokenAuthenticationMode: 'enable',
    tokenUuid,
    users: [{ userName: 'stress', enabled: true }],
    listeners: [{ host: '127.0.0.1', port: 0 }],
    maxConnections,
    // Every client here comes from 127.0.0.1: this part measures maxConnections, not the per-address cap.
    maxConnectionsPerAddress: maxConnections,
    registerTimeoutSeconds,
  });
  try {
    const line = registerLine({ tokenUuid, userName: 'stress', nowSeconds: Math.floor(Date.now() / 1000), lifeSeconds: 7200 });
    const baselineFiles = server.openFiles();
    const start = await settledMemory(server, 500);

    log(`churn: ${cycles.toLocaleString('en-US')} connect/close cycles, ${concurrency} at once, a good client logging in meanwhile`);
    const goodDuringCycles = startGoodClient({ port: server.port, line });
    const churned = await runCycles({ port: server.port, cycles, concurrency, onProgress: (n) => log(`  ${n.toLocaleString('en-US')} cycles`) });
    const good1 = await goodDuringCycles.stop();

    log(
      `churn: ${slowClients.toLocaleString('en-US')} slow clients (one byte a second) against maxConnections ${maxConnections}, registerTimeoutSeconds ${registerTimeoutSeconds}`,
    );
    const goodDuringFlood = startGoodClient({ port: server.port, line, retryBusyMs: BUSY_RETRY_MS });
    const slow = await runSlowClients({ port: server.port, count: slowClients, waitMs: (registerTimeoutSeconds + 15) * 1000 });
    const good2 = await goodDuringFlood.stop();

    const sockets = server.exitReason ? null : await waitForNoSockets(server, baselineFiles, 15_000);
    const after = await server.collect().catch(() => null);
    const counters = (await server.status().catch(() => null))?.counters ?? null;

    // Fewer cycles at once than maxConnections: a SERVER_BUSY here would mean the server lost count.
    const cycleFaults = Object.entries(churned.outcomes).filter(([o]) => o !== 'hello' && o !== 'reset');
    const busy = slow.outcomes.SERVER_BUSY ?? 0;
    const idle = slow.outcomes.IDLE_TIMEOUT ?? 0;
    const otherSlow = Object.entries(slow.outcomes).filter(([o]) => o !== 'SERVER_BUSY' && o !== 'IDLE_TIMEOUT');
    const minBusy = Math.max(0, slowClients - maxConnections);
    const lateLimit = registerTimeoutSeconds + TIMEOUT_SLACK_SECONDS;
    const t = slow.idleTimeoutAfterSeconds;
    const listed = (entries) => entries.map(([o, n]) => `${o} × ${n}`).join(', ');
    return {
      part: 'churn',
      settings: { cycles, concurrency, slowClients, server: { maxConnections, registerTimeoutSeconds }, busyRetryMs: BUSY_RETRY_MS },
      figures: {
        cycles: churned,
        goodLoginsDuringCycles: good1,
        slowClients: slow,
        goodLoginsDuringFlood: good2,
        serverCounters: counters,
        serverDownReason: server.exitReason,
        sockets,
        memory: {
          startMb: start === null ? null : mb(start.rss),
          afterMb: after ? mb(after.rss) : null,
          heapUsedAfterMb: after ? mb(after.heapUsed) : null,
        },
      },
      checks: [
        check('connect/close cycles done', {
          value: `${cycles - cycleFaults.reduce((a, [, n]) => a + n, 0)} of ${cycles} at ${churned.rate}/s${cycleFaults.length ? ` (${listed(cycleFaults)})` : ''}`,
          target: `all ${cycles}, none hung or failed`,
          pass: cycleFaults.length === 0,
        }),
        check('good logins failed during the cycles', {
          value: `${good1.failed} of ${good1.ok + good1.failed}${good1.failed ? ` (${listed(Object.entries(good1.failures))})` : ''}, p99 ${ms(good1.latencyMs.p99)}`,
          target: '0, and ≥ 1 login',
          pass: good1.failed === 0 && good1.ok > 0,
        }),
        check('slow clients refused SERVER_BUSY / closed IDLE_TIMEOUT', {
          value: `${busy} / ${idle} of ${slowClients}${otherSlow.length ? `; other: ${listed(otherSlow)}` : ''}`,
          target: `busy ≥ ${minBusy}, busy + idle = ${slowClients}`,
          pass: busy >= minBusy && busy + idle === slowClients && otherSlow.length === 0,
        }),
        check('IDLE_TIMEOUT after connecting', {
          value: t ? `${t.min}–${t.max} s` : 'none came',
          target: `${registerTimeoutSeconds - TIMEOUT_EARLY_SECONDS}–${lateLimit} s`,
          pass: t !== null && t.min >= registerTimeoutSeconds - TIMEOUT_EARLY_SECONDS && t.max <= lateLimit,
        }),
        check('good logins during the flood (retrying SERVER_BUSY)', {
          value: `${good2.ok} served, ${good2.failed} failed, ${good2.busyRefusals} busy refusals, longest wait ${ms(good2.longestWaitMs)}`,
          target: `≥ 1 served, 0 failed, wait ≤ ${lateLimit + slow.openedInSeconds} s`,
          pass:
            good2.ok > 0 && good2.failed === 0 && good2.longestWaitMs !== null && good2.longestWaitMs <= (lateLimit + slow.openedInSeconds) * 1000,
        }),
        check('server still up', { value: server.exitReason ?? 'up', target: 'up', pass: server.exitReason === null }),
        socketsCheck(sockets),
        check('slow clients still open on our side', { value: String(slow.stillOpen), target: '0', pass: slow.stillOpen === 0 }),
      ],
    };
  } finally {
    await server.stop();
  }
}
