// The well-behaved client that keeps logging in while a stress part runs: each login is a new
// connection, Hello, RegisterClient with a valid token, ClientRegistered (token), UnregisterClient,
// ClientUnregistered and the server's close — the whole csmock/1 life of a GAX login.
import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import { sleep } from '../bench/csmock-client.js';
import { mintToken } from '../dist/main/core/index.js';
import { latencySummary, round } from './stats.js';

const UNREGISTER_LINE = '{"type":"UnregisterClient","requestId":2}\n';

/** A RegisterClient line for `userName` with a token valid from `nowSeconds` for `lifeSeconds`. */
export function registerLine({ tokenUuid, userName, nowSeconds, lifeSeconds }) {
  const minted = mintToken({ tokenUuid, username: userName, iat: nowSeconds, exp: nowSeconds + lifeSeconds });
  if (!minted.ok) throw new Error(`cannot mint the stress token: ${minted.reason}`);
  return `${JSON.stringify({ type: 'RegisterClient', requestId: 1, clientName: 'GAX', userName, password: minted.value.token })}\n`;
}

/**
 * One login. Resolves { ok: true, ms } (connect → ClientRegistered) or { ok: false, code, ms } where
 * code is the server's Error code (SERVER_BUSY, …) or one of ours: CONNECT_FAILED, TIMEOUT,
 * UNEXPECTED_ANSWER, CLOSED_EARLY. Never rejects.
 */
export function loginOnce(port, line, timeoutMs) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    let step = 'hello';
    let ms = null;
    let text = '';
    let outcome = null;
    const s = connect({ port, host: '127.0.0.1', noDelay: true });
    const finish = (result) => {
      if (outcome) return;
      outcome = result;
      clearTimeout(timer);
      s.destroy();
      resolve(result);
    };
    const fail = (code) => finish({ ok: false, code, ms: performance.now() - t0 });
    const timer = setTimeout(() => fail(`TIMEOUT (no ${step} within ${timeoutMs} ms)`), timeoutMs);
    s.setEncoding('utf8');
    s.on('error', (err) =>
      fail(step === 'hello' && text === '' ? `CONNECT_FAILED (${err.code ?? err.message})` : `CLOSED_EARLY (${err.code ?? err.message})`),
    );
    s.on('close', () => (step === 'close' ? finish({ ok: true, ms }) : fail(`CLOSED_EARLY (while waiting for ${step})`)));
    s.on('data', (chunk) => {
      text += chunk;
      let nl;
      while ((nl = text.indexOf('\n')) !== -1 && !outcome) {
        const answer = parseAnswer(text.slice(0, nl));
        text = text.slice(nl + 1);
        if (answer?.type === 'Error') return fail(String(answer.code));
        if (step === 'hello' && answer?.type === 'Hello') {
          step = 'ClientRegistered';
          s.write(line);
        } else if (step === 'ClientRegistered' && answer?.type === 'ClientRegistered' && answer.authMethod === 'token') {
          ms = performance.now() - t0;
          step = 'ClientUnregistered';
          s.write(UNREGISTER_LINE);
        } else if (step === 'ClientUnregistered' && answer?.type === 'ClientUnregistered') {
          step = 'close';
        } else return fail(`UNEXPECTED_ANSWER (${answer?.type ?? 'not JSON'} while waiting for ${step})`);
      }
    });
  });
}

function parseAnswer(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Logs in over and over until stop(). With `retryBusyMs`, a SERVER_BUSY answer is not a failure:
 * the client waits that long and tries again, as a real client backs off from a full server, and the
 * login's wait runs from its first try; after `maxBusyWaitMs` of refusals the login counts as failed.
 * stop() lets the login under way finish (busy retries included), then resolves the figures.
 */
export function startGoodClient({ port, line, timeoutMs = 10_000, retryBusyMs = null, maxBusyWaitMs = 30_000 }) {
  const latencies = [];
  const waits = [];
  const failures = {};
  let ok = 0;
  let failed = 0;
  let busyRefusals = 0;
  let stopping = false;
  const loop = (async () => {
    while (!stopping) {
      const firstTry = performance.now();
      for (;;) {
        const r = await loginOnce(port, line, timeoutMs);
        if (r.ok) {
          ok++;
          latencies.push(r.ms);
          waits.push(performance.now() - firstTry);
          break;
        }
        let code = r.code;
        if (code === 'SERVER_BUSY' && retryBusyMs !== null) {
          busyRefusals++;
          if (performance.now() - firstTry + retryBusyMs <= maxBusyWaitMs) {
            await sleep(retryBusyMs);
            continue;
          }
          code = `SERVER_BUSY (still refused after ${Math.round(maxBusyWaitMs / 1000)} s of retries)`;
        }
        failed++;
        failures[code] = (failures[code] ?? 0) + 1;
        break;
      }
    }
  })();
  return {
    get ok() {
      return ok;
    },
    async stop() {
      stopping = true;
      await loop;
      return {
        ok,
        failed,
        failures,
        busyRefusals,
        latencyMs: latencySummary(latencies),
        longestWaitMs: waits.length ? round(waits.reduce((a, b) => Math.max(a, b))) : null,
      };
    },
  };
}
