// `gax-token serve` whose log reader stops reading (a paused terminal, `| less` left open): the
// server's resident size after 300k log lines, against the same server with its reader reading,
// both in this run. The tests check what the server holds for the reader (bytes, exactly); the
// resident size lives here, where the machine is quiet, because under a loaded test run the heap
// alone swings by 20–30 MB.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/gax-token.js', import.meta.url));
const TARGET_MB = 20;

const rssKb = (pid) => Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);

/** `n` refused token logins pipelined on one connection in batches of 2,000: one log line each. */
function drive(port, n) {
  return new Promise((resolve, reject) => {
    const sock = connect({ port, host: '127.0.0.1' });
    let sent = 0;
    let answered = -1; // the Hello
    let pending = '';
    const sendBatch = () => {
      let out = '';
      for (let i = Math.min(2000, n - sent); i > 0; i--)
        out += `{"type":"RegisterClient","requestId":${++sent},"userName":"default","password":"{PXZ}not-a-token"}\n`;
      sock.write(out);
    };
    sock.setEncoding('utf8');
    sock.on('error', reject);
    sock.on('data', (d) => {
      pending += d;
      let nl;
      while ((nl = pending.indexOf('\n')) >= 0) {
        pending = pending.slice(nl + 1);
        if (++answered === n) {
          sock.destroy();
          return resolve();
        }
        if (answered > 0 && answered === sent) sendBatch();
      }
      if (answered === 0 && sent === 0) sendBatch();
    });
  });
}

/** RSS growth (kB) over 300k lines after a warm-up, with the reader reading or stopped. */
async function growth(stopped) {
  const home = mkdtempSync(join(tmpdir(), 'gtl-bench-serve-'));
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--mode', 'enable', '--max-failed-attempts', '2147483647'], {
    env: { ...process.env, GAX_TOKEN_LAB_HOME: home, GAX_TOKEN_UUID: '' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  try {
    let head = '';
    child.stdout.setEncoding('utf8').on('data', (d) => {
      if (head.length < 4096) head += d;
    });
    let m;
    while (!(m = /^listening on 127\.0\.0\.1:(\d+)$/m.exec(head))) await new Promise((r) => setTimeout(r, 20));
    const port = Number(m[1]);
    // Warm-up until the heap has reached its working size under this load (about 400k logins).
    await drive(port, 50_000);
    if (stopped) child.stdout.pause();
    await drive(port, 350_000);
    const start = rssKb(child.pid);
    await drive(port, 300_000);
    return rssKb(child.pid) - start;
  } finally {
    child.stdout.resume();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('close', r));
    rmSync(home, { recursive: true, force: true });
  }
}

export async function run(report) {
  const reading = await growth(false);
  const stopped = await growth(true);
  report({
    section: 'serve',
    name: 'serve log, stopped reader: RSS growth over 300k lines',
    value: stopped / 1024,
    unit: 'MB',
    baseline: { name: 'reader reading', value: Math.max(reading / 1024, 0.1) },
    target: `≤ ${TARGET_MB} MB`,
    pass: stopped < TARGET_MB * 1024,
  });
}
