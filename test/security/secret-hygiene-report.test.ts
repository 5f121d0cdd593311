// Secret hygiene of the reports (issue 16): every report a door can save — the doctor's, a login's
// (one run and the history, over TLS and plain TCP, accepted and refused), the wizard's, and the
// two CLI --report files — is scanned for the distinctive secrets as text, hex and base64, and for
// any whole token. A report is handed to a customer: nothing secret may be in it in any form.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLogin, type LoginRequest } from '../../src-main/client/index.js';
import { diagnose } from '../../src-main/core/doctor/index.js';
import { mintToken } from '../../src-main/core/index.js';
import type { MockCs } from '../../src-main/mockcs/index.js';
import { startPlainAndTls } from '../helpers/mockcs.js';
import { loginCommand, renderReport, type ReportLoginRun } from '../../src-main/core/report/index.js';
import { runGaxToken } from '../helpers/cli.js';
import { CS_PASSWORD, MISTYPED_UUID, TOKEN_UUID, WRONG_UUID } from './distinctive-secrets.js';
import { expectClean, hygieneScanner, PREAMBLE, tempHome } from './flows.js';

const home = tempHome();
const META = { appVersion: '0.0.0-test', createdAt: Date.now(), madeBy: 'hygiene test' };
let cs: MockCs;
let port: number;
let tlsPort: number;
let fingerprint: string;

beforeAll(async () => {
  ({ cs, port, tlsPort, fingerprint } = await startPlainAndTls(
    { tokenAuthenticationMode: 'enable', tokenUuid: TOKEN_UUID, users: [{ userName: 'alice', password: CS_PASSWORD, enabled: true }] },
    join(home(), 'cs'),
  ));
});
afterAll(async () => {
  await cs?.stop();
});

describe('reports', { timeout: 120_000 }, () => {
  const scanner = hygieneScanner();

  it('a login report of every kind of run holds no secret', async () => {
    const gax = (over: Partial<Extract<LoginRequest['credentials'], { kind: 'gax' }>> = {}) =>
      ({ kind: 'gax', confservTrusted: true, tokenLifeMinutes: 20, tokenUuid: TOKEN_UUID, preamble: PREAMBLE, ...over }) as const;
    const iat = Math.floor(Date.now() / 1000);
    const replayed = mintToken({ tokenUuid: TOKEN_UUID, username: 'alice', iat, exp: iat + 600, preamble: PREAMBLE });
    if (!replayed.ok) throw new Error(replayed.reason);
    const attempts: [string, LoginRequest][] = [];
    for (const [p, tls] of [
      [port, null],
      [tlsPort, { fingerprint256: fingerprint }],
    ] as const) {
      const base = { host: '127.0.0.1', port: p, tls, userName: 'alice' };
      attempts.push(
        ['token', { ...base, credentials: gax() }],
        ['wrong uuid', { ...base, credentials: gax({ tokenUuid: WRONG_UUID }) }],
        ['replayed token', { ...base, credentials: gax({ token: replayed.value.token }) }],
        ['GAX clock behind', { ...base, credentials: gax({ gaxClockOffsetSeconds: -7200 }) }],
        ['confserv_trusted=false', { ...base, credentials: gax({ confservTrusted: false, password: CS_PASSWORD }) }],
        ['password', { ...base, credentials: { kind: 'password', password: CS_PASSWORD } }],
        ['wrong password', { ...base, credentials: { kind: 'password', password: `${CS_PASSWORD}x` } }],
      );
    }
    const runs: ReportLoginRun[] = [];
    for (const [what, request] of attempts) {
      const result = await runLogin(request);
      const c = request.credentials;
      const { command } = loginCommand({
        host: request.host,
        port: request.port,
        tls: request.tls ?? null,
        userName: request.userName,
        credentials:
          c.kind === 'password'
            ? { kind: 'password' }
            : { kind: 'gax', confservTrusted: c.confservTrusted, tokenLifeMinutes: c.tokenLifeMinutes, preamble: c.preamble },
      });
      const run: ReportLoginRun = { target: `127.0.0.1:${request.port}`, userName: 'alice', how: what, startedAt: Date.now(), result, command };
      runs.push(run);
      scanner.scan(`login report: ${what}`, renderReport({ kind: 'login', meta: META, runs: [run] }));
    }
    expect(new Set(runs.map((r) => r.result.outcome))).toEqual(new Set(['accepted', 'rejected']));
    scanner.scan('login report: the history', renderReport({ kind: 'login', meta: META, runs }));
    expectClean(scanner.findings);
  });

  it('a doctor report of files holding a token-uuid (right, wrong and mistyped) holds none of them', () => {
    const files = [
      { name: 'cs.cfg', text: `[system]\ntoken-authentication-mode=enable\ntoken-uuid=${TOKEN_UUID}\ntoken-ttl=5\n` },
      { name: 'cs-backup.cfg', text: `[system]\ntoken-authentication-mode=enable\ntoken-uuid=${MISTYPED_UUID}\n` },
      { name: 'cs-other.cfg', text: `[system]\ntoken-uuid=${WRONG_UUID.toUpperCase()}\ntoken_uuid=${TOKEN_UUID}\n` },
      { name: 'gax.cfg', text: '[general]\nconfserv_trusted=true\ntoken_life_in_minutes=20\n' },
    ];
    const result = diagnose({ files });
    expect(result.findings.length).toBeGreaterThan(2);
    scanner.scan('doctor report', renderReport({ kind: 'doctor', meta: META, doctor: result }));
    expectClean(scanner.findings);
  });

  it('a setup report given option text with the token-uuid whole still shows it masked', () => {
    const html = renderReport({
      kind: 'setup',
      meta: META,
      setup: {
        options: [{ application: 'cs', title: 'CS', text: `[system]\ntoken-uuid=${TOKEN_UUID}\n` }],
        facts: [{ label: 'token-uuid', value: TOKEN_UUID.toUpperCase() }],
        warnings: [{ id: 'X', severity: 'info', message: `token-uuid ${TOKEN_UUID.replace(/-/g, '')}`, why: '', fix: '' }],
      },
    });
    scanner.scan('setup report', html);
    expectClean(scanner.findings);
  });

  it('gax-token doctor --report and login --report write files that hold no secret', async () => {
    const cfg = join(home(), 'cs.cfg');
    await writeFile(cfg, `[system]\ntoken-authentication-mode=enable\ntoken-uuid=${TOKEN_UUID}\ntoken-ttl=5\n`);
    const doctorOut = join(home(), 'doctor.html');
    const gaxCfg = join(home(), 'gax.cfg');
    await writeFile(gaxCfg, '[general]\nconfserv_trusted=true\ntoken_life_in_minutes=20\n');
    const doctor = await runGaxToken(['doctor', cfg, gaxCfg, '--report', doctorOut]);
    expect(doctor.code).toBe(1);
    scanner.scan('doctor --report file', await readFile(doctorOut));
    const logins: [string, string[], Record<string, string>][] = [
      ['token, uuid inline', ['--user', 'alice', '--uuid', TOKEN_UUID], {}],
      ['wrong uuid over TLS', ['--user', 'alice', '--uuid', WRONG_UUID, '--tls', '--fingerprint', fingerprint], {}],
      ['password', ['--user', 'alice', '--password-env', 'CS_PASSWORD'], { CS_PASSWORD }],
    ];
    for (const [what, args, env] of logins) {
      const out = join(home(), `login-${what.replace(/\W+/g, '-')}.html`);
      const p = args.includes('--tls') ? tlsPort : port;
      const run = await runGaxToken(['login', '--host', '127.0.0.1', '--port', String(p), ...args, '--report', out], { env, timeoutMs: 30_000 });
      expect(run.code, run.stderr).not.toBe(2);
      const html = await readFile(out, 'utf8');
      expect(html).toContain('gax-token login');
      scanner.scan(`login --report file: ${what}`, html);
    }
    expect(scanner.scanned).toBeGreaterThan(15);
    expectClean(scanner.findings);
  });
});
