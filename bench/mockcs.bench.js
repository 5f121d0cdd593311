// Mock CS on loopback, against a minimal NDJSON echo server driven by the same client in the same run.
// The server runs here; the load comes from bench/mockcs-driver.js in a child process.
//
// A connection can register only once (ALREADY_REGISTERED after that), so "token logins" on persistent
// pipelined connections are full RegisterClient decisions that pass every token check — decode,
// HMAC signature, validity window, user match, user lookup — and end at the very last one: the
// Person is disabled (USER_DISABLED). That is all of a login's work on the server; only the answer
// differs: in teaching mode (the default) it is a ~330-byte Error with detail and hint, in realistic
// mode an ~85-byte AUTH_FAILED — a real ClientRegistered (~150 bytes) lies between, so both are
// reported and the target is judged on the heavier, teaching one. `connect + login + close` runs
// real, successful logins, one per connection.
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { mintToken } from '../dist/main/core/index.js';
import { MockCs } from '../dist/main/mockcs/index.js';
import { forkJobs } from './child-jobs.js';

const TOKEN_UUID = '4b7e2f90-3c1d-4a8e-9f26-d15c0e7a83b4';
const SECTION = 'mock CS';

export async function run(report) {
  const now = Math.floor(Date.now() / 1000);
  const token = (user) => mintToken({ tokenUuid: TOKEN_UUID, username: user, iat: now, exp: now + 3600 }).value.token;
  const decisionLine = `${JSON.stringify({ type: 'RegisterClient', requestId: 1, clientName: 'GAX', userName: 'bench-off', password: token('bench-off') })}\n`;
  const loginLine = `${JSON.stringify({ type: 'RegisterClient', requestId: 1, clientName: 'GAX', userName: 'bench', password: token('bench') })}\n`;
  const unregisterLine = '{"type":"UnregisterClient","requestId":2}\n';
  const echoLine = decisionLine; // the same bytes in, one JSON line out

  const cs = new MockCs({
    options: {
      tokenAuthenticationMode: 'enable',
      tokenUuid: TOKEN_UUID,
      users: [
        { userName: 'bench', enabled: true },
        { userName: 'bench-off', enabled: false },
      ],
      listeners: [{ host: '127.0.0.1', port: 0 }],
      // All the load comes from one address (127.0.0.1): the per-address share of a class is lifted.
      maxConnections: 5000,
      maxConnectionsPerAddress: 5000,
      maxFailedAttempts: 2147483647,
      registerTimeoutSeconds: 120,
    },
  });
  const [listener] = await cs.start();
  const echo = await startEchoServer();
  const driver = startDriver();
  try {
    const csPort = listener.port;
    const echoPort = echo.address().port;

    // Memory first, while the heap has not yet grown under the load phases below.
    await settle();
    const before = process.memoryUsage().rss;
    await driver.job('openIdle', { port: csPort, count: 1000, line: loginLine, expect: { type: 'ClientRegistered' } });
    await settle();
    const connections = cs.status().connections;
    const after = process.memoryUsage().rss;
    await driver.job('closeIdle', {});
    const deltaMb = (after - before) / 1024 / 1024;
    report({
      section: SECTION,
      name: `RSS increase with ${connections} idle registered connections (${Math.round(before / 1048576)} → ${Math.round(after / 1048576)} MB)`,
      value: deltaMb,
      unit: 'MB',
      target: '≤ 150 MB',
      pass: deltaMb <= 150 && connections >= 1000,
    });

    const rejected = { type: 'Error', code: 'USER_DISABLED' };
    const hidden = { type: 'Error', code: 'AUTH_FAILED' };
    const echoed = { type: 'RegisterClient' };
    const pipe = { connections: 50, depth: 32, warmupMs: 700, ms: 2500 };
    const teachingJob = () => driver.job('pipelined', { ...pipe, port: csPort, hello: true, line: decisionLine, expect: rejected });
    const echoJob = () => driver.job('pipelined', { ...pipe, port: echoPort, hello: false, line: echoLine, expect: echoed });

    // Interleaved (mock CS, echo, mock CS, echo) and the better of two kept for each, so a passing
    // load spike on the machine does not decide the ratio.
    const teaching = [];
    const echoes = [];
    for (let round = 0; round < 2; round++) {
      teaching.push((await teachingJob()).rate);
      echoes.push((await echoJob()).rate);
    }
    await cs.updateOptions({ diagnostics: 'realistic' });
    const realistic = (await driver.job('pipelined', { ...pipe, port: csPort, hello: true, line: decisionLine, expect: hidden })).rate;
    await cs.updateOptions({ diagnostics: 'teaching' });
    const loginRate = Math.max(...teaching);
    const echoRate = Math.max(...echoes);
    const baseline = { name: 'NDJSON echo', value: echoRate };
    report({ section: SECTION, name: 'NDJSON echo (parse + stringify), 50 pipelined connections', value: echoRate, unit: 'lines/s' });
    report({
      section: SECTION,
      name: 'token logins, 50 pipelined connections (teaching answers)',
      value: loginRate,
      unit: 'logins/s',
      baseline,
      target: '≥ 20,000/s and ≥ 0.5 × echo',
      pass: loginRate >= 20_000 && loginRate >= 0.5 * echoRate,
    });
    report({ section: SECTION, name: 'token logins, 50 pipelined connections (realistic answers)', value: realistic, unit: 'logins/s', baseline });

    const churnArgs = { concurrency: 50, warmupMs: 500, ms: 2500 };
    const churnEcho = await driver.job('churn', { ...churnArgs, port: echoPort, hello: false, lines: [echoLine], expect: echoed });
    const churnCs = await driver.job('churn', {
      ...churnArgs,
      port: csPort,
      hello: true,
      lines: [loginLine, unregisterLine],
      expect: { type: 'ClientRegistered', authMethod: 'token' },
    });
    report({
      section: SECTION,
      name: 'new connection + token login + unregister/close',
      value: churnCs.rate,
      unit: 'logins/s',
      baseline: { name: 'echo: connect + 1 line + close', value: churnEcho.rate },
    });

    const open = await driver.job('openLoop', {
      port: csPort,
      hello: true,
      connections: 50,
      rate: 2000,
      ms: 5000,
      line: decisionLine,
      expect: rejected,
    });
    report({ section: SECTION, name: 'latency p50 at 2,000 logins/s offered (open loop)', value: open.p50, unit: 'ms' });
    report({
      section: SECTION,
      name: `latency p99 at 2,000 logins/s offered (${open.answered}/${open.offered} answered; load generator p99 lag ${open.lagP99.toFixed(1)} ms)`,
      value: open.p99,
      unit: 'ms',
      target: '< 10 ms',
      pass: open.p99 < 10 && open.answered === open.offered,
    });
  } finally {
    driver.close();
    echo.close();
    await cs.stop();
  }
}

/** The baseline: read NDJSON lines, parse each, write it back — framing and JSON, no authentication. */
function startEchoServer() {
  const server = createServer({ noDelay: true }, (socket) => {
    let rest = '';
    socket.setEncoding('utf8');
    socket.on('error', () => {});
    socket.on('data', (chunk) => {
      const text = rest + chunk;
      const lines = text.split('\n');
      rest = lines.pop();
      let out = '';
      for (const line of lines) out += `${JSON.stringify(JSON.parse(line))}\n`;
      if (out) socket.write(out);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function startDriver() {
  return forkJobs(new URL('./mockcs-driver.js', import.meta.url), { name: 'load driver' });
}

async function settle() {
  await new Promise((r) => setTimeout(r, 300));
  globalThis.gc?.();
}

// `node bench/mockcs.bench.js` runs this bench alone.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await run((row) => console.log(JSON.stringify(row)));
}
