// Secret hygiene of the gax-token command (issue 8, part 3): mint, decode, verify, serve, login, time
// and doctor run with distinctive secrets; every line they print is scanned for them as text, hex
// and base64. Only a minted token on stdout — the product asked for — may hold one.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGaxToken, startGaxToken, waitForOutput } from '../helpers/cli.js';
import { CS_PASSWORD, MISTYPED_UUID, TOKEN_UUID, WRONG_UUID } from './distinctive-secrets.js';
import { expectClean, filesUnder, hygieneScanner, NOW, PREAMBLE, tempHome } from './flows.js';

const home = tempHome();

describe('the gax-token command', { timeout: 120_000 }, () => {
  const scanner = hygieneScanner();
  const scanRun = (what: string, run: { stdout: string; stderr: string }, opts: { stdoutIsProduct?: boolean } = {}) => {
    // A minted token on stdout is the product the person asked for; the token-uuid never is.
    scanner.scan(`${what}: stdout`, run.stdout, { wholeTokens: !opts.stdoutIsProduct });
    scanner.scan(`${what}: stderr`, run.stderr);
  };
  let uuidFile: string;
  let token: string;

  beforeAll(async () => {
    uuidFile = join(home(), 'cs-token-uuid.txt');
    await writeFile(uuidFile, `${TOKEN_UUID}\n`);
  });

  it('mint, decode and verify, in text and JSON, and their error paths', async () => {
    const mint = await runGaxToken(['mint', '--uuid-file', uuidFile, '--user', 'alice', '--now', String(NOW), '--life', '10']);
    expect(mint.code).toBe(0);
    token = mint.stdout.split('\n')[0]!;
    expect(token.startsWith(PREAMBLE)).toBe(true);
    scanRun('mint', mint, { stdoutIsProduct: true });
    scanRun(
      'mint --json (uuid in the environment)',
      await runGaxToken(['mint', '--user', 'alice', '--json'], { env: { GAX_TOKEN_UUID: TOKEN_UUID } }),
      { stdoutIsProduct: true },
    );
    scanRun('mint --uuid on the command line', await runGaxToken(['mint', '--uuid', TOKEN_UUID.toUpperCase(), '--user', 'bob']), {
      stdoutIsProduct: true,
    });
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
    const serveHome = join(home(), 'serve-home');
    const plain = startGaxToken(
      ['serve', '--port', '0', '--mode', 'enable', '--uuid', TOKEN_UUID, '--user', `alice:${CS_PASSWORD}`, '--user', 'bob'],
      { GAX_TOKEN_LAB_HOME: serveHome },
    );
    const json = startGaxToken(
      ['serve', '--port', '0', '--tls', '--mode', 'enable', '--uuid-file', uuidFile, '--user', `alice:${CS_PASSWORD}`, '--user', 'bob', '--json-log'],
      { GAX_TOKEN_LAB_HOME: serveHome },
    );
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
      scanRun(
        'login to a closed port',
        await runGaxToken(['login', '--host', '127.0.0.1', '--port', '1', '--user', 'alice', '--password-env', 'CS_PASSWORD'], { env }),
      );
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
    const bad = await runGaxToken(['serve', '--port', '0', '--uuid', MISTYPED_UUID, '--user', `alice:${CS_PASSWORD}`], {
      env: { GAX_TOKEN_LAB_HOME: serveHome },
    });
    expect(bad.code).toBe(2);
    scanRun('serve with a mistyped uuid', bad);
    expectClean(scanner.findings);
  });

  it('doctor on option files holding the token-uuid: findings and corrected lines name its line, never its value', async () => {
    // Genesys option exports hold the token-uuid in clear; the doctor never writes it back out (the
    // CLI has no option to: the corrected file points at the line instead), so no output may hold it.
    const cs = join(home(), 'confserv.cfg');
    const gax = join(home(), 'gax.cfg');
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
