// The load generator for bench/mockcs.bench.js, forked into its own process so the server under test
// does not share an event loop with its client. One job per IPC message; it answers with the figures.
// The same code drives the mock CS and the NDJSON echo baseline: only `hello` (skip the greeting) differs.
import { connect } from 'node:net';
import { serveJobs } from './child-jobs.js';
import { percentile } from './measure.js';
import { countLines, expectFields as check, firstAnswer, openConnection as open, sleep, startOpenLoop } from './csmock-client.js';

/** Closed loop: each connection keeps `depth` requests in flight; answers counted over `ms` after a warm-up. */
async function pipelined({ port, hello, connections, depth, line, expect, warmupMs, ms }) {
  const sockets = await Promise.all(Array.from({ length: connections }, () => open(port, hello)));
  const probe = sockets[0];
  probe.write(line);
  check(await firstAnswer(probe), expect);
  const payload = Buffer.from(line);
  const burst = Buffer.alloc(payload.length * depth);
  for (let i = 0; i < depth; i++) payload.copy(burst, i * payload.length);
  let counting = false;
  let answered = 0;
  for (const s of sockets) {
    s.on('data', (d) => {
      const n = countLines(d);
      if (counting) answered += n;
      // Refill what was answered, in one write.
      s.write(n === depth ? burst : burst.subarray(0, n * payload.length));
    });
    s.write(burst);
  }
  await sleep(warmupMs);
  counting = true;
  const t0 = performance.now();
  await sleep(ms);
  counting = false;
  const seconds = (performance.now() - t0) / 1000;
  for (const s of sockets) s.destroy();
  return { rate: answered / seconds };
}

/** Each worker: connect, (Hello,) one request, its answer, (unregister,) close — over and over. */
async function churn({ port, hello, concurrency, lines, expect, warmupMs, ms }) {
  const probe = await open(port, hello);
  probe.write(lines[0]);
  check(await firstAnswer(probe), expect);
  probe.destroy();
  let counting = false;
  let done = 0;
  let stop = false;
  const once = () =>
    new Promise((resolve, reject) => {
      const s = connect({ port, host: '127.0.0.1', noDelay: true });
      let got = 0;
      let step = 0;
      const want = lines.length + (hello ? 1 : 0);
      s.on('error', reject);
      const send = () => s.write(lines[step++]);
      if (!hello) s.on('connect', send);
      s.on('data', (d) => {
        got += countLines(d);
        if (got === want) s.end();
        else if (got - (hello ? 1 : 0) === step && step < lines.length) send();
      });
      s.on('close', () => (got === want ? resolve() : reject(new Error(`closed after ${got} of ${want} lines`))));
    });
  const worker = async () => {
    while (!stop) {
      await once();
      if (counting) done++;
    }
  };
  const workers = Array.from({ length: concurrency }, worker);
  await sleep(warmupMs);
  counting = true;
  const t0 = performance.now();
  await sleep(ms);
  const seconds = (performance.now() - t0) / 1000;
  counting = false;
  stop = true;
  await Promise.all(workers);
  return { rate: done / seconds };
}

/**
 * Open loop at a fixed rate (bench/csmock-client.js startOpenLoop): latency runs from the actual write
 * to the answer; `lagP99` says how late the writes were against the schedule (timer ticks, a busy machine).
 */
async function openLoop({ port, hello, connections, rate, line, expect, ms }) {
  const sockets = await Promise.all(Array.from({ length: connections }, () => open(port, hello)));
  sockets[0].write(line);
  check(await firstAnswer(sockets[0]), expect);
  const latencies = [];
  const lags = [];
  const total = Math.round((rate * ms) / 1000);
  const loop = startOpenLoop({
    sockets,
    rate,
    total,
    line,
    onAnswer: ({ scheduledAt, sentAt, answeredAt }) => {
      latencies.push(answeredAt - sentAt);
      lags.push(sentAt - scheduledAt);
    },
  });
  await loop.allSent;
  await loop.drained(2000);
  for (const s of sockets) s.destroy();
  const pct = (values, p) =>
    percentile(
      [...values].sort((a, b) => a - b),
      p,
    );
  return { p50: pct(latencies, 50), p99: pct(latencies, 99), lagP99: pct(lags, 99), answered: latencies.length, offered: total };
}

/** Opens `count` connections, logs each in, and keeps them until told to let go. */
let idle = [];
async function openIdle({ port, count, line, expect }) {
  for (let i = 0; i < count; i += 100) {
    const batch = await Promise.all(Array.from({ length: Math.min(100, count - i) }, () => open(port, true)));
    await Promise.all(
      batch.map(async (s) => {
        s.write(line);
        check(await firstAnswer(s), expect);
      }),
    );
    idle.push(...batch);
  }
  return { open: idle.length };
}

function closeIdle() {
  for (const s of idle) s.destroy();
  idle = [];
  return {};
}

const jobs = { pipelined, churn, openLoop, openIdle, closeIdle };

serveJobs(jobs);
