// The stress runner's handle on the mock CS child (stress/cs-child.js): start it with the part's
// options, ask for its status and memory, count its open files, and tell whether it is still up.
import { readdirSync, readFileSync } from 'node:fs';
import { sleep } from '../bench/csmock-client.js';
import { forkJobs } from '../bench/child-jobs.js';

const START_TIMEOUT_MS = 20_000;
/** a mock CS that cannot answer a status question in this long is not "up" */
const STATUS_TIMEOUT_MS = 10_000;

export async function startServer(options) {
  const jobs = forkJobs(new URL('./cs-child.js', import.meta.url), {
    name: 'the mock CS process',
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderrTail = '';
  jobs.child.stderr.setEncoding('utf8').on('data', (d) => (stderrTail = (stderrTail + d).slice(-4096)));
  let exit = null;
  jobs.exited.then((e) => (exit = e));
  let started;
  try {
    started = await jobs.job('start', { options }, { timeoutMs: START_TIMEOUT_MS });
  } catch (err) {
    await jobs.close();
    throw err;
  }
  const { port, pid } = started;
  return {
    port,
    pid,
    options,
    /** null while the process runs; a one-line reason once it has ended */
    get exitReason() {
      // The IPC channel closes a moment before 'exit' reports how the process ended.
      if (!exit) return jobs.child.connected ? null : 'the mock CS process ended (its IPC channel closed)';
      // The child's own last words (e.g. an uncaught error), first line only.
      const said = stderrTail.split('\n').find((l) => l.trim() !== '' && !l.startsWith('    at '));
      return `the mock CS process exited (${exit.signal ?? `code ${exit.code}`})${said ? `: ${said.trim().slice(0, 200)}` : ''}`;
    },
    status: () => jobs.job('status', {}, { timeoutMs: STATUS_TIMEOUT_MS }),
    /** memory after a full GC (the child runs with --expose-gc) */
    collect: () => jobs.job('collect', {}, { timeoutMs: STATUS_TIMEOUT_MS }),
    /** open file descriptors of the child (/proc/PID/fd), or null where /proc is not available */
    openFiles() {
      try {
        return readdirSync(`/proc/${pid}/fd`).length;
      } catch {
        return null;
      }
    },
    async stop() {
      if (!exit) await jobs.job('stop', {}, { timeoutMs: STATUS_TIMEOUT_MS }).catch(() => {});
      await jobs.close();
    },
  };
}

/**
 * Memory ({ rss, heapUsed, … }) after `settleMs` of quiet and a full GC: what "memory" targets
 * compare; null when the server is gone (its exitReason says why).
 */
export async function settledMemory(server, settleMs) {
  await sleep(settleMs);
  return server.collect().catch(() => null);
}

/**
 * Waits (up to `timeoutMs`) until the server holds no connection and the child's open files are back
 * to `baselineFiles`; returns what it saw last and how long that took (null when the server is gone).
 */
export async function waitForNoSockets(server, baselineFiles, timeoutMs) {
  const t0 = Date.now();
  for (;;) {
    const status = await server.status().catch(() => null);
    if (status === null) return null;
    const { connections } = status;
    const openFiles = server.openFiles();
    const clean = connections === 0 && (openFiles === null || openFiles <= baselineFiles);
    if (clean || Date.now() - t0 >= timeoutMs) return { connections, openFiles, baselineFiles, waitedMs: Date.now() - t0 };
    await sleep(100);
  }
}

/** The soft limit on open files of this process (the load generator), from /proc/self/limits; null elsewhere. */
export function openFilesLimit() {
  try {
    const m = /^Max open files\s+(\d+|unlimited)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    if (!m) return null;
    return m[1] === 'unlimited' ? Infinity : Number(m[1]);
  } catch {
    return null;
  }
}
