// gax-token mint / decode / verify, run as the real built command.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOneLineError, runGaxToken } from '../helpers/cli.js';

const U = '3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42';
const VECTOR = '{PXZ}AWlV7A9pVfC_ZGVmYXVsdDUEHO_lfXwaJe3X_HKNUvI'; // default, iat 1767238671, exp +20 min
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gax-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('gax-token mint', () => {
  it('mints the spec vector, as JSON', async () => {
    const r = await runGaxToken(['mint', '--uuid', U, '--user', 'default', '--now', '1767238671', '--life', '20', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ token: VECTOR, iat: 1767238671, exp: 1767239871, length: 48, fitsPasswordField: true });
  });

  it('defaults --life to 60 and reads the uuid from a file or the environment', async () => {
    const file = join(dir, 'uuid.txt');
    await writeFile(file, `{${U.toUpperCase()}}\n`);
    const a = await runGaxToken(['mint', '--uuid-file', file, '--user', 'alice', '--now', '1000', '--json']);
    const b = await runGaxToken(['mint', '--user', 'alice', '--now', '1000', '--json'], { env: { GAX_TOKEN_UUID: U } });
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout)).toMatchObject({ iat: 1000, exp: 4600 });
    expect(JSON.parse(a.stdout).token).toBe(JSON.parse(b.stdout).token);
  });

  it('prints the token and its fit for people, and warns when it is too long', async () => {
    const r = await runGaxToken(['mint', '--uuid', U, '--user', 'a.very.long.username.x', '--now', '1000']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^\{PXZ\}[A-Za-z0-9_-]+$/);
    expect(r.stdout).toContain('too long for the Password field');
    expect(r.stderr).toContain('only usernames up to 19 bytes fit 64');
  });

  it.each([
    [['mint', '--uuid', U], 'needs --user'],
    [['mint', '--user', 'a'], 'a token-uuid is needed'],
    [['mint', '--uuid', U, '--user', 'a', '--life', 'ten'], '--life must be a whole number'],
    [['mint', '--uuid', U, '--user', 'a', '--life', '0'], '--life must be from 1'],
    [['mint', '--uuid', U, '--user', 'a', '--usr', 'b'], 'did you mean --user?'],
    [['mint', '--uuid', U, '--user', 'a', '--preamble', 'has space'], '--preamble: the preamble may hold only printable ASCII'],
    [['mint', '--uuid', 'zz', '--user', 'a'], '--uuid is not a UUID'],
    [['mint', '--uuid', U, '--uuid-file', 'x', '--user', 'a'], 'not both'],
    [['mint', '--uuid-file', '/nonexistent/uuid', '--user', 'a'], 'cannot read --uuid-file /nonexistent/uuid: no such file'],
    [['mint', '--uuid', U, '--user', 'a', '--now', '4294967295'], 'past what a PXZ-1 token can hold'],
    [['frobnicate'], "no command 'frobnicate'"],
  ])('usage error %j → exit 2, one line', async (args, text) => {
    const r = await runGaxToken(args);
    expect(r.code).toBe(2);
    expect(expectOneLineError(r)).toContain(text);
  });

  it('never echoes a secret in its errors', async () => {
    const r = await runGaxToken(['mint', '--uuid', `${U}x`, '--user', 'a']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain(U);
  });
});

describe('gax-token decode', () => {
  it('shows the fields as JSON', async () => {
    const r = await runGaxToken(['decode', VECTOR, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ code: 'OK', iat: 1767238671, exp: 1767239871, username: 'default', version: 1 });
  });

  it('reads the token from stdin with -', async () => {
    const r = await runGaxToken(['decode', '-'], { stdin: `${VECTOR}\n` });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('user       default');
  });

  it('answers the spec code and exit 1 for a malformed token', async () => {
    const r = await runGaxToken(['decode', `${VECTOR}=`, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ code: 'MALFORMED_ENCODING' });
    const p = await runGaxToken(['decode', 'hunter2']);
    expect(p.code).toBe(1);
    expect(p.stdout).toMatch(/^NOT_A_TOKEN: /);
  });

  it('honours --preamble', async () => {
    const r = await runGaxToken(['decode', '[TKN]AWlW8-xpVwH8ZGVmYXVsdKgiggMh_vkL2zXicDajrmo', '--preamble', '[TKN]', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ code: 'OK', username: 'default' });
  });

  it('needs a token', async () => {
    const r = await runGaxToken(['decode']);
    expect(r.code).toBe(2);
    expect(expectOneLineError(r)).toContain("'decode' needs TOKEN");
  });
});

describe('gax-token verify', () => {
  it('accepts inside the window (exit 0) with validFrom/validUntil', async () => {
    const r = await runGaxToken(['verify', VECTOR, '--uuid', U, '--user', 'default', '--now', '1767239000', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ code: 'OK', validFrom: 1767153411, validUntil: 1767239931 });
  });

  it('--json is the decision view IPC answers with (decisionView), plus the flat fields it printed before', async () => {
    const { decide, decisionView } = await import('../../src-main/core/index.js');
    const r = await runGaxToken(['verify', VECTOR, '--uuid', U, '--user', 'default', '--now', '1767239000', '--json']);
    const out = JSON.parse(r.stdout);
    const view = decisionView(VECTOR, decide({ value: VECTOR, tokenUuid: U, preamble: '{PXZ}', userName: 'default', now: 1767239000 }));
    expect(out).toMatchObject({ ...JSON.parse(JSON.stringify(view)), source: { kind: view.source.kind, id: view.source.id } });
    expect(Object.keys(out)).toEqual(
      expect.arrayContaining(['username', 'iat', 'exp', 'validFrom', 'validUntil', 'ttlMinutes', 'ttlSource', 'toleranceSeconds', 'checks']),
    );
    expect(out.decoded.segments.length).toBeGreaterThan(0);
  });

  it('rejects after validUntil with EXPIRED (exit 1) and a fix', async () => {
    const r = await runGaxToken(['verify', '-', '--now', '1767239932'], { stdin: VECTOR, env: { GAX_TOKEN_UUID: U } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^REJECTED EXPIRED — token expired at 2026-01-01 03:57:51 UTC/);
    expect(r.stdout).toContain('fix: ');
  });

  it('treats --tolerance 0 and --ttl 0 as unset, as Genesys does', async () => {
    const r = await runGaxToken(['verify', VECTOR, '--uuid', U, '--now', '1767239931', '--tolerance', '0', '--ttl', '0', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ code: 'OK', toleranceSeconds: 60, ttlMinutes: 1440 });
  });

  it('explains token-ttl shorter than the token life', async () => {
    const r = await runGaxToken(['verify', VECTOR, '--uuid', U, '--now', '1767238700', '--ttl', '5', '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.code).toBe('NOT_YET_VALID');
    expect(out.message).toContain("token-ttl (5 min) is shorter than the token's life (20 min)");
  });

  it('reports BAD_SIGNATURE and USER_MISMATCH', async () => {
    const bad = await runGaxToken(['verify', VECTOR, '--uuid', '0d9e6b7a-1c2f-4e3d-9a8b-7c6d5e4f3a21', '--now', '1767239000', '--json']);
    expect(JSON.parse(bad.stdout).code).toBe('BAD_SIGNATURE');
    const who = await runGaxToken(['verify', VECTOR, '--uuid', U, '--user', 'alice', '--now', '1767239000', '--json']);
    expect(JSON.parse(who.stdout).code).toBe('USER_MISMATCH');
    expect(who.code).toBe(1);
  });

  it('needs a token-uuid and refuses bad numbers', async () => {
    expect(expectOneLineError(await runGaxToken(['verify', VECTOR]))).toContain('a token-uuid is needed');
    expect(expectOneLineError(await runGaxToken(['verify', VECTOR, '--uuid', U, '--tolerance', '-1']))).toContain('--tolerance must be from 0');
    expect(expectOneLineError(await runGaxToken(['verify', '-', '--uuid', U], { stdin: '' }))).toContain('no token on standard input');
  });
});

describe('decode and verify name paste mistakes', () => {
  it('decode: a leading space is named as such, and --json carries pasteMistake', async () => {
    const text = await runGaxToken(['decode', ` ${VECTOR}`]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^NOT_A_TOKEN: the value has white space before the token/);
    expect(text.stdout).not.toMatch(/does not start with the preamble/);
    expect(text.stdout).toMatch(/fix: Remove the white space/);
    const json = JSON.parse((await runGaxToken(['decode', ` ${VECTOR}`, '--json'])).stdout);
    expect(json).toMatchObject({ code: 'NOT_A_TOKEN', pasteMistake: { kind: 'whitespace', source: { kind: 'model', id: 'PXZ-1' } } });
    expect(JSON.parse((await runGaxToken(['decode', `{pxz}${VECTOR.slice(5)}`, '--json'])).stdout).pasteMistake.kind).toBe('preamble-case');
    expect(JSON.parse((await runGaxToken(['decode', VECTOR.slice(5), '--json'])).stdout).pasteMistake.kind).toBe('preamble-missing');
    expect(JSON.parse((await runGaxToken(['decode', 'hunter2', '--json'])).stdout).pasteMistake).toBeNull();
  });

  it('verify: a token cut by 3 characters keeps BAD_SIGNATURE but is worded as cut, in text and --json', async () => {
    const cut = VECTOR.slice(0, -3);
    const args = ['verify', cut, '--uuid', U, '--user', 'default', '--now', '1767239000'];
    const text = await runGaxToken(args);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(
      /^REJECTED BAD_SIGNATURE — the token has 45 characters; a token for "default" has 48\. It looks cut short by 3 characters/,
    );
    expect(text.stdout).not.toMatch(/different token-uuid/);
    const json = JSON.parse((await runGaxToken([...args, '--json'])).stdout);
    expect(json).toMatchObject({ code: 'BAD_SIGNATURE', pasteMistake: { kind: 'truncated' } });
    const whole = JSON.parse((await runGaxToken(['verify', VECTOR, '--uuid', U, '--now', '1767239000', '--json'])).stdout);
    expect(whole.pasteMistake).toBeNull();
  });
});

describe('help', () => {
  it.each(['mint', 'decode', 'verify'])('%s --help prints its options and exits 0', async (cmd) => {
    const r = await runGaxToken([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`usage: gax-token ${cmd}`);
    expect(r.stdout).toContain('--json');
  });

  it('lists the commands', async () => {
    const r = await runGaxToken(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/mint\s+mint a token as GAX would/);
    const none = await runGaxToken([]);
    expect(none.code).toBe(2);
  });
});

describe('verify and login say whose word each explanation is', () => {
  it('verify --json carries "source" {kind, id}; the text names the kind in a word', async () => {
    const expired = await runGaxToken(['verify', VECTOR, '--uuid', U, '--now', '1767239932', '--json']);
    expect(JSON.parse(expired.stdout).source).toEqual({ kind: 'genesys', id: 'GAX-SECURE' });
    const bad = await runGaxToken(['verify', VECTOR, '--uuid', '0d9e6b7a-1c2f-4e3d-9a8b-7c6d5e4f3a21', '--now', '1767238700', '--json']);
    expect(JSON.parse(bad.stdout).source).toEqual({ kind: 'model', id: 'GAX-SIDE' });
    const text = await runGaxToken(['verify', `${VECTOR}=`, '--uuid', U, '--now', '1767238700']);
    expect(text.stdout.split('\n')[0]).toMatch(/^REJECTED [A-Z_]+ — not in the tool's reference format \(PXZ-1\).*\[model\]$/);
    expect(text.stdout).not.toContain('never looks like');
    const ok = await runGaxToken(['verify', VECTOR, '--uuid', U, '--now', '1767239000']);
    expect(ok.stdout.split('\n')[0]).toMatch(/\[genesys CSP-SYSTEM\]$/);
  });

  it('login --json carries "source" on a refusal, and the text tags the fix', async () => {
    const { MockCs } = await import('../../src-main/mockcs/index.js');
    const cs = new MockCs({
      options: {
        tokenAuthenticationMode: 'enable',
        tokenUuid: U,
        users: [{ userName: 'alice', enabled: true }],
        listeners: [{ host: '127.0.0.1', port: 0 }],
      },
    });
    const [l] = await cs.start();
    try {
      const base = ['login', '--host', '127.0.0.1', '--port', String(l!.port), '--user', 'alice', '--uuid', '0d9e6b7a-1c2f-4e3d-9a8b-7c6d5e4f3a21'];
      const json = await runGaxToken([...base, '--json']);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({ outcome: 'rejected', source: { kind: 'model', id: 'GAX-SIDE' } });
      const text = await runGaxToken(base);
      expect(text.stdout).toMatch(/\nfix: .*\[model\]\n$/);
      const ok = await runGaxToken(['login', '--host', '127.0.0.1', '--port', String(l!.port), '--user', 'alice', '--uuid', U, '--json']);
      expect(JSON.parse(ok.stdout).source).toBeUndefined();
    } finally {
      await cs.stop();
    }
  });
});
