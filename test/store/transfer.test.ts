import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, safeStorageCipher, type CsProfile, type Store, type StoreResult } from '../../src-main/store/index.js';
import { fakeSafeStorage, fixedClock, makeTempDir, removeDir } from './helpers.js';

let dirA: string;
let dirB: string;
beforeEach(async () => {
  dirA = await makeTempDir();
  dirB = await makeTempDir();
});
afterEach(async () => {
  await removeDir(dirA);
  await removeDir(dirB);
});

const TOKEN_UUID = '0badc0de-1111-4222-8333-444455556666';
const PASSWORD = 'Quokka#Lantern-42';

async function open(dir: string, account = 'alice'): Promise<Store> {
  const opened = await openStore({ dir, cipher: safeStorageCipher(fakeSafeStorage(account)), clock: fixedClock('2026-03-01T10:00:00.000Z').now });
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.data;
}

function must<T>(r: StoreResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data;
}

async function seed(store: Store): Promise<{ csId: string; gaxId: string; pairId: string }> {
  const cs = must(
    await store.profiles.create({
      kind: 'cs',
      name: 'Lab CS',
      options: { 'token-uuid': TOKEN_UUID, 'token-ttl': '30' },
      listeners: [{ host: '127.0.0.1', port: 2020, tls: true }],
      users: [
        { userName: 'alice', password: PASSWORD },
        { userName: 'bob', enabled: false },
      ],
    }),
  );
  const gax = must(await store.profiles.create({ kind: 'gax', name: 'Lab GAX', options: { token_life_in_minutes: '20' } }));
  const pair = must(await store.profiles.create({ kind: 'pair', name: 'Lab', csProfileId: cs.id, gaxProfileId: gax.id }));
  must(await store.profiles.create({ kind: 'gax', name: 'Not exported' }));
  return { csId: cs.id, gaxId: gax.id, pairId: pair.id };
}

describe('export', () => {
  it('leaves secrets out unless asked, and takes a pair with its members', async () => {
    const store = await open(dirA);
    const { csId, gaxId, pairId } = await seed(store);
    const out = must(store.profiles.exportJson([pairId]));
    expect(out.includesSecrets).toBe(false);
    expect(out.profileIds).toEqual([csId, gaxId, pairId]);
    expect(out.warnings).toEqual([]);
    expect(out.text).not.toContain(TOKEN_UUID);
    expect(out.text).not.toContain(PASSWORD);
    const parsed = JSON.parse(out.text) as { format: string; version: number; exportedAt: string; includesSecrets: boolean; profiles: unknown[] };
    expect(parsed).toMatchObject({ format: 'gax-token-lab/profiles', version: 1, exportedAt: '2026-03-01T10:00:00.000Z', includesSecrets: false });
    expect(parsed.profiles[0]).toEqual({
      id: csId,
      kind: 'cs',
      name: 'Lab CS',
      options: { 'token-ttl': '30' },
      listeners: [{ host: '127.0.0.1', port: 2020, tls: true }],
      users: [
        { userName: 'alice', enabled: true },
        { userName: 'bob', enabled: false },
      ],
    });
  });

  it('with includeSecrets, the secrets are in the text in clear (the person asked for it)', async () => {
    const store = await open(dirA);
    const { csId } = await seed(store);
    const out = must(store.profiles.exportJson([csId], { includeSecrets: true }));
    expect(out.includesSecrets).toBe(true);
    const cs = (JSON.parse(out.text) as { profiles: CsProfile[] }).profiles[0]!;
    expect(cs.options['token-uuid']).toBe(TOKEN_UUID);
    expect(cs.users[0]!.password).toBe(PASSWORD);
  });

  it('says which asked-for secrets it could not include', async () => {
    const store = await open(dirA);
    const { csId } = await seed(store);
    await store.close();
    const elsewhere = await open(dirA, 'mallory');
    const out = must(elsewhere.profiles.exportJson([csId], { includeSecrets: true }));
    expect(out.warnings).toEqual([
      'the token-uuid of CS profile "Lab CS" is not in the export: this session could not load it',
      'the password of user "alice" in CS profile "Lab CS" is not in the export: this session could not load it',
    ]);
  });

  it('unknown or missing ids are typed errors', async () => {
    const store = await open(dirA);
    expect(store.profiles.exportJson([])).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(store.profiles.exportJson(['nope'])).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(store.profiles.exportJson('abc' as never)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('import', () => {
  it('round-trips into another store with new ids, the pair pointing at the new members', async () => {
    const a = await open(dirA);
    const { pairId } = await seed(a);
    const out = must(a.profiles.exportJson([pairId], { includeSecrets: true }));
    const b = await open(dirB, 'bob');
    const imported = must(await b.profiles.importJson(out.text));
    expect(imported.renamed).toEqual([]);
    expect(imported.imported.map((p) => [p.kind, p.name])).toEqual([
      ['cs', 'Lab CS'],
      ['gax', 'Lab GAX'],
      ['pair', 'Lab'],
    ]);
    const [cs, gax, pair] = imported.imported.map((p) => must(b.profiles.get(p.id)));
    expect(out.profileIds).not.toContain(cs!.id);
    expect(pair).toMatchObject({ kind: 'pair', csProfileId: cs!.id, gaxProfileId: gax!.id });
    expect(cs).toMatchObject({
      options: { 'token-uuid': TOKEN_UUID, 'token-ttl': '30' },
      users: [
        { userName: 'alice', password: PASSWORD },
        { userName: 'bob', enabled: false },
      ],
    });
    // stored like any other secret: encrypted in B's files
    await b.close();
    const text = await fs.readFile(path.join(dirB, 'profiles.json'), 'utf8');
    expect(text).not.toContain(TOKEN_UUID);
    expect(text).not.toContain(PASSWORD);
    const again = await open(dirB, 'bob');
    expect(must(again.profiles.get(cs!.id))).toEqual(cs);
  });

  it('importing into the same store renames what is taken', async () => {
    const store = await open(dirA);
    const { pairId } = await seed(store);
    const text = must(store.profiles.exportJson([pairId])).text;
    const first = must(await store.profiles.importJson(text));
    const second = must(await store.profiles.importJson(text));
    expect(first.renamed).toEqual([
      { from: 'Lab CS', to: 'Lab CS (imported)' },
      { from: 'Lab GAX', to: 'Lab GAX (imported)' },
      { from: 'Lab', to: 'Lab (imported)' },
    ]);
    expect(second.renamed.map((r) => r.to)).toEqual(['Lab CS (imported 2)', 'Lab GAX (imported 2)', 'Lab (imported 2)']);
    expect(store.profiles.list()).toHaveLength(4 + 3 + 3);
  });

  it('a pair may name a profile that is already in this store', async () => {
    const store = await open(dirA);
    const { csId, gaxId } = await seed(store);
    const text = JSON.stringify({
      format: 'gax-token-lab/profiles',
      version: 1,
      profiles: [{ id: 'p', kind: 'pair', name: 'Again', csProfileId: csId, gaxProfileId: gaxId }],
    });
    const done = must(await store.profiles.importJson(text));
    expect(must(store.profiles.get(done.imported[0]!.id))).toMatchObject({ csProfileId: csId, gaxProfileId: gaxId });
  });

  const header = { format: 'gax-token-lab/profiles', version: 1 };
  const BAD: [string, unknown, string, RegExp][] = [
    ['not JSON', '{"format": "gax-token-lab/profiles", ', 'INVALID_JSON', /^the text is not valid JSON \(/],
    ['not an export', JSON.stringify({ version: 1, profiles: [] }), 'INVALID_IMPORT', /^the text is not a GAX Token Lab profiles export$/],
    ['a settings file', JSON.stringify({ version: 1, theme: 'dark' }), 'INVALID_IMPORT', /^the text is not a GAX Token Lab profiles export$/],
    [
      'from a newer app',
      JSON.stringify({ ...header, version: 2, profiles: [] }),
      'INVALID_IMPORT',
      /^the export was made by a newer version of GAX Token Lab \(format version 2\)$/,
    ],
    [
      'a bad port',
      JSON.stringify({ ...header, profiles: [{ id: 'a', kind: 'cs', name: 'x', listeners: [{ host: 'h', port: 0 }] }] }),
      'INVALID_IMPORT',
      /^the export is not valid: profiles\[0\]\.listeners\[0\]\.port: the port is below 1$/,
    ],
    [
      'an unknown kind',
      JSON.stringify({ ...header, profiles: [{ id: 'a', kind: 'sip', name: 'x' }] }),
      'INVALID_IMPORT',
      /^the export is not valid: profiles\[0\]\.kind: /,
    ],
    [
      'an unknown field',
      JSON.stringify({ ...header, profiles: [{ id: 'a', kind: 'gax', name: 'x', script: 'rm -rf' }] }),
      'INVALID_IMPORT',
      /^the export is not valid: profiles\[0\]: Unrecognized key: "script"$/,
    ],
    [
      'a multi-line option',
      JSON.stringify({ ...header, profiles: [{ id: 'a', kind: 'gax', name: 'x', options: { a: 'b\n[system]' } }] }),
      'INVALID_IMPORT',
      /options\.a: an option value must fit on one line$/,
    ],
    [
      'two profiles with one id',
      JSON.stringify({
        ...header,
        profiles: [
          { id: 'a', kind: 'gax', name: 'x' },
          { id: 'a', kind: 'gax', name: 'y' },
        ],
      }),
      'INVALID_IMPORT',
      /profiles\[1\]\.id: the id a is used twice$/,
    ],
    [
      'a pair without its members',
      JSON.stringify({ ...header, profiles: [{ id: 'p', kind: 'pair', name: 'P', csProfileId: 'x', gaxProfileId: 'y' }] }),
      'INVALID_IMPORT',
      /^the pair "P" \(profiles\[0\]\) names a CS profile that is neither in the export nor in this app$/,
    ],
    [
      'a pair naming a GAX profile as its CS',
      JSON.stringify({
        ...header,
        profiles: [
          { id: 'g', kind: 'gax', name: 'G' },
          { id: 'p', kind: 'pair', name: 'P', csProfileId: 'g', gaxProfileId: 'g' },
        ],
      }),
      'INVALID_IMPORT',
      /^the pair "P" \(profiles\[1\]\) names a GAX profile as its CS profile$/,
    ],
    ['not text', 42, 'INVALID_INPUT', /^the import must be the text of an export file$/],
    ['a huge paste', `{"x":"${'a'.repeat(5 * 1024 * 1024)}"}`, 'TOO_LARGE', /^the text is 5\.0 MB; an export of profiles is far smaller$/],
  ];
  for (const [what, text, code, message] of BAD) {
    it(`refuses ${what} with a typed one-line error and changes nothing`, async () => {
      const store = await open(dirA);
      must(await store.profiles.create({ kind: 'gax', name: 'keep me' }));
      const before = await fs.readFile(path.join(dirA, 'profiles.json'), 'utf8');
      const result = await store.profiles.importJson(text as string);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(code);
      expect(result.error.message).toMatch(message);
      expect(result.error.message).not.toContain('\n');
      expect(result.error.hint.length).toBeGreaterThan(0);
      expect(store.profiles.list().map((p) => p.name)).toEqual(['keep me']);
      expect(await fs.readFile(path.join(dirA, 'profiles.json'), 'utf8')).toBe(before);
    });
  }
});
