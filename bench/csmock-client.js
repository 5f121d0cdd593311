// The csmock/1 client pieces that the mock CS bench (bench/mockcs-driver.js) and `npm run stress`
// (stress/*.js) share: open a connection past its Hello, read one answer, check it, count lines, and
// an open-loop sender that keeps its schedule whatever the answers do.
import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';

const NL = 0x0a;

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function countLines(buf) {
  let n = 0;
  let i = -1;
  while ((i = buf.indexOf(NL, i + 1)) !== -1) n++;
  return n;
}

/** Connects; with `hello`, resolves once the greeting line is read (and nothing after it). */
export function openConnection(port, hello) {
  return new Promise((resolve, reject) => {
    const s = connect({ port, host: '127.0.0.1', noDelay: true });
    s.once('error', reject);
    if (!hello) return s.once('connect', () => resolve(s));
    let seen = '';
    const onData = (d) => {
      seen += d.toString('latin1');
      if (seen.includes('\n')) {
        s.off('data', onData);
        if (seen.indexOf('\n') !== seen.length - 1) return reject(new Error('unexpected data after Hello'));
        resolve(s);
      }
    };
    s.on('data', onData);
  });
}

/** Reads one answer from a fresh socket and checks it, so a bench never times the wrong thing. */
export function firstAnswer(s) {
  return new Promise((resolve) => {
    let text = '';
    const onData = (d) => {
      text += d.toString('utf8');
      const nl = text.indexOf('\n');
      if (nl >= 0) {
        s.off('data', onData);
        resolve(JSON.parse(text.slice(0, nl)));
      }
    };
    s.on('data', onData);
  });
}

export function expectFields(answer, expect) {
  for (const [k, v] of Object.entries(expect))
    if (answer[k] !== v) throw new Error(`setup: expected ${k}=${v}, got ${JSON.stringify(answer).slice(0, 300)}`);
}

/**
 * Open loop at a fixed rate: request n is due at start + n / rate and goes out then, round-robin over
 * `sockets`, whatever the answers do, so a slow server cannot slow the load down (no coordinated
 * omission). Each answer line calls onAnswer({ scheduledAt, sentAt, answeredAt, line }) (performance.now()
 * ms; `line` decoded as latin1, which never splits a character across chunks and is enough to match
 * ASCII codes). Answers on one connection come in request order, so they pair with sends by position.
 * Sends run on ~1 ms timer ticks, not a busy loop: the server shares the machine's cores with us.
 */
export function startOpenLoop({ sockets, rate, total, line, onAnswer }) {
  const inFlight = sockets.map(() => []); // per socket: scheduledAt, sentAt, scheduledAt, sentAt, …
  const start = performance.now();
  let sent = 0;
  let answered = 0;
  let stopped = false;
  sockets.forEach((s, i) => {
    let rest = '';
    s.on('data', (d) => {
      const answeredAt = performance.now();
      const text = rest + d.toString('latin1');
      let from = 0;
      let nl;
      while ((nl = text.indexOf('\n', from)) !== -1) {
        const q = inFlight[i];
        const scheduledAt = q.shift();
        const sentAt = q.shift();
        answered++;
        if (scheduledAt !== undefined) onAnswer({ scheduledAt, sentAt, answeredAt, line: text.slice(from, nl) });
        from = nl + 1;
      }
      rest = text.slice(from);
    });
  });
  const allSent = new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      const due = Math.min(total, Math.floor(((now - start) * rate) / 1000));
      for (; sent < due && !stopped; sent++) {
        const i = sent % sockets.length;
        inFlight[i].push(start + (sent * 1000) / rate, now);
        sockets[i].write(line);
      }
      if (sent >= total || stopped) resolve();
      else setTimeout(tick, 1);
    };
    tick();
  });
  return {
    start,
    allSent,
    get sent() {
      return sent;
    },
    get answered() {
      return answered;
    },
    /** Stops sending (e.g. the server is gone); allSent resolves at the next tick. */
    stop() {
      stopped = true;
    },
    /** Resolves true once every sent request is answered, false after `ms` without that. */
    async drained(ms) {
      const deadline = performance.now() + ms;
      while (answered < sent && performance.now() < deadline) await sleep(10);
      return answered >= sent;
    },
  };
}
