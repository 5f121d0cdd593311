// Part "soak": token logins offered at a fixed rate for a long time, open loop (bench/csmock-client.js
// startOpenLoop), latency per request from its scheduled send time so a stall is not hidden
// (no coordinated omission), p50/p99 and the mock CS's RSS per window (a minute in the full run).
//
// Repeated logins on persistent connections, as the mock CS bench does them: a connection registers
// only once, so each request is a RegisterClient for a disabled Person with a valid token — every
// token check runs (decode, HMAC signature, window, user match, lookup) and the decision ends at the
// last one, USER_DISABLED; maxFailedAttempts and registerTimeoutSeconds are set out of the way.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { expectFields, firstAnswer, openConnection, sleep, startOpenLoop } from '../bench/csmock-client.js';
import { registerLine } from './good-client.js';
import { check } from './report.js';
import { startServer } from './server.js';
import { latencySummary, mb, ms, round, tally } from './stats.js';

const STABLE_P99_FACTOR = 1.5;
/** the first window's p99 is floored at this, so a tiny first figure does not make timer noise a failure */
const P99_FLOOR_MS = 1;
const RSS_GROWTH_LIMIT = 0.1;
const EXPECTED = '"code":"USER_DISABLED"';

export async function runSoak({ seconds, windowSeconds, rate, connections, quick, log }) {
  const tokenUuid = randomUUID();
  const server = await startServer({
    tokenAuthenticationMode: 'enable',
    tokenUuid,
    users: [{ userName: 'stress-off', enabled: false }],
    listeners: [{ host: '127.0.0.1', port: 0 }],
    maxFailedAttempts: 2147483647,
    registerTimeoutSeconds: 86400,
  });
  const sockets = [];
  try {
    const line = registerLine({ tokenUuid, userName: 'stress-off', nowSeconds: Math.floor(Date.now() / 1000), lifeSeconds: seconds + 3600 });
    let socketErrors = 0;
    for (let i = 0; i < connections; i++) {
      const s = await openConnection(server.port, true);
      s.on('error', () => socketErrors++); // counted; the unanswered requests then fail the part
      sockets.push(s);
    }
    sockets[0].write(line);
    expectFields(await firstAnswer(sockets[0]), { type: 'Error', code: 'USER_DISABLED' });

    const windowCount = Math.max(1, Math.round(seconds / windowSeconds));
    const windowMs = windowSeconds * 1000;
    const latencies = Array.from({ length: windowCount }, () => []);
    const lags = Array.from({ length: windowCount }, () => []);
    const fromSend = Array.from({ length: windowCount }, () => []);
    const wrong = {};
    log(
      `soak: ${rate.toLocaleString('en-US')} logins/s offered over ${connections} connections for ${seconds} s (${windowCount} windows of ${windowSeconds} s)`,
    );

    const total = Math.round(rate * seconds);
    const loop = startOpenLoop({
      sockets,
      rate,
      total,
      line,
      onAnswer: ({ scheduledAt, sentAt, answeredAt, line: answer }) => {
        const w = Math.min(windowCount - 1, Math.floor((scheduledAt - loop.start) / windowMs));
        latencies[w].push(answeredAt - scheduledAt);
        lags[w].push(sentAt - scheduledAt);
        fromSend[w].push(answeredAt - sentAt);
        if (!answer.includes(EXPECTED)) tally(wrong, /"code":"([A-Z_]+)"/.exec(answer)?.[1] ?? answer.slice(0, 40));
      },
    });
    const rssSamples = []; // [seconds since start, rss bytes]
    const sampler = (async () => {
      while (loop.sent < total) {
        if (server.exitReason) return loop.stop();
        const status = await server.status().catch(() => null);
        if (status) rssSamples.push([(performance.now() - loop.start) / 1000, status.rss]);
        if (status && rssSamples.length % windowSeconds === 0)
          log(
            `  ${Math.round((performance.now() - loop.start) / 1000)} s: ${loop.answered.toLocaleString('en-US')} answered, RSS ${mb(status.rss)} MB`,
          );
        await sleep(1000);
      }
    })();
    await loop.allSent;
    const drained = await loop.drained(5000);
    await sampler;
    const finalStatus = await server.status().catch(() => null);
    if (finalStatus) rssSamples.push([(performance.now() - loop.start) / 1000, finalStatus.rss]);

    const windows = latencies.map((values, w) => {
      const end = (w + 1) * windowSeconds;
      const rssAt = rssSamples.filter(([t]) => t <= end + 0.5).at(-1)?.[1] ?? null;
      return {
        window: w + 1,
        fromSecond: w * windowSeconds,
        ...latencySummary(values),
        fromSendP99: latencySummary(fromSend[w]).p99,
        lagP99: latencySummary(lags[w]).p99,
        rssMb: rssAt === null ? null : mb(rssAt),
      };
    });
    const first = windows[0];
    const last = windows[windows.length - 1];
    const p99Limit = STABLE_P99_FACTOR * Math.max(first.p99 ?? 0, P99_FLOOR_MS);
    const rssGrowth = first.rssMb && last.rssMb ? (last.rssMb - first.rssMb) / first.rssMb : null;
    const answeredAll = drained && loop.answered === total;
    const wrongCount = Object.values(wrong).reduce((a, n) => a + n, 0);
    const unit = quick ? 'window' : 'minute';
    return {
      part: 'soak',
      settings: {
        seconds,
        windowSeconds,
        rate,
        connections,
        request: 'RegisterClient for a disabled Person with a valid token (full token decision, USER_DISABLED)',
        server: { maxFailedAttempts: 2147483647, registerTimeoutSeconds: 86400 },
      },
      figures: {
        offered: total,
        answered: loop.answered,
        wrongAnswers: wrong,
        socketErrors,
        achievedRate: Math.round(loop.answered / seconds),
        latencyFrom:
          'the scheduled send time (open loop, no coordinated omission); fromSendP99 counts from the actual write and lagP99 is how late the writes were, so a starved load generator shows as lag, not as server latency',
        windows,
        p99Rule: `last ${unit} p99 ≤ ${STABLE_P99_FACTOR} × max(first ${unit} p99, ${P99_FLOOR_MS} ms)`,
        rssRule: `RSS at the end of the last ${unit} vs at the end of the first (the warm-up) ${unit}: growth < ${RSS_GROWTH_LIMIT * 100} %`,
        serverDownReason: server.exitReason,
      },
      checks: [
        check('logins answered (USER_DISABLED, as set up)', {
          value: `${loop.answered.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}${wrongCount ? `, ${wrongCount} wrong` : ''}${server.exitReason ? `; ${server.exitReason}` : ''}`,
          target: 'all, none wrong',
          pass: answeredAll && wrongCount === 0 && !server.exitReason,
        }),
        check(`p99 latency, last vs first ${unit}`, {
          value: `${ms(last.p99)} vs ${ms(first.p99)} (p50 ${ms(last.p50)} vs ${ms(first.p50)})`,
          target: `≤ ${round(p99Limit)} ms (${STABLE_P99_FACTOR} × max(first, ${P99_FLOOR_MS} ms))`,
          pass: last.p99 !== null && last.p99 <= p99Limit,
          judged: !quick,
        }),
        check(`server RSS growth, last vs first ${unit}`, {
          value: rssGrowth === null ? 'not measured' : `${round(rssGrowth * 100, 1)} % (${first.rssMb} → ${last.rssMb} MB)`,
          target: `< ${RSS_GROWTH_LIMIT * 100} %`,
          pass: rssGrowth !== null && rssGrowth < RSS_GROWTH_LIMIT,
          judged: !quick,
        }),
        check('load generator lag p99 (last window)', { value: ms(last.lagP99), target: 'info', pass: true, judged: false }),
      ],
    };
  } finally {
    for (const s of sockets) s.destroy();
    await server.stop();
  }
}
