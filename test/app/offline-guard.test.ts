import { execFile } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// dist:check loads scripts/offline-guard.cjs so that packing provably uses no network. This runs
// a child Node with the guard and tries each kind of client against a routable address (refused
// before any packet leaves) and against a real loopback server (still allowed).
const guard = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'scripts', 'offline-guard.cjs');
const run = promisify(execFile);

let server: net.Server;
let port = 0;

beforeAll(async () => {
  server = net.createServer((socket) => socket.end('hello from loopback'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const probe = String.raw`
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import dns from 'node:dns';
const code = (e) => e?.cause?.code ?? e?.code ?? String(e);
const attempt = (start) => new Promise((resolve) => {
  try {
    const s = start();
    s.on('error', (e) => resolve(code(e)));
    s.on('data', (d) => resolve('data:' + String(d)));
    s.on('response', () => resolve('response'));
    s.on('secureConnect', () => resolve('connected'));
  } catch (e) { resolve(code(e)); }
});
const out = {};
out.fetch = await fetch('https://example.com/').then(() => 'response', code);
out.http = await attempt(() => http.get('http://192.0.2.1/'));
out.https = await attempt(() => https.get('https://example.com/'));
out.tls = await attempt(() => tls.connect(443, '192.0.2.1'));
out.net = await attempt(() => net.connect({ host: '192.0.2.1', port: 80 }));
out.lookup = await new Promise((resolve) => dns.lookup('example.com', (e) => resolve(e ? code(e) : 'resolved')));
out.lookupPromise = await dns.promises.lookup('example.com').then(() => 'resolved', code);
const port = Number(process.env.PROBE_PORT);
out.loopbackIp = await attempt(() => net.connect(port, '127.0.0.1'));
out.loopbackName = await attempt(() => net.connect({ port, host: 'localhost' }));
console.log(JSON.stringify(out));
process.exit(0);
`;

describe('scripts/offline-guard.cjs', () => {
  it('refuses every way out of the machine, immediately, and leaves loopback alone', async () => {
    const { stdout } = await run(process.execPath, ['--require', guard, '--input-type=module', '-e', probe], {
      timeout: 15_000,
      env: { ...process.env, PROBE_PORT: String(port) },
    });
    expect(JSON.parse(stdout)).toEqual({
      fetch: 'EOFFLINE',
      http: 'EOFFLINE',
      https: 'EOFFLINE',
      tls: 'EOFFLINE',
      net: 'EOFFLINE',
      lookup: 'EOFFLINE',
      lookupPromise: 'EOFFLINE',
      loopbackIp: 'data:hello from loopback',
      loopbackName: 'data:hello from loopback',
    });
  }, 30_000);

  it('names the host it refused, in one line', async () => {
    const script = "import net from 'node:net'; try { net.connect(443, '192.0.2.7'); } catch (e) { console.log(e.message); }";
    const { stdout } = await run(process.execPath, ['--require', guard, '--input-type=module', '-e', script], { timeout: 15_000 });
    expect(stdout.trim()).toBe('offline: a network connection to 192.0.2.7:443 was attempted; this check must not use the network');
  }, 30_000);
});
