// One stretch of protocol fuzz: `connections` hostile connections (stress/fuzz-frames.js), each
// reconnecting whenever the server closes it, and the good client logging in all along. It checks
// that every line the server sends is a csmock/1 answer, and counts the answers by code.
import { connect } from 'node:net';
import { sleep } from '../bench/csmock-client.js';
import { makeFrameFuzzer } from './fuzz-frames.js';
import { startGoodClient } from './good-client.js';
import { mb, tally } from './stats.js';

/** a fuzz connection holds back while this much of its output is still unsent (the server may be slow to read) */
const WRITE_BACKLOG_BYTES = 64 * 1024;

/**
 * Runs for `seconds` (or until the server process ends) and resolves
 * { goodLogins, traffic, frameKinds, rssPeak, rssMbEachSecond } (RSS sampled about once a second).
 */
export async function runFuzzSession({ server, line, goodToken, seconds, connections, writeIntervalMs, seed, limits, log }) {
  const traffic = { writes: 0, bytes: 0, connects: 0, closedByServer: 0, answers: {}, invalidAnswers: 0, invalidSample: null };
  const good = startGoodClient({ port: server.port, line });
  const fuzzers = Array.from({ length: connections }, (_, i) =>
    startFuzzer({
      port: server.port,
      intervalMs: writeIntervalMs,
      traffic,
      frames: makeFrameFuzzer({ seed: seed + i, ...limits, goodUser: 'stress', goodToken }),
    }),
  );
  let rssPeak = 0;
  const rssMbEachSecond = [];
  const t0 = Date.now();
  let loggedAt = t0;
  while (Date.now() - t0 < seconds * 1000 && !server.exitReason) {
    await sleep(Math.min(1000, seconds * 1000 - (Date.now() - t0)));
    const status = await server.status().catch(() => null);
    if (status) rssPeak = Math.max(rssPeak, status.rss);
    rssMbEachSecond.push(status ? mb(status.rss) : null);
    if (status && Date.now() - loggedAt >= 10_000) {
      loggedAt = Date.now();
      log(
        `  ${Math.round((Date.now() - t0) / 1000)} s: ${good.ok} good logins, ${traffic.writes} fuzz writes, ${status.connections} connections, RSS ${mb(status.rss)} MB`,
      );
    }
  }
  await Promise.all(fuzzers.map((f) => f.stop()));
  const goodLogins = await good.stop();
  const kinds = Object.keys(fuzzers[0]?.frames.kinds ?? {});
  const frameKinds = Object.fromEntries(kinds.map((k) => [k, fuzzers.reduce((a, f) => a + f.frames.kinds[k], 0)]));
  return { goodLogins, traffic: { ...traffic, mbSent: mb(traffic.bytes) }, frameKinds, rssPeak, rssMbEachSecond };
}

/** One fuzz connection: writes a chunk every `intervalMs`, reads and checks the answers, reconnects when closed. */
function startFuzzer({ port, intervalMs, traffic, frames }) {
  let socket = null;
  let timer = null;
  let stopping = false;
  let closed = Promise.resolve();
  const open = () => {
    if (stopping) return; // stop() came while a reconnect was pending
    frames.reset();
    traffic.connects++;
    const s = connect({ port, host: '127.0.0.1', noDelay: true });
    socket = s;
    let text = '';
    let serverEnded = false;
    s.setEncoding('utf8');
    s.on('error', () => {}); // resets are part of the game; 'close' follows
    s.on('end', () => (serverEnded = true));
    s.on('data', (chunk) => {
      text += chunk;
      let nl;
      while ((nl = text.indexOf('\n')) !== -1) {
        checkAnswer(text.slice(0, nl), traffic);
        text = text.slice(nl + 1);
      }
    });
    s.on('connect', () => {
      timer = setInterval(() => {
        if (s.destroyed || s.writableLength > WRITE_BACKLOG_BYTES) return;
        const chunk = frames.next();
        traffic.writes++;
        traffic.bytes += chunk.length;
        s.write(chunk);
      }, intervalMs);
    });
    closed = new Promise((resolve) =>
      s.on('close', () => {
        clearInterval(timer);
        if (serverEnded) traffic.closedByServer++;
        // The server ended its side cleanly, so what it wrote is complete: a tail without its \n is a fault.
        if (serverEnded && text !== '') checkAnswer(`${text}\u0000(no end of line before the server closed)`, traffic);
        resolve();
        if (!stopping) setTimeout(open, 5);
      }),
    );
  };
  open();
  return {
    frames,
    async stop() {
      stopping = true;
      socket?.destroy();
      await closed;
    },
  };
}

/** Every line the server sends must be a JSON object with a string type; Errors carry a code. */
function checkAnswer(text, traffic) {
  let answer;
  try {
    answer = JSON.parse(text);
  } catch {
    answer = null;
  }
  const valid =
    answer !== null && typeof answer === 'object' && typeof answer.type === 'string' && (answer.type !== 'Error' || typeof answer.code === 'string');
  if (!valid) {
    traffic.invalidAnswers++;
    traffic.invalidSample ??= text.slice(0, 200);
    return;
  }
  tally(traffic.answers, answer.type === 'Error' ? answer.code : answer.type);
}
