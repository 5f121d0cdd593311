// Secret hygiene (issue 8, part 3): every flow — mint, decode, verify, serve, login, time, doctor,
// the IPC runtime (mock CS, logins, wizard export, profiles, errors) and web mode — runs with
// distinctive secrets, and every line, event, answer, export and file it produced is scanned for
// them as text, hex and base64 (and a token-uuid also as its raw bytes and its derived key).
// Nothing may hold one except an export the person asked to include secrets in, the token a mint
// produced, and a secret the person asked to reveal; on disk a secret exists only encrypted.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../src-main/core/index.js';
import type { RequestInput } from '../../src-main/ipc/contract/index.js';
import type { TokenUuidSource } from '../../src-main/ipc/contract/tokens.js';
import { safeStorageCipher } from '../../src-main/store/index.js';
import { runGaxToken } from '../helpers/cli.js';
import { FOREIGN, startRuntime, type TestRuntime } from '../ipc/helpers.js';
import { fakeSafeStorage } from '../store/helpers.js';
import { connect, secretOf, type TestClient } from '../web/helpers.js';
import { assertAppBuilt, runNode, URL_LINE } from '../web/run-app.js';
import { CS_PASSWORD, filesUnder, MISTYPED_UUID, PROFILE_PASSWORD, SECRETS, serveProcess, TOKEN_UUID, waitForOutput, WRONG_UUID } from './flows.js';
import { base64Runs, SecretScanner, type Finding } from './secret-scan.js';

const PREAMBLE = '{PXZ}';
const NOW = 1_767_225_600; // 2026-01-01T00:00:00Z

let home: string;
beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'gax-hygiene-'));
});
afterAll(() => rm(home, { recursive: true, force: true }));

function expectClean(findings: readonly Finding[]): void {
  expect(findings, SecretScanner.describe(findings)).toEqual([]);
}

describe('the scanner finds every form it claims to (a scan that cannot fail proves nothing)', () => {
  const scanner = new SecretScanner(SECRETS, { tokenPreambles: [PREAMBLE] });
  const minted = mintToken({ tokenUuid: TOKEN_UUID, username: 'alice', iat: NOW, exp: NOW + 600 });
  if (!minted.ok) throw new Error('mint failed');
  const token = minted.value.token;

  it.each([
    ['the token-uuid in capitals', `uuid=${TOKEN_UUID.toUpperCase()};`, 'the token-uuid'],
    ['the token-uuid without dashes', `x${TOKEN_UUID.replace(/-/g, '')}x`, 'the token-uuid'],
    ['the uuid text as hex', Buffer.from(TOKEN_UUID).toString('hex').toUpperCase(), 'the token-uuid'],
    ['the uuid bytes in base64 inside a longer blob', Buffer.concat([Buffer.from('ab'), Buffer.from(TOKEN_UUID.replace(/-/g, ''), 'hex'), Buffer.from('z')]).toString('base64'), 'the token-uuid'],
    ['the uuid bytes raw in a binary file', Buffer.concat([Buffer.from([0, 1]), Buffer.from(TOKEN_UUID.replace(/-/g, ''), 'hex')]), 'the token-uuid'],
    ['a password as base64url at an odd offset', Buffer.from(`x${CS_PASSWORD}`).toString('base64url'), 'the CS user password'],
    ['a password as base64 with two bytes before it', Buffer.from(`{"${PROFILE_PASSWORD}"}`).toString('base64'), 'the profile password'],
    ['a whole token the test never saw', `sent ${token} to the CS`, 'a whole token'],
  ] as const)('%s', (_name, content, secret) => {
    expect(scanner.scan('self-test', content).map((f) => f.secret)).toContain(secret);
  });

  it('stays quiet on a redacted token, a masked token-uuid and other text', () => {
    const redacted = `${token.slice(0, PREAMBLE.length + 6)}…(${token.length} chars)`;
    expectClean(scanner.scan('self-test', `token ${redacted}, uuid ••••••••-••••-••••-••••-••••••••${TOKEN_UUID.slice(-4)}, user alice`));
  });

  it('computes base64 runs that survive any prefix', () => {
    const secret = Buffer.from('abcdefgh');
    for (let prefix = 0; prefix < 6; prefix++) {
      const blob = Buffer.concat([Buffer.alloc(prefix, 7), secret, Buffer.from('tail')]).toString('base64');
      expect(base64Runs(secret, 'base64').some((run) => blob.includes(run)), `prefix ${prefix}`).toBe(true);
    }
  });
});

describe('the gax-token command', { timeout: 120_000 }, () => {
  const scanner = new SecretScanner(SECRETS, { tokenPreambles: [PREAMBLE] });
  const scanRun = (what: string, run: { stdout: string; stderr: string }, opts: { stdoutIsProduct?: boolean } = {}) => {
    // A minted token on stdout is the product the person asked for; the token-uuid never is.
    scanner.scan(`${what}: stdout`, run.stdout, { wholeTokens: !opts.stdoutIsProduct });
    scanner.scan(`${what}: stderr`, run.stderr);
  };
  let uuidFile: string;
  let token: string;

  beforeAll(async () => {
    uuidFile = join(home, 'cs-token-uuid.txt');
    await writeFile(uuidFile, `${TOKEN_UUID}\n`);
  });

  it('mint, decode and verify, in text and JSON, and their error paths', async () => {
    const mint = await runGaxToken(['mint', '--uuid-file', uuidFile, '--user', 'alice', '--now', String(NOW), '--life', '10']);
    expect(mint.code).toBe(0);
    token = mint.stdout.split('\n')[0]!;
    expect(token.startsWith(PREAMBLE)).toBe(true);
    scanRun('mint', mint, { stdoutIsProduct: true });
    scanRun('mint --json (uuid in the environment)', await runGaxToken(['mint', '--user', 'alice', '--json'], { env: { GAX_TOKEN_UUID: TOKEN_UUID } }), { stdoutIsProduct: true });
    scanRun('mint --uuid on the command line', await runGaxToken(['mint', '--uuid', TOKEN_UUID.toUpperCase(), '--user', 'bob']), { stdoutIsProduct: true });
    for (const bad of [MISTYPED_UUID, `${TOKEN_UUID}0`, `{${MISTYPED_UUID}}`]) {
      const run = await runGaxToken(['mint', '--uuid', bad, '--user', 'alice']);
      expect(run.code).toBe(2);
      scanRun('mint with a mistyped uuid', run);
    }
    // decode and verify are given the token: only the token-uuid and passwords are scanned for.
    const tokenScan = (what: string, run: { stdout: string; stderr: string }) => scanRun(what, run, { stdoutIsProduct: true });
    tokenScan('decode', await runGaxToken(['decode', token]));
    tokenScan('decode --json', await runGaxToken(['decode', '-', '--json'], { stdin: token }));
    const ok = await runGaxToken(['verify', token, '--uuid-file', uuidFile, '--user', 'alice', '--now', String(NOW + 5)]);
    expect(ok.code).toBe(0);
    tokenScan('verify', ok);
    const wrong = await runGaxToken(['verify', token, '--uuid', WRONG_UUID, '--user', 'alice', '--now', String(NOW + 5), '--json']);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain('BAD_SIGNATURE');
    tokenScan('verify with the wrong uuid', wrong);
    tokenScan('verify, expired', await runGaxToken(['verify', token, '--uuid', TOKEN_UUID, '--user', 'alice', '--now', String(NOW + 7200)]));
    tokenScan('verify, mistyped uuid', await runGaxToken(['verify', token, '--uuid', MISTYPED_UUID]));
    expectClean(scanner.findings);
  });

  it('serve (plain and JSON log) while logins by token and password succeed and fail; login and time', async () => {
    const serveHome = join(home, 'serve-home');
    const plain = serveProcess(['--port', '0', '--mode', 'enable', '--uuid', TOKEN_UUID, '--user', `alice:${CS_PASSWORD}`, '--user', 'bob'], { GAX_TOKEN_LAB_HOME: serveHome });
    const json = serveProcess(['--port', '0', '--tls', '--mode', 'enable', '--uuid-file', uuidFile, '--user', `alice:${CS_PASSWORD}`, '--user', 'bob', '--json-log'], { GAX_TOKEN_LAB_HOME: serveHome });
    try {
      const port = (await waitForOutput(plain.stdout, /^listening on 127\.0\.0\.1:(\d+)$/m))[1]!;
      const tls = await waitForOutput(json.stdout, /^listening on 127\.0\.0\.1:(\d+) \(tls, sha256 ([0-9A-F:]+)\)$/m);
      const targets = [
        ['--host', '127.0.0.1', '--port', port],
        ['--host', '127.0.0.1', '--port', tls[1]!, '--tls', '--fingerprint', tls[2]!],
      ];
      const env = { CS_PASSWORD, WRONG_PASSWORD: `${CS_PASSWORD}x` };
      for (const target of targets) {
        const logins: [string, string[], number][] = [
          ['token login', ['--user', 'alice', '--uuid-file', uuidFile, '--life', '10'], 0],
          ['token login --json', ['--user', 'bob', '--uuid', TOKEN_UUID, '--json'], 0],
          ['password login', ['--user', 'alice', '--password-env', 'CS_PASSWORD'], 0],
          ['wrong password', ['--user', 'alice', '--password-env', 'WRONG_PASSWORD', '--json'], 1],
          ['wrong uuid', ['--user', 'alice', '--uuid', WRONG_UUID], 1],
          ['GAX clock two hours behind: expired', ['--user', 'alice', '--uuid', TOKEN_UUID, '--gax-clock-offset', '-7200', '--json'], 1],
          ['unknown user', ['--user', 'mallory', '--password-env', 'CS_PASSWORD'], 1],
        ];
        for (const [what, args, code] of logins) {
          const run = await runGaxToken(['login', ...target, ...args], { env, timeoutMs: 30_000 });
          expect(run.code, `${what}: ${run.stdout}${run.stderr}`).toBe(code);
          scanRun(`login: ${what}`, run);
        }
        scanRun('time', await runGaxToken(['time', ...target, '--samples', '2', '--json']));
      }
      scanRun('login to a closed port', await runGaxToken(['login', '--host', '127.0.0.1', '--port', '1', '--user', 'alice', '--password-env', 'CS_PASSWORD'], { env }));
      scanRun('login with a mistyped uuid', await runGaxToken(['login', ...targets[0]!, '--user', 'alice', '--uuid', MISTYPED_UUID]));
      await waitForOutput(plain.stdout, /user 'mallory'/);
      await waitForOutput(json.stdout, /"userName":"mallory"/);
    } finally {
      expect(await plain.stop()).toBe(0);
      expect(await json.stop()).toBe(0);
    }
    expect(plain.stdout()).toMatch(/authenticated by token \{PXZ\}.{6}…/);
    scanRun('serve (log lines)', { stdout: plain.stdout(), stderr: plain.stderr() });
    scanRun('serve --json-log', { stdout: json.stdout(), stderr: json.stderr() });
    // serve with a given token-uuid keeps only its certificate; the generated uuid file is not ours.
    for (const [file, bytes] of await filesUnder(serveHome)) scanner.scan(`serve data dir: ${file}`, bytes);
    expectClean(scanner.findings);
    const bad = await runGaxToken(['serve', '--port', '0', '--uuid', MISTYPED_UUID, '--user', `alice:${CS_PASSWORD}`], { env: { GAX_TOKEN_LAB_HOME: serveHome } });
    expect(bad.code).toBe(2);
    scanRun('serve with a mistyped uuid', bad);
    expectClean(scanner.findings);
  });

  it('doctor on option files holding the token-uuid: findings and corrected lines name its line, never its value', async () => {
    // Genesys option exports hold the token-uuid in clear; the doctor never writes it back out (the
    // CLI has no option to: the corrected file points at the line instead), so no output may hold it.
    const cs = join(home, 'confserv.cfg');
    const gax = join(home, 'gax.cfg');
    await writeFile(
      cs,
      `[system]\ntoken-authentication-mode=enable\ntoken-uuid=${TOKEN_UUID.toUpperCase()}\ntoken-uuid=${TOKEN_UUID.replace(/-/g, '')}\ntoken-tolerance=900\n[general]\ntoken-uuid={${TOKEN_UUID}}\n`,
    );
    await writeFile(gax, `[general]\nconfserv_trusted=true\ntoken_life_in_minutes=600\ntoken-uuid=${MISTYPED_UUID}\npassword=${CS_PASSWORD}\n`);
    const text = await runGaxToken(['doctor', cs, gax, '--users', 'alice', '--clock-offset', '-75']);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/CORRECTED OPTIONS/);
    scanRun('doctor', text);
    scanRun('doctor --json', await runGaxToken(['doctor', cs, gax, '--json']));
    scanRun('doctor - (stdin)', await runGaxToken(['doctor', '-', '--app', 'cs', '--json'], { stdin: `[system]\ntoken-uuid=${MISTYPED_UUID}\n` }));
    expectClean(scanner.findings);
  });

  afterAll(() => {
    // Guard against a scan of nothing: every flow above produced output that was read.
    expect(scanner.scanned).toBeGreaterThan(40);
  });
});

describe('the IPC runtime (real store with an encrypting keychain, real mock CS, real logins)', { timeout: 120_000 }, () => {
  const scanner = new SecretScanner(SECRETS, { tokenPreambles: [PREAMBLE] });
  const keychain = () => safeStorageCipher(fakeSafeStorage('hygiene-account'));
  let dataDir: string;
  let t: TestRuntime;
  let csId: string;

  const gax = (tokenUuid: TokenUuidSource) => ({ kind: 'gax', confservTrusted: true, tokenLifeMinutes: 10, tokenUuid, preamble: PREAMBLE }) as const;
  const login = async (runId: string, userName: string, credentials: RequestInput<'login.run'>['credentials'], target: RequestInput<'login.run'>['target'] = { kind: 'mockcs' }) =>
    (await t.call('login.run', { runId, target, userName, credentials })).outcome;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(home, 'ipc-data-'));
    t = await startRuntime({ cipher: keychain() }, dataDir);
  });

  it('mock CS with a configured token-uuid and passwords; logins by token and password that succeed and fail', async () => {
    await t.call('mockcs.listeners.set', { listeners: [{ host: '127.0.0.1', port: 0 }] });
    await t.call('mockcs.start', { options: { tokenAuthenticationMode: 'enable', tokenUuid: TOKEN_UUID } });
    await t.call('mockcs.users.upsert', { userName: 'alice', enabled: true, password: CS_PASSWORD });
    await t.call('mockcs.users.upsert', { userName: 'bob', enabled: true, password: null });
    expect(await login('typed', 'alice', gax({ kind: 'typed', value: TOKEN_UUID }))).toBe('accepted');
    expect(await login('mockcs', 'bob', gax({ kind: 'mockcs' }))).toBe('accepted');
    expect(await login('password', 'alice', { kind: 'password', password: CS_PASSWORD })).toBe('accepted');
    expect(await login('untrusted', 'alice', { ...gax({ kind: 'mockcs' }), confservTrusted: false, password: CS_PASSWORD })).toBe('accepted');
    expect(await login('bad-password', 'alice', { kind: 'password', password: `${CS_PASSWORD}x` })).toBe('rejected');
    expect(await login('wrong-uuid', 'alice', gax({ kind: 'typed', value: WRONG_UUID }))).toBe('rejected');
    expect(await login('token-only', 'bob', { kind: 'password', password: CS_PASSWORD })).toBe('rejected');
    expect(await login('closed', 'alice', { kind: 'password', password: CS_PASSWORD }, { kind: 'host', host: '127.0.0.1', port: 1 })).toBe('unreachable');
    await t.invoke('login.run', { runId: 'mistyped', target: { kind: 'mockcs' }, userName: 'alice', credentials: gax({ kind: 'typed', value: MISTYPED_UUID }) });
    await t.call('clock.probe', { target: { kind: 'mockcs' }, samples: 2 });
    await t.waitForEvent('mockcs.events', (p) => p.events.some((e) => e.code === 'BAD_SIGNATURE'));
    expect((await t.call('mockcs.log.snapshot', {})).events.length).toBeGreaterThan(8);
  });

  it('tokens: mint (its answer is the token, and only that), decode, verify with the right, a wrong and a mistyped uuid', async () => {
    const minted = await t.call('token.mint', { username: 'alice', tokenUuid: { kind: 'typed', value: TOKEN_UUID }, lifeMinutes: 10, preamble: PREAMBLE, now: NOW }, { record: false });
    scanner.scan('token.mint answer', JSON.stringify(minted), { wholeTokens: false });
    // decode and verify were handed the token, so their answers are scanned for the other secrets only.
    const handed = async (what: string, p: Promise<unknown>) => scanner.scan(what, JSON.stringify(await p), { wholeTokens: false });
    await handed('token.decode', t.invoke('token.decode', { value: minted.token, preamble: PREAMBLE }, { record: false }));
    for (const value of [TOKEN_UUID, WRONG_UUID, MISTYPED_UUID])
      await handed('token.verify', t.invoke('token.verify', { value: minted.token, preamble: PREAMBLE, tokenUuid: { kind: 'typed', value }, userName: 'alice', now: NOW + 1 }, { record: false }));
    await handed('token.verify (mock CS uuid)', t.invoke('token.verify', { value: minted.token, preamble: PREAMBLE, tokenUuid: { kind: 'mockcs' } }, { record: false }));
  });

  it('the wizard export: the token-uuid only in the snippet the person asked to include secrets in', async () => {
    const input = { cs: { 'token-authentication-mode': 'enable', 'token-uuid': TOKEN_UUID, 'token-tolerance': '60' }, gax: { confserv_trusted: 'true', token_life_in_minutes: '10' } };
    const safe = await t.call('options.render', { ...input, includeSecrets: false });
    expect(safe.cs.text).toContain('token-authentication-mode=enable');
    const explicit = await t.call('options.render', { ...input, includeSecrets: true }, { record: false });
    expect(explicit.cs.text).toContain(`token-uuid=${TOKEN_UUID}`);
    expect(scanner.scan('options.render with includeSecrets (explicit)', JSON.stringify(explicit), { ignore: ['the token-uuid'] })).toEqual([]);
    await t.invoke('options.render', { cs: { 'token-uuid': MISTYPED_UUID }, gax: {}, includeSecrets: false });
    await t.call('doctor.diagnose', {
      files: [
        { name: 'confserv.cfg', text: `[system]\ntoken-authentication-mode=enable\ntoken-uuid=${TOKEN_UUID}\ntoken-uuid=${MISTYPED_UUID}\n[general]\ntoken-uuid=${WRONG_UUID}\n` },
        { name: 'gax.cfg', text: `[general]\nconfserv_trusted=true\npassword=${CS_PASSWORD}\n` },
      ],
    });
  });

  it('profiles: created, changed, exported without secrets (none) and with them (all), imported, revealed on request', async () => {
    csId = (
      await t.call('profiles.create', {
        kind: 'cs',
        name: 'Hygiene CS',
        options: { 'token-authentication-mode': 'enable', 'token-uuid': TOKEN_UUID },
        users: [{ userName: 'alice', password: CS_PASSWORD }, { userName: 'carol', password: PROFILE_PASSWORD }],
      })
    ).id;
    const gaxId = (await t.call('profiles.create', { kind: 'gax', name: 'Hygiene GAX', options: { confserv_trusted: 'true' } })).id;
    await t.call('profiles.create', { kind: 'pair', name: 'Hygiene pair', csProfileId: csId, gaxProfileId: gaxId });
    await t.call('profiles.get', { id: csId });
    await t.call('profiles.update', { id: csId, patch: { users: [{ userName: 'alice' }, { userName: 'carol' }, { userName: 'dave', password: PROFILE_PASSWORD }] } });
    await t.call('profiles.duplicate', { id: csId });
    expect(await login('profile', 'alice', gax({ kind: 'profile', profileId: csId }))).toBe('accepted');
    const plain = await t.call('profiles.export', { includeSecrets: false });
    expect(plain.content).toContain('Hygiene CS');
    const explicit = await t.call('profiles.export', { includeSecrets: true }, { record: false });
    for (const secret of [TOKEN_UUID, CS_PASSWORD, PROFILE_PASSWORD]) expect(explicit.content).toContain(secret);
    await t.call('profiles.import', { text: explicit.content });
    await t.call('profiles.import', { text: plain.content });
    expect((await t.call('secrets.reveal', { profileId: csId, field: { option: 'token-uuid' } }, { record: false })).value).toBe(TOKEN_UUID);
  });

  it('every error answer: bad values, secrets in the wrong field, unknown channels, a foreign page', async () => {
    // The store keeps what the person typed (the doctor and the wizard judge it): the answer is scanned with the others.
    await t.invoke('profiles.create', { kind: 'cs', name: 'Mistyped uuid', options: { 'token-uuid': MISTYPED_UUID } });
    const errors = [
      await t.invoke('profiles.create', { kind: 'cs', name: 'Hygiene CS', users: [{ userName: 'alice', password: CS_PASSWORD }] }),
      await t.invoke('mockcs.options.update', { patch: { tokenUuid: MISTYPED_UUID } }),
      await t.invoke('mockcs.users.upsert', { userName: 'alice', enabled: true, password: `${'x'.repeat(1024)}${CS_PASSWORD}` }),
      await t.invoke('mockcs.users.upsert', { userName: CS_PASSWORD.replace('-', '\n'), enabled: true, password: CS_PASSWORD }),
      await t.invoke('token.mint', { username: 'alice', tokenUuid: { kind: 'typed', value: MISTYPED_UUID }, lifeMinutes: 1, preamble: PREAMBLE }),
      await t.invoke('token.mint', { username: 'alice', tokenUuid: { kind: 'typed', value: TOKEN_UUID }, lifeMinutes: 1, preamble: PREAMBLE, secret: CS_PASSWORD } as never),
      await t.invoke('login.run', { runId: 'x', target: { kind: 'mockcs' }, userName: 'alice', credentials: { kind: 'password', password: CS_PASSWORD, extra: PROFILE_PASSWORD } } as never),
      await t.invoke('secrets.reveal', { profileId: 'nope', field: { option: 'token-uuid' } }),
      await t.invokeRaw(`profiles.${TOKEN_UUID}`, { password: CS_PASSWORD }),
      await t.invokeRaw('secrets.reveal', { profileId: csId, field: { option: 'token-uuid' } }, FOREIGN),
    ];
    for (const [i, answer] of errors.entries()) expect(answer.ok, `error case ${i}`).toBe(false);
    for (const [i, answer] of errors.entries()) scanner.scan(`error answer ${i}`, JSON.stringify(answer));
  });

  afterAll(async () => {
    await t.call('mockcs.stop', undefined);
    await t.close();
    for (const { channel, result } of t.received) scanner.scan(`answer to ${channel}`, JSON.stringify(result));
    for (const { event, payload } of t.events) scanner.scan(`event ${event}`, JSON.stringify(payload));
    for (const { channel, err } of t.internalErrors) scanner.scan(`internal error in ${channel}`, String(err));
    expect(t.events.length).toBeGreaterThan(20);
    const files = await filesUnder(dataDir);
    for (const [file, bytes] of files) scanner.scan(`data dir: ${file}`, bytes);
    // Saved, not dropped: the profiles file holds sealed references, and a new session with the
    // same keychain reads the secrets back.
    const profilesFile = [...files.entries()].find(([name]) => /^profiles.*\.json$/.test(name));
    expect(profilesFile, [...files.keys()].join(', ')).toBeDefined();
    expect(profilesFile![1].toString('utf8')).toMatch(/"enc"/);
    const again = await startRuntime({ cipher: keychain() }, dataDir);
    expect((await again.call('secrets.reveal', { profileId: csId, field: { userName: 'carol' } }, { record: false })).value).toBe(PROFILE_PASSWORD);
    await again.close();
    await rm(dataDir, { recursive: true, force: true });
    expectClean(scanner.findings);
  });
});

describe('web mode (the real server process, driven over its WebSocket)', { timeout: 120_000 }, () => {
  it('profiles with secrets kept in the key file, the mock CS, logins and exports: its output, frames and files hold no secret', async () => {
    assertAppBuilt();
    const scanner = new SecretScanner(SECRETS, { tokenPreambles: [PREAMBLE] });
    const webHome = join(home, 'web-home');
    const app = runNode('dist/main/web/main.js', ['--port', '0'], { GAX_TOKEN_LAB_HOME: webHome, GAX_TOKEN_UUID: undefined });
    let client: TestClient | undefined;
    try {
      const url = (await app.waitFor(URL_LINE))[1]!;
      client = await connect(Number(new URL(url).port), secretOf(url));
      const call = async (channel: string, input: unknown) => {
        const answer = await client!.request(channel, input);
        if (!answer.ok) throw new Error(`${channel}: ${answer.error.code} ${answer.error.message}`);
        return answer.data as Record<string, unknown>;
      };
      // Saved secrets survive only with the key file the person opts in to: encrypted with it.
      await call('settings.update', { patch: { secretStorage: 'key-file' } });
      const cs = await call('profiles.create', { kind: 'cs', name: 'Web CS', options: { 'token-uuid': TOKEN_UUID }, users: [{ userName: 'carol', password: PROFILE_PASSWORD }] });
      await call('mockcs.listeners.set', { listeners: [{ host: '127.0.0.1', port: 0 }] });
      await call('mockcs.start', { options: { tokenAuthenticationMode: 'enable', tokenUuid: TOKEN_UUID } });
      await call('mockcs.users.upsert', { userName: 'alice', enabled: true, password: CS_PASSWORD });
      const gaxLogin = (tokenUuid: unknown) => ({ kind: 'gax', confservTrusted: true, tokenLifeMinutes: 10, tokenUuid, preamble: PREAMBLE });
      const outcomes = [];
      for (const [userName, credentials] of [
        ['alice', gaxLogin({ kind: 'typed', value: TOKEN_UUID })],
        ['alice', gaxLogin({ kind: 'profile', profileId: cs['id'] })],
        ['alice', { kind: 'password', password: CS_PASSWORD }],
        ['alice', { kind: 'password', password: PROFILE_PASSWORD }],
        ['alice', gaxLogin({ kind: 'typed', value: WRONG_UUID })],
      ] as const)
        outcomes.push((await call('login.run', { runId: `web-${outcomes.length}`, target: { kind: 'mockcs' }, userName, credentials }))['outcome']);
      expect(outcomes).toEqual(['accepted', 'accepted', 'accepted', 'rejected', 'rejected']);
      await call('options.render', { cs: { 'token-uuid': TOKEN_UUID }, gax: { confserv_trusted: 'true' }, includeSecrets: false });
      expect(String((await call('profiles.export', { includeSecrets: false }))['content'])).toContain('Web CS');
      expect((await client.request('mockcs.options.update', { patch: { tokenUuid: MISTYPED_UUID } })).ok).toBe(false);
      expect((await client.request(`x${CS_PASSWORD}`, { password: CS_PASSWORD })).ok).toBe(false);
      await call('mockcs.log.snapshot', {});
      await call('mockcs.stop', undefined);
    } finally {
      await client?.close();
      expect(await app.stop()).toEqual({ code: 0, signal: null });
    }
    for (const [i, frame] of client!.frames.entries()) scanner.scan(`web frame ${i}`, JSON.stringify(frame));
    scanner.scan('web mode stdout', app.stdout);
    scanner.scan('web mode stderr', app.stderr);
    const files = await filesUnder(webHome);
    expect([...files.keys()]).toContain('secret.key');
    expect(files.get('profiles.json')?.toString('utf8')).toMatch(/"enc"/);
    for (const [file, bytes] of files) scanner.scan(`web data dir: ${file}`, bytes);
    expect(client!.frames.length).toBeGreaterThan(15);
    expectClean(scanner.findings);
  });
});
