// Jobs run in a forked child over its IPC channel, one answer per job: the bench's load driver and the
// stress tool's mock CS child both speak it. `forkJobs` is the parent's side, `serveJobs` the child's.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Forks `moduleUrl` and returns { child, exited, job(name, args, { timeoutMs }), close() }.
 * `exited` resolves with { code, signal } when the child ends; pending jobs then reject. Errors start
 * with `name`.
 */
export function forkJobs(moduleUrl, { name = 'child process', execArgv, stdio = ['ignore', 'inherit', 'inherit', 'ipc'] } = {}) {
  const child = fork(fileURLToPath(moduleUrl), [], { stdio, ...(execArgv ? { execArgv } : {}) });
  let next = 1;
  const pending = new Map();
  child.on('message', ({ id, ok, result, error }) => {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    clearTimeout(p.timer);
    if (ok) p.resolve(result);
    else p.reject(new Error(`${name}: ${error}`));
  });
  const exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      for (const p of pending.values()) {
        clearTimeout(p.timer);
        p.reject(new Error(`${name} exited (${signal ?? `code ${code}`})`));
      }
      pending.clear();
      resolve({ code, signal });
    }),
  );
  // A failed send (the child just died) rejects through `exit` above; keep it from being unhandled.
  child.on('error', () => {});
  return {
    child,
    exited,
    job(job, args, { timeoutMs } = {}) {
      const id = next++;
      return new Promise((resolve, reject) => {
        if (!child.connected) return reject(new Error(`${name} is not running`));
        const timer =
          timeoutMs === undefined
            ? undefined
            : setTimeout(() => {
                pending.delete(id);
                reject(new Error(`${name}: no answer to "${job}" within ${timeoutMs} ms`));
              }, timeoutMs);
        pending.set(id, { resolve, reject, timer });
        child.send({ id, job, args });
      });
    },
    close() {
      child.kill();
      return exited;
    },
  };
}

/** The child's side: answers each { id, job, args } with { id, ok, result | error }. */
export function serveJobs(jobs) {
  process.on('message', async ({ id, job, args }) => {
    try {
      if (!Object.hasOwn(jobs, job)) throw new Error(`unknown job "${job}"`);
      process.send({ id, ok: true, result: await jobs[job](args) });
    } catch (err) {
      process.send({ id, ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  });
}
