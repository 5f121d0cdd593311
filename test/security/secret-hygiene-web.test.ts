// Secret hygiene of web mode (issue 8, part 3): the real server process, driven over its WebSocket
// with distinctive secrets kept in the key file; its output, every frame and every file it left are
// scanned, and profiles on disk hold secrets only encrypted.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connect, secretOf, type TestClient } from '../web/helpers.js';
import { assertAppBuilt, runNode, URL_LINE } from '../web/run-app.js';
import { CS_PASSWORD, MISTYPED_UUID, PROFILE_PASSWORD, TOKEN_UUID, WRONG_UUID } from './distinctive-secrets.js';
import { expectClean, filesUnder, hygieneScanner, PREAMBLE, tempHome } from './flows.js';

const home = tempHome();

describe('web mode (the real server process, driven over its WebSocket)', { timeout: 120_000 }, () => {
  it('profiles and a lab with secrets kept in the key file, the mock CS, logins and exports: its output, frames, files and support log hold no secret', async () => {
    assertAppBuilt();
    const scanner = hygieneScanner();
    const webHome = join(home(), 'web-home');
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
      const cs = await call('profiles.create', {
        kind: 'cs',
        name: 'Web CS',
        options: { 'token-uuid': TOKEN_UUID },
        users: [{ userName: 'carol', password: PROFILE_PASSWORD }],
      });
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
      // A lab: the password typed on its GAX side and the token-uuid GAX signs with are kept like profile secrets.
      await call('labs.open', { id: 'backup-cs-token-uuid' });
      await call('labs.gax.update', { patch: { confservTrusted: false, password: CS_PASSWORD } });
      await call('labs.check', undefined);
      await call('labs.gax.update', { patch: { confservTrusted: true } });
      await call('labs.check', undefined);
      await call('labs.hint', { id: 'backup-cs-token-uuid' });
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
    expect(files.get('labs-progress.json')?.toString('utf8')).toMatch(/"tokenUuid": \{\s*"enc"/);
    expect([...files.keys()]).toContain(join('logs', 'main.log'));
    for (const [file, bytes] of files) scanner.scan(`web data dir: ${file}`, bytes);
    expect(client!.frames.length).toBeGreaterThan(15);
    expectClean(scanner.findings);
  });
});
