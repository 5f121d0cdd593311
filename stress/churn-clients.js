// The clients of the churn part: short-lived connections cycled with bounded concurrency, and slow
// clients that send one byte a second and never finish a line (slowloris), each tallied by what the
// server answered.
import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import { sleep } from '../bench/csmock-client.js';
import { tally } from './stats.js';

/** a cycle that has not closed by then is counted as hung (and destroyed) */
const CYCLE_TIMEOUT_MS = 15_000;

/**
 * How a cycle leaves: most wait for Hello and close politely; some reset right after connecting
 * (before Hello is even written), some send half a line and reset — the server's three ways to lose a client.
 */
const STYLES = ['polite', 'polite', 'reset', 'halfLine'];

/** One connect/close cycle; resolves its outcome: hello, SERVER_BUSY, reset, or an error name. Never rejects. */
function cycleOnce(port, style) {
  return new Promise((resolve) => {
    const s = connect({ port, host: '127.0.0.1', noDelay: true });
    let outcome = null;
    let text = '';
    const timer = setTimeout(() => {
      outcome ??= 'HUNG';
      s.destroy();
    }, CYCLE_TIMEOUT_MS);
    s.on('error', (err) => (outcome ??= `CONNECT_ERROR ${err.code ?? err.message}`));
    s.on('close', () => {
      clearTimeout(timer);
      resolve(outcome ?? 'CLOSED_BY_SERVER_WITHOUT_ANSWER');
    });
    s.on('connect', () => {
      if (style !== 'reset') return;
      outcome = 'reset';
      s.resetAndDestroy();
    });
    s.setEncoding('latin1');
    s.on('data', (chunk) => {
      text += chunk;
      if (outcome !== null || !text.includes('\n')) return;
      if (text.startsWith('{"type":"Hello"')) {
        outcome = 'hello';
        if (style === 'halfLine') {
          s.write('{"type":"RegisterClient","requestId":1,"userN', () => s.resetAndDestroy());
        } else s.end();
      } else {
        outcome = /"code":"([A-Z_]+)"/.exec(text)?.[1] ?? 'UNEXPECTED_ANSWER';
        s.end();
      }
    });
  });
}

/** `cycles` connect/close cycles, at most `concurrency` at once; resolves { outcomes, styles, seconds, rate }. */
export async function runCycles({ port, cycles, concurrency, onProgress }) {
  const outcomes = {};
  const styles = {};
  let started = 0;
  let done = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (started < cycles) {
      const style = STYLES[started++ % STYLES.length];
      tally(styles, style);
      tally(outcomes, await cycleOnce(port, style));
      if (++done % 5000 === 0) onProgress?.(done);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  return { outcomes, styles, seconds: Number(seconds.toFixed(1)), rate: Math.round(cycles / seconds) };
}

/**
 * `count` slow clients, opened in batches of 100; each that gets Hello then sends one byte of a
 * RegisterClient line a second (one timer for all). Resolves once every one is closed (or
 * `waitMs` has passed) with the outcomes (SERVER_BUSY, IDLE_TIMEOUT, …), when IDLE_TIMEOUT came
 * (seconds after connecting, min/max), and how many sockets were still open at the end.
 */
export async function runSlowClients({ port, count, waitMs }) {
  const drip = Buffer.from(
    '{"type":"RegisterClient","requestId":1,"clientName":"slow","userName":"stress","password":"{PXZ}AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}\n',
  );
  const clients = [];
  const outcomes = {};
  const timeoutAfter = [];
  let open = 0;
  const dripTimer = setInterval(() => {
    for (const c of clients) if (c.dripping && c.sent < drip.length - 1) c.socket.write(drip.subarray(c.sent, ++c.sent));
  }, 1000);
  const t0 = performance.now();
  try {
    for (let i = 0; i < count; i += 100) {
      const batch = Array.from({ length: Math.min(100, count - i) }, () => openSlow(port, clients, outcomes, timeoutAfter));
      open += batch.length;
      await Promise.all(batch.map((c) => c.connected));
    }
    const openedInMs = performance.now() - t0;
    const deadline = performance.now() + waitMs;
    while (clients.some((c) => !c.closed) && performance.now() < deadline) await sleep(100);
    const stillOpen = clients.filter((c) => !c.closed);
    for (const c of stillOpen) c.socket.destroy();
    return {
      outcomes,
      openedInSeconds: Number((openedInMs / 1000).toFixed(2)),
      idleTimeoutAfterSeconds: timeoutAfter.length
        ? { min: Number(Math.min(...timeoutAfter).toFixed(2)), max: Number(Math.max(...timeoutAfter).toFixed(2)) }
        : null,
      stillOpen: stillOpen.length,
      opened: open,
    };
  } finally {
    clearInterval(dripTimer);
  }
}

function openSlow(port, clients, outcomes, timeoutAfter) {
  const c = { socket: connect({ port, host: '127.0.0.1', noDelay: true }), dripping: false, sent: 0, closed: false, outcome: null, connectedAt: 0 };
  clients.push(c);
  const s = c.socket;
  let text = '';
  const settle = (outcome) => {
    if (c.outcome !== null) return;
    c.outcome = outcome;
    c.dripping = false;
    tally(outcomes, outcome);
  };
  c.connected = new Promise((resolve) => {
    s.on('connect', () => {
      c.connectedAt = performance.now();
      resolve();
    });
    s.on('close', () => {
      c.closed = true;
      settle('CLOSED_WITHOUT_ANSWER');
      resolve();
    });
  });
  s.on('error', (err) => settle(`ERROR ${err.code ?? err.message}`));
  s.setEncoding('latin1');
  s.on('data', (chunk) => {
    text += chunk;
    let nl;
    while ((nl = text.indexOf('\n')) !== -1) {
      const lineText = text.slice(0, nl);
      text = text.slice(nl + 1);
      if (lineText.startsWith('{"type":"Hello"') && c.outcome === null && !c.dripping) {
        c.dripping = true;
        continue;
      }
      const code = /"code":"([A-Z_]+)"/.exec(lineText)?.[1] ?? 'UNEXPECTED_ANSWER';
      if (code === 'IDLE_TIMEOUT') timeoutAfter.push((performance.now() - c.connectedAt) / 1000);
      settle(code);
    }
  });
  return c;
}
