/**
 * "Copy as command": the copied `gax-token login …`, run by a real POSIX shell with the secret file
 * and environment variable supplied as its notes say, reruns the same attempt through the real
 * built CLI against a real mock CS — and gets the same outcome as the attempt itself. The values
 * are chosen to break naive quoting: quotes, `$`, spaces and braces.
 */
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLogin, type LoginRequest, type LoginResult } from '../../src-main/client/index.js';
import type { MockCs, MockCsEvent } from '../../src-main/mockcs/index.js';
import { startPlainAndTls } from '../helpers/mockcs.js';
import { loginCommand, shellQuote, UUID_PLACEHOLDER, type CommandTarget } from '../../src-main/core/report/index.js';
import { BIN, assertBuilt } from '../helpers/cli.js';

const UUID = '3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42';
const WRONG = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
const PASSWORD = `it's "$HOME" \`id\``;
const USER = `d'Artagnan $USER`;
const CLIENT = `Trainee "O'Neil" $(id)`;
const PREAMBLE = `{P'X$}`;

let dir: string;
let cs: MockCs;
let port: number;
let tlsPort: number;
let fingerprint: string;
const events: MockCsEvent[] = [];

beforeAll(async () => {
  assertBuilt();
  dir = await mkdtemp(join(tmpdir(), 'gax-copy-command-'));
  await writeFile(join(dir, 'gax-token'), `#!/bin/sh\nexec ${shellQuote(process.execPath)} ${shellQuote(BIN)} "$@"\n`);
  await chmod(join(dir, 'gax-token'), 0o755);
  ({ cs, port, tlsPort, fingerprint } = await startPlainAndTls(
    { tokenAuthenticationMode: 'enable', tokenUuid: UUID, tokenPreambula: PREAMBLE, users: [{ userName: USER, password: PASSWORD, enabled: true }] },
    dir,
  ));
  cs.onEvent((e) => events.push(e));
});
afterAll(async () => {
  await cs?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Runs `command --json` in sh, in a folder holding ./token-uuid.txt, with `gax-token` on the PATH. */
function runInShell(
  command: string,
  secrets: { uuid?: string; env?: Record<string, string> },
): Promise<{ code: number | null; result: LoginResult; stderr: string }> {
  return new Promise((resolve, reject) => {
    const setup = secrets.uuid ? writeFile(join(dir, UUID_PLACEHOLDER), `${secrets.uuid}\n`) : Promise.resolve();
    void setup.then(() => {
      const env = { PATH: `${dir}:${process.env['PATH'] ?? ''}`, HOME: '/nonexistent-home', USER: 'someone-else', ...secrets.env };
      const child = spawn('/bin/sh', ['-c', `${command} --json`], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) => {
        try {
          resolve({ code, result: JSON.parse(stdout) as LoginResult, stderr });
        } catch {
          reject(new Error(`not JSON (exit ${code}): ${stdout}\n${stderr}`));
        }
      });
    }, reject);
  });
}

function same(a: LoginResult, b: LoginResult): void {
  expect(b.outcome).toBe(a.outcome);
  expect(b.server?.code).toBe(a.server?.code);
  expect(b.session?.authMethod).toBe(a.session?.authMethod);
  expect(b.steps.map((s) => `${s.id}:${s.status}`)).toEqual(a.steps.map((s) => `${s.id}:${s.status}`));
  expect(b.certificate?.fingerprint256).toBe(a.certificate?.fingerprint256);
}

/** USER's login over plain TCP to the mock CS, with `credentials`. */
const loginAsUser = (credentials: LoginRequest['credentials']) => runLogin({ host: '127.0.0.1', port, userName: USER, credentials });
/** The command that reruns USER's login over plain TCP to the mock CS, with `credentials`. */
const commandAsUser = (credentials: CommandTarget['credentials']) =>
  loginCommand({ host: '127.0.0.1', port, tls: null, userName: USER, credentials });

describe('the copied command reruns the same attempt', () => {
  it('a token login over TLS with a pin, a client name, a preamble, a life and a GAX clock offset, all needing quotes', async () => {
    const request: LoginRequest = {
      host: '127.0.0.1',
      port: tlsPort,
      tls: { fingerprint256: fingerprint },
      userName: USER,
      clientName: CLIENT,
      credentials: { kind: 'gax', confservTrusted: true, tokenLifeMinutes: 20, tokenUuid: UUID, preamble: PREAMBLE, gaxClockOffsetSeconds: -30 },
    };
    const target: CommandTarget = {
      host: request.host,
      port: request.port,
      tls: { fingerprint256: fingerprint },
      userName: USER,
      clientName: CLIENT,
      credentials: { kind: 'gax', confservTrusted: true, tokenLifeMinutes: 20, preamble: PREAMBLE, gaxClockOffsetSeconds: -30 },
    };
    const copied = loginCommand(target);
    expect(copied.command).not.toContain(UUID);
    expect(copied.command).toContain(`--uuid-file ${UUID_PLACEHOLDER}`);
    expect(copied.notes.join('\n')).toContain('token-uuid');
    const direct = await runLogin(request);
    expect(direct.outcome).toBe('accepted');
    events.length = 0;
    const rerun = await runInShell(copied.command, { uuid: UUID });
    expect(rerun.code).toBe(0);
    same(direct, rerun.result);
    const registered = events.find((e) => e.kind === 'register');
    expect(registered).toMatchObject({ clientName: CLIENT, userName: USER, authMethod: 'token', code: 'OK' });
  });

  it('the same refusal: a token-uuid that does not match gives BAD_SIGNATURE both ways', async () => {
    const direct = await loginAsUser({ kind: 'gax', confservTrusted: true, tokenLifeMinutes: 60, tokenUuid: WRONG, preamble: PREAMBLE });
    expect(direct.server?.code).toBe('BAD_SIGNATURE');
    const copied = commandAsUser({ kind: 'gax', confservTrusted: true, tokenLifeMinutes: 60, preamble: PREAMBLE });
    const rerun = await runInShell(copied.command, { uuid: WRONG });
    expect(rerun.code).toBe(1);
    same(direct, rerun.result);
  });

  it('a password login: the password from $CS_PASSWORD, never in the command', async () => {
    const direct = await loginAsUser({ kind: 'password', password: PASSWORD });
    expect(direct.outcome).toBe('accepted');
    const copied = commandAsUser({ kind: 'password' });
    expect(copied.command).toContain('--password-env CS_PASSWORD');
    expect(copied.command).not.toContain(PASSWORD);
    same(direct, (await runInShell(copied.command, { env: { CS_PASSWORD: PASSWORD } })).result);
  });

  it('GAX with confserv_trusted=false sends its password: the command is a password login from $GAX_PASSWORD', async () => {
    const direct = await loginAsUser({
      kind: 'gax',
      confservTrusted: false,
      tokenLifeMinutes: 60,
      tokenUuid: UUID,
      preamble: PREAMBLE,
      password: PASSWORD,
    });
    const copied = commandAsUser({ kind: 'gax', confservTrusted: false, tokenLifeMinutes: 60, preamble: PREAMBLE });
    expect(copied.command).toContain('--password-env GAX_PASSWORD');
    same(direct, (await runInShell(copied.command, { env: { GAX_PASSWORD: PASSWORD } })).result);
  });
});

describe('shellQuote', () => {
  it('leaves plain words bare and single-quotes the rest, a quote inside closed and reopened', () => {
    expect(shellQuote('127.0.0.1')).toBe('127.0.0.1');
    expect(shellQuote('AB:CD:EF')).toBe('AB:CD:EF');
    expect(shellQuote('{PXZ}')).toBe("'{PXZ}'");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('')).toBe("''");
  });
});
