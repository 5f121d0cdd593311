// The support log (issue 16, item 4): a real file, rotated at its bound by electron-log, every line
// through the scrubber; start-up notices and warnings, problems and crash reports reach it; and a
// web-mode session of use leaves it in logs/ with no secret in it (the secret scan).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIpcRuntime } from '../../src-main/ipc/index.js';
import { openSupportLog, supportLogDir } from '../../src-main/host/support-log.js';
import { SessionSecretVault } from '../../src-main/store/index.js';
import { TOKEN_UUID } from '../security/distinctive-secrets.js';
import { expectClean, hygieneScanner, PREAMBLE, tempHome } from '../security/flows.js';
import { connect, secretOf } from './helpers.js';
import { assertAppBuilt, runNode, URL_LINE } from './run-app.js';

const home = tempHome();
const TOKEN = `${PREAMBLE}AWlV7A9pVfC_ZGVmYXVsdDUEHO_lfXwaJe3X_HKNUvI`;

describe('the support log file', () => {
  it('masks a token-uuid, a token and an error stack holding them, before they reach the disk', async () => {
    const log = openSupportLog({ dir: path.join(home(), 'scrub', 'logs') });
    log.write('info', `configured with ${TOKEN_UUID}`);
    log.write('warn', `login sent ${TOKEN}`);
    log.crash('uncaught exception', new Error(`boom with ${TOKEN_UUID} and ${TOKEN}`));
    const restore = log.teeConsole({ log: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined });
    restore();
    const text = await fs.readFile(log.file, 'utf8');
    expect(text).toMatch(/\[info\]\s+configured with ••••••••-••••-••••-••••-••••••••[0-9a-f]{4}\n/);
    expect(text).toMatch(/\[error\]\s+uncaught exception: Error: boom with /);
    expect(text).toMatch(/\n\s+at /); // the stack is there: file positions help support
    const scanner = hygieneScanner();
    scanner.scan('support log', text);
    expectClean(scanner.findings);
    expect((await fs.stat(log.file)).mode & 0o077).toBe(0);
  });

  it('rotates at its bound: 3,000 lines in a 16 KiB log leave main.log and main.old.log, each within the bound and a line', async () => {
    const bound = 16 * 1024;
    const log = openSupportLog({ dir: path.join(home(), 'rotate', 'logs'), maxBytes: bound });
    for (let i = 0; i < 3000; i++) log.write('info', `line ${i} ${'x'.repeat(80)}`);
    const names = (await fs.readdir(log.dir)).sort();
    expect(names).toEqual(['main.log', 'main.old.log']);
    let total = 0;
    for (const name of names) {
      const size = (await fs.stat(path.join(log.dir, name))).size;
      expect(size, name).toBeLessThanOrEqual(bound + 200);
      total += size;
    }
    expect(total).toBeLessThanOrEqual(2 * bound + 400);
    expect(await fs.readFile(log.file, 'utf8')).toContain('line 2999 ');
  });

  it("gets the store's start-up notices and warnings, and the window's problems", async () => {
    const dataDir = path.join(home(), 'notices');
    await fs.mkdir(dataDir, { recursive: true });
    await fs.writeFile(path.join(dataDir, 'profiles.json'), '{"version": 2, "profiles": [');
    const log = openSupportLog({ dir: supportLogDir(dataDir) });
    const runtime = await createIpcRuntime({
      mode: 'web',
      dataDir,
      cipher: new SessionSecretVault(),
      appInfo: { version: '0.0.0-test', versions: { node: process.versions.node } },
      isTrustedSender: () => true,
      logDir: log.dir,
      log: log.write,
    });
    log.follow(runtime);
    runtime.reportProblem(new Error(`a timer failed with ${TOKEN_UUID}`));
    expect(await runtime.dispatcher.invoke('app.logFolder', { open: true }, { url: null, authenticated: true })).toEqual({
      ok: true,
      data: { path: log.dir, opened: false },
    });
    await runtime.dispose();
    const text = await fs.readFile(log.file, 'utf8');
    expect(text).toMatch(/\[warn\]\s+profiles\.json: it is not valid JSON .* there was no good copy/);
    expect(text).toMatch(/\[error\]\s+problem shown in the window: Error: a timer failed with ••••••••-/);
    expect(text).not.toContain(TOKEN_UUID);
  });
});

describe('a web-mode session of use', { timeout: 60_000 }, () => {
  it('leaves logs/main.log in the data folder (app.logFolder names it), with no secret in it', async () => {
    assertAppBuilt();
    const webHome = path.join(home(), 'web-home');
    const app = runNode('dist/main/web/main.js', ['--port', '0'], { GAX_TOKEN_LAB_HOME: webHome, GAX_TOKEN_UUID: undefined });
    try {
      const url = (await app.waitFor(URL_LINE))[1]!;
      const client = await connect(Number(new URL(url).port), secretOf(url));
      await client.request('mockcs.start', { options: { tokenAuthenticationMode: 'enable', tokenUuid: TOKEN_UUID } });
      await client.request('token.mint', { username: 'alice', tokenUuid: { kind: 'typed', value: TOKEN_UUID }, lifeMinutes: 10, preamble: PREAMBLE });
      await client.request('mockcs.options.update', { patch: { tokenUuid: `${TOKEN_UUID}x` } });
      expect(await client.request('app.logFolder', { open: true })).toEqual({ ok: true, data: { path: path.join(webHome, 'logs'), opened: false } });
      await client.request('mockcs.stop', undefined);
      await client.close();
    } catch (e) {
      await app.stop();
      throw e;
    }
    expect(await app.stop(), app.stderr).toEqual({ code: 0, signal: null });
    const text = await fs.readFile(path.join(webHome, 'logs', 'main.log'), 'utf8');
    expect(text).toMatch(/\[info\]\s+web mode started at http:\/\/127\.0\.0\.1:\d+ \(data folder /);
    expect(text).toMatch(/\[info\]\s+GAX Token Lab \(web mode\) stopped\./);
    expect(text).not.toMatch(/#key=/);
    const scanner = hygieneScanner();
    scanner.scan('web-mode support log', text);
    expectClean(scanner.findings);
  });
});
