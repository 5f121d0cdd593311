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
    const login = await runGaxToken(['login', '--host', '127.0.0.1', '--port', port, '--tls', '--fingerprint', pin, '--user', 'alice', '--uuid', uuid], {
      timeoutMs: 30_000,
    });
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
      JSON.stringify({ tokenAuthenticationMode: 'disable', diagnostics: 'teaching', users: [{ userName: 'carol', password: 'from-config' }], listeners: [{ host: '127.0.0.1', port: 0 }] }),
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
});
