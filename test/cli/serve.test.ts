// `gax-token serve` as a real child process: listening lines, a login served, log lines, SIGTERM → exit 0.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/main.js';
import { mintToken } from '../../src-main/core/index.js';
import { expectOneLineError, runGaxToken, startGaxToken, waitForOutput } from '../helpers/cli.js';

/** One csmock/1 exchange: Hello, RegisterClient, the answer. */
function register(port: number, userName: string, password: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const s = connect({ port, host: '127.0.0.1' });
    let buf = '';
    const lines: Record<string, unknown>[] = [];
    s.setEncoding('utf8');
    s.on('error', reject);
    s.on('data', (d: string) => {
      buf += d;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        lines.push(JSON.parse(buf.slice(0, nl)) as Record<string, unknown>);
        buf = buf.slice(nl + 1);
        if (lines.length === 1) s.write(`${JSON.stringify({ type: 'RegisterClient', requestId: 1, clientName: 'GAX', userName, password })}\n`);
        if (lines.length === 2) {
          s.destroy();
          resolve(lines[1]!);
        }
      }
    });
  });
}

describe('gax-token serve', { timeout: 60_000 }, () => {
  let home: string;
  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'gax-serve-'));
  });
  afterAll(() => rm(home, { recursive: true, force: true }));

  it('listens, serves a token login, logs it like a CS, and stops on SIGTERM with exit 0', async () => {
    const s = startGaxToken(['serve', '--port', '0', '--mode', 'enable', '--user', 'alice', '--user', 'bob:Sesame-42'], { GAX_TOKEN_LAB_HOME: home });
    const port = Number((await waitForOutput(s.stdout, /^listening on 127\.0\.0\.1:(\d+)$/m))[1]);
    expect(s.stdout().split('\n')[0]).toBe(`listening on 127.0.0.1:${port}`);
    await waitForOutput(s.stderr, /token-authentication-mode=enable.*mockcs-token-uuid/);

    // The generated token-uuid is kept in the data dir; mint with it as GAX would.
    const uuid = (await readFile(join(home, 'mockcs-token-uuid'), 'utf8')).trim();
    expect(s.stderr()).not.toContain(uuid);
    const now = Math.floor(Date.now() / 1000);
    const minted = mintToken({ tokenUuid: uuid, username: 'alice', iat: now, exp: now + 1200 });
    if (!minted.ok) throw new Error('mint failed');
    expect(await register(port, 'alice', minted.value.token)).toMatchObject({ type: 'ClientRegistered', authMethod: 'token', userName: 'alice' });
    expect(await register(port, 'bob', 'wrong')).toMatchObject({ type: 'Error', code: 'BAD_PASSWORD' });

    await waitForOutput(s.stdout, /MSGCFG_CLIENTREGISTERED sent to 127\.0\.0\.1:\d+ \[GAX\] user 'alice' authenticated by token \{PXZ\}/);
    await waitForOutput(s.stdout, /MSGCFG_ERROR sent to 127\.0\.0\.1:\d+ \[GAX\] user 'bob' \(password\): BAD_PASSWORD/);
    expect(s.stdout()).not.toContain(minted.value.token);
    expect(s.stdout()).not.toContain('Sesame-42');
    expect(s.stdout()).not.toContain(uuid);

    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(s.stderr()).toMatch(/stopped \(SIGTERM\)/);
  });

  it('keeps the generated token-uuid across restarts, prints TLS fingerprints, and --json-log events', async () => {
    const uuid = (await readFile(join(home, 'mockcs-token-uuid'), 'utf8')).trim();
    const s = startGaxToken(['serve', '--port', '0', '--tls', '--mode', 'enable', '--user', 'alice', '--json-log'], { GAX_TOKEN_LAB_HOME: home });
    const m = await waitForOutput(s.stdout, /^listening on 127\.0\.0\.1:(\d+) \(tls, sha256 ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})\)$/m);
    const port = m[1]!;
    const pin = m[2]!;
    // The `login` command pins that fingerprint and mints with the kept token-uuid.
    const login = await runGaxToken(
      ['login', '--host', '127.0.0.1', '--port', port, '--tls', '--fingerprint', pin, '--user', 'alice', '--uuid', uuid],
      {
        timeoutMs: 30_000,
      },
    );
    expect(login.stdout).toMatch(/^accepted: /m);
    expect(login.code).toBe(0);
    const event = await waitForOutput(s.stdout, /^(\{.*"kind":"register".*\})$/m);
    const parsed = JSON.parse(event[1]!) as Record<string, unknown>;
    expect(parsed).toMatchObject({ kind: 'register', code: 'OK', authMethod: 'token', userName: 'alice', listener: `tls 127.0.0.1:${port}` });
    expect(parsed['logLine']).toMatch(/MSGCFG_CLIENTREGISTERED/);
    s.child.kill('SIGINT');
    expect(await s.exited).toBe(0);
  });

  it('takes options from --config, with the flags winning', async () => {
    const config = join(home, 'lab.json');
    await writeFile(
      config,
      JSON.stringify({
        tokenAuthenticationMode: 'disable',
        diagnostics: 'teaching',
        users: [{ userName: 'carol', password: 'from-config' }],
        listeners: [{ host: '127.0.0.1', port: 0 }],
      }),
    );
    const s = startGaxToken(['serve', '--config', config, '--realistic'], { GAX_TOKEN_LAB_HOME: home });
    const port = Number((await waitForOutput(s.stdout, /^listening on 127\.0\.0\.1:(\d+)$/m))[1]);
    expect(await register(port, 'carol', 'from-config')).toMatchObject({ type: 'ClientRegistered', authMethod: 'password' });
    expect(await register(port, 'carol', 'nope')).toEqual({ type: 'Error', requestId: 1, code: 'AUTH_FAILED', message: 'authentication failed' });
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  });

  it.each([
    [['--config', 'MISSING'], /^gax-token serve: cannot read --config .*MISSING: no such file$/],
    [['--mode', 'on'], /^gax-token serve: --mode must be enable or disable, not "on"$/],
    [['--preamble', 'has space'], /^gax-token serve: --preamble: the preamble may hold only printable ASCII/],
    [['--host', 'bad host!'], /^gax-token serve: --host: "bad host!" is not a host name or an IP address$/],
    [['--user', ':pw'], /^gax-token serve: --user needs a NAME before the colon/],
    [['--uuid', 'nope'], /^gax-token serve: --uuid is not a UUID/],
    [['--port', '70000'], /^gax-token serve: --port must be from 0 to 65535, not 70000$/],
    [['--tolerance', '-1'], /^gax-token serve: --tolerance must be from 0 to 2147483647, not -1$/],
    [['--host', '192.0.2.10'], /^gax-token serve: --host 192\.0\.2\.10 is not a loopback address: add --allow-network to serve beyond this machine/],
    [['--host', '0.0.0.0'], /^gax-token serve: --host 0\.0\.0\.0 is not a loopback address: add --allow-network/],
    [['--max-connections-per-address', '0'], /^gax-token serve: --max-connections-per-address must be from 1 to 100000, not 0$/],
  ])('refuses %j in one line with exit 2 (in-process)', async (args, pattern) => {
    let stderr = '';
    const code = await runCli(['serve', ...(args as string[])], {
      stdout: { write: () => true },
      stderr: { write: (s: string) => (stderr += s) },
      stdin: process.stdin,
      env: { GAX_TOKEN_LAB_HOME: home },
      stopSignal: new Promise(() => {}),
    });
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr.trimEnd()).toMatch(pattern as RegExp);
  });

  it('a bad config file is one line naming the file and the problem, and never quotes it', async () => {
    const broken = join(home, 'broken.json');
    await writeFile(broken, '{"tokenUuid": "c0ffee00-1234-4abc-8def-0123456789ab", oops}');
    const a = await runGaxToken(['serve', '--config', broken], { env: { GAX_TOKEN_LAB_HOME: home } });
    expect(a.code).toBe(2);
    expect(expectOneLineError(a)).toMatch(new RegExp(`--config .*broken\\.json is not valid JSON`));
    expect(a.stderr).not.toContain('c0ffee00');

    const wrong = join(home, 'wrong.json');
    await writeFile(wrong, JSON.stringify({ tokenUuid: 'c0ffee00-nope', maxConnections: 0 }));
    const b = await runGaxToken(['serve', '--config', wrong], { env: { GAX_TOKEN_LAB_HOME: home } });
    expect(b.code).toBe(2);
    expect(expectOneLineError(b)).toMatch(/--config .*wrong\.json: tokenUuid: is not a UUID: .*; maxConnections: must be at least 1/);
    expect(b.stderr).not.toContain('c0ffee00');
  });

  it('a port in use is one line and exit 1', async () => {
    const first = startGaxToken(['serve', '--port', '0'], { GAX_TOKEN_LAB_HOME: home });
    const port = (await waitForOutput(first.stdout, /^listening on 127\.0\.0\.1:(\d+)$/m))[1]!;
    const second = await runGaxToken(['serve', '--port', port], { env: { GAX_TOKEN_LAB_HOME: home } });
    expect(second.code).toBe(1);
    expect(expectOneLineError(second)).toBe(
      `gax-token serve: cannot listen on 127.0.0.1:${port}: the port is already in use — pick another port (0 picks a free one) or stop the program using it`,
    );
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  });

  it('--host 127.0.0.2 is loopback (no --allow-network needed); --max-connections-per-address 2 refuses the third from one address', async () => {
    const s = startGaxToken(['serve', '--host', '127.0.0.2', '--port', '0', '--max-connections-per-address', '2'], { GAX_TOKEN_LAB_HOME: home });
    try {
      const port = Number((await waitForOutput(s.stdout, /^listening on 127\.0\.0\.2:(\d+)$/m))[1]);
      await waitForOutput(s.stderr, /limits: 1000 connections, 2 per address, 30 s to register, 5 failed attempts/);
      const first = await Promise.all([1, 2, 3].map(() => firstLine(port, '127.0.0.2', '127.0.0.5')));
      expect(first.map((m) => m['type'])).toEqual(['Hello', 'Hello', 'Error']);
      expect(first[2]!['message']).toMatch(/2 connections from 127\.0\.0\.5 are open, .*\(maxConnectionsPerAddress = 2\)/);
      expect((await firstLine(port, '127.0.0.2', '127.0.0.6'))['type']).toBe('Hello');
    } finally {
      s.child.kill('SIGTERM');
    }
    expect(await s.exited).toBe(0);
  });

  it('--host 0.0.0.0 --allow-network serves with the class limits unless a flag sets one', async () => {
    const s = startGaxToken(['serve', '--host', '0.0.0.0', '--allow-network', '--port', '0', '--max-connections', '300'], {
      GAX_TOKEN_LAB_HOME: home,
    });
    try {
      await waitForOutput(s.stdout, /^listening on 0\.0\.0\.0:(\d+)$/m);
      await waitForOutput(s.stderr, /limits: 300 connections, 50 per address, 15 s to register, 5 failed attempts/);
    } finally {
      s.child.kill('SIGTERM');
    }
    expect(await s.exited).toBe(0);
  });

  it("--help documents the limits, their defaults and the log as the tool's model", async () => {
    const help = await runGaxToken(['serve', '--help']);
    expect(help.stdout).toMatch(/--max-connections-per-address N\s+connections at once from one remote address \(default 100; beyond loopback 50\)/);
    expect(help.stdout).toMatch(/--allow-network/);
    expect(help.stdout).toMatch(/The last tenth of maxConnections is kept for 127\.0\.0\.1/);
    expect(help.stdout).toMatch(/The log is the mock's own \(the tool's model\)/);
    expect(help.stdout).not.toMatch(/[\u0080-\u009f\u202a-\u202e]/);
  });

  it('a stopped log reader: 400k log lines driven by logins, at most about 1 MB held for it, and the dropped lines counted', async () => {
    // What the server holds is measured in bytes, exactly; its resident size (under 20 MB of growth
    // over 300k lines) is measured in `npm run bench`, where the heap's own swings do not drown it.
    const s = startGaxToken(['serve', '--port', '0', '--mode', 'enable', '--max-failed-attempts', '2147483647'], { GAX_TOKEN_LAB_HOME: home });
    try {
      const port = Number((await waitForOutput(s.stdout, /^listening on 127\.0\.0\.1:(\d+)$/m))[1]);
      await waitForOutput(s.stderr, /Ctrl-C stops/);
      await drive(port, 20_000);
      s.child.stdout!.pause();
      const heldFrom = s.stdout().length;
      // One log line of about 270 bytes per refused login (MSGCFG_ERROR … MALFORMED_ENCODING).
      await drive(port, 400_000);
      s.child.stdout!.resume();
      const since = () => s.stdout().slice(heldFrom);
      // The count for the stretch the reader was stopped (a smaller one from the warm-up, when the
      // reader lagged, may come first). What the server held meanwhile is what arrives before it:
      // at most the 1 MiB bound twice (the warm-up's tail, then the stop) and the pipe's buffer,
      // never the 400k lines' ~100 MB.
      const dropped = await waitForOutput(since, /^(\d{6,}) log lines dropped: the reader of this output stopped reading for a while$/m, 30_000);
      const held = Buffer.byteLength(since().slice(0, dropped.index));
      expect(held).toBeLessThan(3 * 1024 * 1024);
      expect(Number(dropped[1])).toBeGreaterThan(300_000);
    } finally {
      s.child.kill('SIGTERM');
    }
    expect(await s.exited).toBe(0);
  });

  it('stops on SIGTERM even while its log reader is stopped (what still waits for the reader is given up)', async () => {
    const s = startGaxToken(['serve', '--port', '0', '--mode', 'enable', '--max-failed-attempts', '2147483647'], { GAX_TOKEN_LAB_HOME: home });
    const port = Number((await waitForOutput(s.stdout, /^listening on 127\.0\.0\.1:(\d+)$/m))[1]);
    await waitForOutput(s.stderr, /Ctrl-C stops/);
    s.child.stdout!.pause();
    // About 5 MB of log lines: the pipe is full and the server's output has lines waiting.
    await drive(port, 20_000);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(s.stderr()).toMatch(/^stopped \(SIGTERM\)$/m);
  });
});

/** The first line the server sends to a client connecting from `from`. */
function firstLine(port: number, host: string, from: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const sock = connect({ port, host, localAddress: from });
    let buf = '';
    sock.setEncoding('utf8');
    sock.on('error', reject);
    sock.on('data', (d: string) => {
      buf += d;
      const nl = buf.indexOf('\n');
      if (nl >= 0) {
        resolve(JSON.parse(buf.slice(0, nl)) as Record<string, unknown>);
        // Held open: the server counts it until the test's server stops.
      }
    });
  });
}

/** `n` refused token logins pipelined on one connection, in batches, each answer read. */
function drive(port: number, n: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const sock = connect({ port, host: '127.0.0.1' });
    const BATCH = 2_000;
    let sent = 0;
    let answered = -1; // the Hello
    let pending = '';
    const sendBatch = () => {
      const k = Math.min(BATCH, n - sent);
      let out = '';
      for (let i = 0; i < k; i++) out += `{"type":"RegisterClient","requestId":${++sent},"userName":"default","password":"{PXZ}not-a-token"}\n`;
      sock.write(out);
    };
    sock.setEncoding('utf8');
    sock.on('error', reject);
    sock.on('data', (d: string) => {
      pending += d;
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        pending = pending.slice(nl + 1);
        answered++;
        if (answered === n) {
          sock.destroy();
          return resolve();
        }
        if (answered > 0 && answered === sent) sendBatch();
      }
      if (answered === 0 && sent === 0) sendBatch();
    });
  });
}
