// gax-token login, run as the real built command against a mock CS started in this process.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockCs } from '../../src-main/mockcs/index.js';
import { startPlainAndTls } from '../helpers/mockcs.js';
import { runCli } from '../../src-main/cli/main.js';
import { BIN, ROOT, assertBuilt, expectOneLineError, runGaxToken, type CliRun } from '../helpers/cli.js';

const U = '3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42';
const OTHER = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
const PASSWORD = 'Pa55-word!';
let dir: string;
let cs: MockCs;
let port: number;
let tlsPort: number;
let fingerprint: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gax-cli-login-'));
  ({ cs, port, tlsPort, fingerprint } = await startPlainAndTls(
    { tokenAuthenticationMode: 'enable', tokenUuid: U, users: [{ userName: 'alice', password: PASSWORD, enabled: true }] },
    dir,
  ));
});
afterAll(async () => {
  await cs.stop();
  await rm(dir, { recursive: true, force: true });
});

const target = () => ['login', '--host', '127.0.0.1', '--port', String(port), '--user', 'alice'];
/** `login` as alice to the TLS listener, pinned to `pin`, with the token-uuid U. */
const tlsLogin = (pin: string) => [
  'login',
  '--host',
  '127.0.0.1',
  '--port',
  String(tlsPort),
  '--tls',
  '--fingerprint',
  pin,
  '--user',
  'alice',
  '--uuid',
  U,
];

async function runInProcess(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    stdin: Readable.from([]),
    env,
    stopSignal: new Promise(() => undefined),
  });
  return { code, stdout, stderr };
}

/** the six trace lines: step, status, duration (for steps that ran), detail */
function traceLines(stdout: string): string[] {
  return stdout.split('\n').filter((l) => /^ {2}(resolve|connect|tls|hello|token|register) /.test(l));
}

function expectNoSecret(text: string): void {
  expect(text).not.toContain(U);
  expect(text).not.toContain(OTHER);
  expect(text).not.toContain(PASSWORD);
  expect(text).not.toMatch(/\{PXZ\}[A-Za-z0-9_-]{40,}/);
}

describe('gax-token login', () => {
  it('by token: the trace, one line per step with its duration, then accepted (exit 0)', async () => {
    const r = await runGaxToken([...target(), '--uuid', U, '--life', '20']);
    expect(r.code).toBe(0);
    const lines = traceLines(r.stdout);
    expect(lines.map((l) => l.trim().split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'resolve skipped',
      'connect ok',
      'tls skipped',
      'hello ok',
      'token ok',
      'register ok',
    ]);
    for (const l of lines.filter((l) => / ok /.test(l))) expect(l).toMatch(/ \d+\.\d ms {2}/);
    expect(r.stdout).toMatch(/^accepted: "alice" is registered on 127\.0\.0\.1:\d+ by token/m);
    expect(r.stdout).toMatch(/\{PXZ\}[A-Za-z0-9_-]{6}…\(45 chars\)/);
    expectNoSecret(r.stdout + r.stderr);
  });

  it('takes the token-uuid from a file or $GAX_TOKEN_UUID', async () => {
    const file = join(dir, 'uuid.txt');
    await writeFile(file, `${U}\n`);
    expect((await runGaxToken([...target(), '--uuid-file', file])).code).toBe(0);
    const env = await runGaxToken(target(), { env: { GAX_TOKEN_UUID: U } });
    expect(env.code).toBe(0);
    expectNoSecret(env.stdout + env.stderr);
  });

  it('by password, from the environment or a file; the password is never printed', async () => {
    const file = join(dir, 'pw.txt');
    await writeFile(file, `${PASSWORD}\n`);
    const fromEnv = await runGaxToken([...target(), '--password-env', 'CS_PW'], { env: { CS_PW: PASSWORD } });
    const fromFile = await runGaxToken([...target(), '--password-file', file]);
    for (const r of [fromEnv, fromFile]) {
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/by password/);
      expect(r.stdout).toMatch(/^ {2}token +skipped +password login: no token$/m);
      expectNoSecret(r.stdout + r.stderr);
    }
  });

  it('a token signed with another token-uuid: rejected with the code, the message and the fix (exit 1)', async () => {
    const r = await runGaxToken([...target(), '--uuid', OTHER]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^rejected: the server refused the login: BAD_SIGNATURE — /m);
    expect(r.stdout).toMatch(/^fix: .*token-uuid/m);
    expect(traceLines(r.stdout).at(-1)).toMatch(/register +failed .* BAD_SIGNATURE: /);
    expectNoSecret(r.stdout + r.stderr);
  });

  it('a GAX clock an hour behind: EXPIRED (exit 1)', async () => {
    const r = await runGaxToken([...target(), '--uuid', U, '--life', '20', '--gax-clock-offset', '-3600']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^rejected: .*EXPIRED/m);
  });

  it('TLS with the pinned fingerprint (exit 0) and with a wrong one (exit 1)', async () => {
    const ok = await runGaxToken(tlsLogin(fingerprint));
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^ {2}tls +ok .*pinned fingerprint/m);
    expect(ok.stdout).toContain(`SHA-256 ${fingerprint}`);
    const wrong = await runGaxToken(tlsLogin('ab'.repeat(32)));
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/^tls-failed: the certificate's fingerprint .* does not match the pinned AB:AB:AB:AB:…$/m);
  });

  it('nothing listening: unreachable (exit 1)', async () => {
    const r = await runGaxToken(['login', '--host', '127.0.0.1', '--port', '1', '--user', 'alice', '--uuid', U]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^unreachable: nothing is listening on 127\.0\.0\.1:1$/m);
    expect(r.stdout).toMatch(/^fix: Start the Configuration Server/m);
  });

  it('Ctrl-C while waiting for a Hello: cancelled, the socket closed, exit 1', async () => {
    assertBuilt();
    const sockets: Socket[] = [];
    const silent = createServer((s) => sockets.push(s.on('error', () => undefined)));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const silentPort = (silent.address() as AddressInfo).port;
      const child = spawn(
        process.execPath,
        [BIN, 'login', '--host', '127.0.0.1', '--port', String(silentPort), '--user', 'alice', '--uuid', U, '--timeout', '20000'],
        {
          cwd: ROOT,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stdout = '';
      let interrupted = false;
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        stdout += d;
        // once: a second Ctrl-C is the shell's "really quit", which kills the process outright
        if (!interrupted && /^ {2}connect +ok/m.test(stdout)) interrupted = child.kill('SIGINT');
      });
      const code = await new Promise<number | null>((r) => child.on('close', r));
      expect(code).toBe(1);
      expect(stdout).toMatch(/^ {2}hello +failed .* cancelled$/m);
      expect(stdout).toMatch(/^cancelled: cancelled during Hello \(csmock\/1\)$/m);
      // the server's side of the connection sees it closed
      const server = sockets[0]!;
      if (!server.destroyed) await new Promise((r) => server.once('close', r));
      expect(server.destroyed).toBe(true);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => silent.close(r));
    }
  });

  it('--json: the whole result as one object, no secret in it', async () => {
    const r = await runGaxToken([...target(), '--uuid', U, '--json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.outcome).toBe('accepted');
    expect(result.steps).toHaveLength(6);
    expect(result.session.authMethod).toBe('token');
    expectNoSecret(r.stdout);
  });

  it.each([
    [['login', '--port', '2020', '--user', 'a', '--uuid', U], "'login' needs --host H"],
    [['login', '--host', 'h', '--user', 'a', '--uuid', U], "'login' needs --port P"],
    [['login', '--host', 'h', '--port', '2020', '--uuid', U], "'login' needs --user NAME"],
    [['login', '--host', 'h', '--port', '2020', '--user', 'a'], "'login' needs a secret"],
    [['login', '--host', 'h', '--port', '0', '--user', 'a', '--uuid', U], '--port must be from 1 to 65535'],
    [['login', '--host', 'h', '--port', '2020', '--user', 'a', '--uuid', U, '--password-env', 'X'], 'not both'],
    [['login', '--host', 'h', '--port', '2020', '--user', 'a', '--password-env', 'NOPE_NOT_SET'], 'the environment variable NOPE_NOT_SET is not set'],
    [
      ['login', '--host', 'h', '--port', '2020', '--user', 'a', '--password-file', '/nonexistent/pw'],
      'cannot read --password-file /nonexistent/pw: no such file',
    ],
    [['login', '--host', 'h', '--port', '2020', '--user', 'a', '--password-env', 'HOME', '--life', '5'], '--life is for a token login'],
    [['login', '--host', 'h', '--port', '2020', '--user', 'a', '--uuid', U, '--fingerprint', 'ab'], '--fingerprint needs --tls'],
    [
      ['login', '--host', 'h', '--port', '2020', '--user', 'a', '--uuid', U, '--tls', '--fingerprint', 'ab'],
      'the fingerprint is not a SHA-256 fingerprint',
    ],
    [['login', '--host', 'h', '--port', '2020', '--user', 'a', '--uuid', U, '--tls', '--fingerprint', 'ab', '--ca', 'x'], 'not both'],
    [['login', '--host', 'h', '--port', '2020', '--user', 'a', '--uuid', 'nope'], '--uuid is not a UUID'],
  ])('usage error %j → exit 2, one line, no trace', async (args, text) => {
    // In-process through the real entry point (the CLI's io is injectable): a child process per
    // case would only re-test process start-up, which the case below does once.
    const r = await runInProcess(args);
    expect(r.code).toBe(2);
    expect(expectOneLineError(r)).toContain(text);
    expect(r.stdout).toBe('');
    expectNoSecret(r.stderr);
  });

  it('a usage error from the real process: exit 2, one line on stderr', async () => {
    const r = await runGaxToken(['login', '--host', 'h', '--port', '2020', '--user', 'a', '--uuid', U, '--fingerprint', 'ab']);
    expect(r.code).toBe(2);
    expect(expectOneLineError(r)).toBe('gax-token login: --fingerprint needs --tls');
    expect(r.stdout).toBe('');
  });
});
