// Secret hygiene of the IPC runtime (issue 8, part 3): a real store with an encrypting keychain, the
// real mock CS and real logins, the wizard export, profiles and every error answer, run with
// distinctive secrets. Every answer, event, export and file is scanned; a secret appears only in an
// export the person asked to include secrets in, a minted token, or a reveal they asked for, and on
// disk only encrypted.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RequestInput } from '../../src-main/ipc/contract/index.js';
import type { TokenUuidSource } from '../../src-main/ipc/contract/tokens.js';
import { safeStorageCipher } from '../../src-main/store/index.js';
import { FOREIGN, startRuntime, type TestRuntime } from '../ipc/helpers.js';
import { fakeSafeStorage } from '../store/helpers.js';
import { CS_PASSWORD, MISTYPED_UUID, PROFILE_PASSWORD, TOKEN_UUID, WRONG_UUID } from './distinctive-secrets.js';
import { expectClean, filesUnder, hygieneScanner, NOW, PREAMBLE, tempHome } from './flows.js';

const home = tempHome();

describe('the IPC runtime (real store with an encrypting keychain, real mock CS, real logins)', { timeout: 120_000 }, () => {
  const scanner = hygieneScanner();
  const keychain = () => safeStorageCipher(fakeSafeStorage('hygiene-account'));
  let dataDir: string;
  let t: TestRuntime;
  let csId: string;

  const gax = (tokenUuid: TokenUuidSource) => ({ kind: 'gax', confservTrusted: true, tokenLifeMinutes: 10, tokenUuid, preamble: PREAMBLE }) as const;
  const login = async (
    runId: string,
    userName: string,
    credentials: RequestInput<'login.run'>['credentials'],
    target: RequestInput<'login.run'>['target'] = { kind: 'mockcs' },
  ) => (await t.call('login.run', { runId, target, userName, credentials })).outcome;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(home(), 'ipc-data-'));
    t = await startRuntime({ cipher: keychain() }, dataDir);
  });

  // Every file in the data folder after each flow, not only at the end: a later save must not be what hides a leak.
  afterEach(async ({ task }) => {
    for (const [file, bytes] of await filesUnder(dataDir)) scanner.scan(`data dir after "${task.name}": ${file}`, bytes);
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
    expect(await login('closed', 'alice', { kind: 'password', password: CS_PASSWORD }, { kind: 'host', host: '127.0.0.1', port: 1 })).toBe(
      'unreachable',
    );
    await t.invoke('login.run', {
      runId: 'mistyped',
      target: { kind: 'mockcs' },
      userName: 'alice',
      credentials: gax({ kind: 'typed', value: MISTYPED_UUID }),
    });
    await t.call('clock.probe', { target: { kind: 'mockcs' }, samples: 2 });
    await t.waitForEvent('mockcs.events', (p) => p.events.some((e) => e.code === 'BAD_SIGNATURE'));
    expect((await t.call('mockcs.log.snapshot', {})).events.length).toBeGreaterThan(8);
  });

  it('tokens: mint (its answer is the token, and only that), decode, verify with the right, a wrong and a mistyped uuid', async () => {
    const minted = await t.call(
      'token.mint',
      { username: 'alice', tokenUuid: { kind: 'typed', value: TOKEN_UUID }, lifeMinutes: 10, preamble: PREAMBLE, now: NOW },
      { record: false },
    );
    scanner.scan('token.mint answer', JSON.stringify(minted), { wholeTokens: false });
    // decode and verify were handed the token, so their answers are scanned for the other secrets only.
    const handed = async (what: string, p: Promise<unknown>) => scanner.scan(what, JSON.stringify(await p), { wholeTokens: false });
    await handed('token.decode', t.invoke('token.decode', { value: minted.token, preamble: PREAMBLE }, { record: false }));
    for (const value of [TOKEN_UUID, WRONG_UUID, MISTYPED_UUID])
      await handed(
        'token.verify',
        t.invoke(
          'token.verify',
          { value: minted.token, preamble: PREAMBLE, tokenUuid: { kind: 'typed', value }, userName: 'alice', now: NOW + 1 },
          { record: false },
        ),
      );
    await handed(
      'token.verify (mock CS uuid)',
      t.invoke('token.verify', { value: minted.token, preamble: PREAMBLE, tokenUuid: { kind: 'mockcs' } }, { record: false }),
    );
  });

  it('the wizard export: the token-uuid only in the snippet the person asked to include secrets in', async () => {
    const input = {
      cs: { 'token-authentication-mode': 'enable', 'token-uuid': TOKEN_UUID, 'token-tolerance': '60' },
      gax: { confserv_trusted: 'true', token_life_in_minutes: '10' },
    };
    const safe = await t.call('options.render', { ...input, includeSecrets: false });
    expect(safe.cs.text).toContain('token-authentication-mode=enable');
    const explicit = await t.call('options.render', { ...input, includeSecrets: true }, { record: false });
    expect(explicit.cs.text).toContain(`token-uuid=${TOKEN_UUID}`);
    expect(scanner.scan('options.render with includeSecrets (explicit)', JSON.stringify(explicit), { ignore: ['the token-uuid'] })).toEqual([]);
    await t.invoke('options.render', { cs: { 'token-uuid': MISTYPED_UUID }, gax: {}, includeSecrets: false });
    await t.call('doctor.diagnose', {
      files: [
        {
          name: 'confserv.cfg',
          text: `[system]\ntoken-authentication-mode=enable\ntoken-uuid=${TOKEN_UUID}\ntoken-uuid=${MISTYPED_UUID}\n[general]\ntoken-uuid=${WRONG_UUID}\n`,
        },
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
        users: [
          { userName: 'alice', password: CS_PASSWORD },
          { userName: 'carol', password: PROFILE_PASSWORD },
        ],
      })
    ).id;
    const gaxId = (await t.call('profiles.create', { kind: 'gax', name: 'Hygiene GAX', options: { confserv_trusted: 'true' } })).id;
    await t.call('profiles.create', { kind: 'pair', name: 'Hygiene pair', csProfileId: csId, gaxProfileId: gaxId });
    await t.call('profiles.get', { id: csId });
    await t.call('profiles.update', {
      id: csId,
      patch: { users: [{ userName: 'alice' }, { userName: 'carol' }, { userName: 'dave', password: PROFILE_PASSWORD }] },
    });
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
      await t.invoke('token.mint', {
        username: 'alice',
        tokenUuid: { kind: 'typed', value: TOKEN_UUID },
        lifeMinutes: 1,
        preamble: PREAMBLE,
        secret: CS_PASSWORD,
      } as never),
      await t.invoke('login.run', {
        runId: 'x',
        target: { kind: 'mockcs' },
        userName: 'alice',
        credentials: { kind: 'password', password: CS_PASSWORD, extra: PROFILE_PASSWORD },
      } as never),
      await t.invoke('secrets.reveal', { profileId: 'nope', field: { option: 'token-uuid' } }),
      await t.invokeRaw(`profiles.${TOKEN_UUID}`, { password: CS_PASSWORD }),
      await t.invokeRaw('secrets.reveal', { profileId: csId, field: { option: 'token-uuid' } }, FOREIGN),
    ];
    for (const [i, answer] of errors.entries()) expect(answer.ok, `error case ${i}`).toBe(false);
    for (const [i, answer] of errors.entries()) scanner.scan(`error answer ${i}`, JSON.stringify(answer));
  });

  it('labs: a lab opened, its GAX side given a password, the backup given the primary token-uuid, checked, hinted, reset', async () => {
    await t.call('labs.open', { id: 'backup-cs-token-uuid' });
    await t.call('labs.gax.update', { patch: { confservTrusted: false, password: CS_PASSWORD } });
    await t.call('labs.check', undefined);
    await t.call('labs.gax.update', { patch: { confservTrusted: true } });
    await t.call('labs.check', undefined);
    await t.call('labs.hint', { id: 'backup-cs-token-uuid' });
    // the trainee's fix: the primary's token-uuid, revealed on purpose, typed on the backup CS
    const primary = await t.call('labs.handout.tokenUuid', { id: 'backup-cs-token-uuid' }, { record: false });
    await t.call('mockcs.options.update', { patch: { tokenUuid: primary.tokenUuid } }, { record: false });
    await t.call('labs.check', undefined);
    await t.call('labs.current', undefined);
    await t.call('labs.list', undefined);
    const saved = await readFile(join(dataDir, 'labs-progress.json'), 'utf8');
    expect(saved).toMatch(/"tokenUuid": \{\s*"enc"/);
    expect(saved).toMatch(/"password": \{\s*"enc"/);
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
