// The mock CS under stress, alone in its own process (forked by stress/server.js with --expose-gc), so
// its memory, open files and liveness are its own and not the load generator's. It answers jobs over
// IPC (bench/child-jobs.js) and ends when the stress runner goes away.
import { MockCs } from '../dist/main/mockcs/index.js';
import { serveJobs } from '../bench/child-jobs.js';

let cs = null;

function memory() {
  const m = process.memoryUsage();
  return {
    rss: m.rss,
    heapTotal: m.heapTotal,
    heapUsed: m.heapUsed,
    external: m.external,
    arrayBuffers: m.arrayBuffers,
    gcExposed: typeof globalThis.gc === 'function',
  };
}

function running() {
  if (!cs) throw new Error('the mock CS is not started');
  return cs;
}

serveJobs({
  async start({ options }) {
    if (cs) throw new Error('the mock CS is already started');
    cs = new MockCs({ options });
    const [listener] = await cs.start();
    return { port: listener.port, pid: process.pid, ...memory() };
  },
  status() {
    const s = running().status();
    return { running: s.running, connections: s.connections, registered: s.registered, counters: s.counters, ...memory() };
  },
  /** A full collection first when exposed, so "memory back near its start" is not judged on garbage. */
  collect() {
    globalThis.gc?.();
    return memory();
  },
  async stop() {
    await running().stop();
    return {};
  },
});

// No orphan servers: the runner's exit (or crash) closes the IPC channel.
process.on('disconnect', () => process.exit(0));
