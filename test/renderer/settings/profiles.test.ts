/**
 * The Settings controllers for profiles, against the real main side: list by kind, create, rename,
 * duplicate, delete after confirmation, each failure kept next to its profile in the store's words;
 * details with secrets masked until revealed; export without secrets unless asked, and import.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { readFile } from 'node:fs/promises';
import { setBridge } from '../../../src-renderer/lib/api.js';
import { ProfileList } from '../../../src-renderer/lib/settings/profile-list.svelte.js';
import { ProfileDetails } from '../../../src-renderer/lib/settings/profile-details.svelte.js';
import { ProfileTransfer } from '../../../src-renderer/lib/settings/profile-transfer.svelte.js';
import { NewProfileForm } from '../../../src-renderer/lib/settings/new-profile-form.svelte.js';
import { saveText, type SaveRequest } from '../../../src-renderer/lib/server/save-file.js';
import { runtimeBridge, type RuntimeBridge } from '../runtime-bridge.js';

const UUID = '5d2c8e41-7a3b-4f90-b6c1-2e9d8a7f3b14';
const PASSWORD = 'Wombat-Lantern-8812!';

let bridge: RuntimeBridge;
beforeEach(async () => {
  bridge = await runtimeBridge({ mode: 'web' });
  setBridge(bridge, 'web');
});
afterEach(async () => {
  await bridge.close();
});

async function seed() {
  const cs = await bridge.call('profiles.create', {
    kind: 'cs',
    name: 'Lab CS',
    options: { 'token-authentication-mode': 'enable', 'token-uuid': UUID },
    users: [{ userName: 'alice', enabled: true, password: PASSWORD }],
  });
  const gax = await bridge.call('profiles.create', { kind: 'gax', name: 'Lab GAX', options: { confserv_trusted: 'true' } });
  const pair = await bridge.call('profiles.create', { kind: 'pair', name: 'Lab pair', csProfileId: cs.id, gaxProfileId: gax.id });
  return { cs, gax, pair };
}

function sentText(): string {
  return JSON.stringify(bridge.sent);
}

describe('ProfileList', () => {
  it('lists the saved profiles by kind', async () => {
    await seed();
    const list = new ProfileList();
    await list.load();
    expect(list.loaded).toBe(true);
    expect(list.byKind.cs.map((p) => p.name)).toEqual(['Lab CS']);
    expect(list.byKind.gax.map((p) => p.name)).toEqual(['Lab GAX']);
    expect(list.byKind.pair.map((p) => p.name)).toEqual(['Lab pair']);
  });

  it('creates through the form, which checks the name and a pair’s members before sending', async () => {
    const { cs, gax } = await seed();
    const list = new ProfileList();
    await list.load();
    const form = new NewProfileForm(list);
    form.show();
    expect(await form.submit()).toBe(false);
    expect(form.nameError).toBe('Give the profile a name.');
    form.setName('x'.repeat(81));
    expect(form.nameError).toMatch(/81 characters long; at most 80/);
    form.setKind('pair');
    form.setName('Second pair');
    expect(await form.submit()).toBe(false);
    expect(form.csError).toBe('Choose the CS profile of the pair.');
    expect(bridge.calls.filter((c) => c.channel === 'profiles.create')).toHaveLength(0);
    form.csProfileId = cs.id;
    form.gaxProfileId = gax.id;
    expect(await form.submit()).toBe(true);
    expect(form.open).toBe(false);
    expect(list.byKind.pair.map((p) => p.name)).toEqual(['Lab pair', 'Second pair']);
    expect(list.lastChange).toBe('Pair "Second pair" created.');
  });

  it('shows the store’s refusal of a taken name next to the form', async () => {
    await seed();
    const list = new ProfileList();
    await list.load();
    expect(await list.create({ kind: 'gax', name: 'lab gax' })).toBeNull();
    expect(list.createError?.code).toBe('DUPLICATE_NAME');
    expect(list.createError?.message).toMatch(/Lab GAX|lab gax/);
  });

  it('renames in place; an unchanged name just closes; a taken name is refused on that row', async () => {
    const { cs, gax } = await seed();
    const list = new ProfileList();
    await list.load();
    list.startRename(cs.id);
    expect(list.row).toEqual({ id: cs.id, action: 'rename', name: 'Lab CS' });
    expect(await list.confirmRename()).toBe(true);
    expect(bridge.calls.filter((c) => c.channel === 'profiles.rename')).toHaveLength(0);

    list.startRename(cs.id);
    list.setRenameText('Production CS');
    expect(await list.confirmRename()).toBe(true);
    expect(list.nameOf(cs.id)).toBe('Production CS');
    expect(list.lastChange).toBe('"Lab CS" renamed to "Production CS".');

    await bridge.call('profiles.create', { kind: 'gax', name: 'Other GAX' });
    await list.load();
    list.startRename(gax.id);
    list.setRenameText('Other GAX');
    expect(await list.confirmRename()).toBe(false);
    expect(list.rowErrors[gax.id]?.code).toBe('DUPLICATE_NAME');
    expect(list.row?.action).toBe('rename');
    list.cancel();
    expect(list.row).toBeNull();
  });

  it('duplicates as "<name> (copy)", secrets included', async () => {
    const { cs } = await seed();
    const list = new ProfileList();
    await list.load();
    const copy = await list.duplicate(cs.id);
    expect(copy?.name).toBe('Lab CS (copy)');
    expect(list.byKind.cs).toHaveLength(2);
    const details = new ProfileDetails();
    await details.reveal(copy!.id, { option: 'token-uuid' });
    expect(details.shown(copy!.id, { option: 'token-uuid' })).toBe(UUID);
  });

  it('deletes only after confirmation; a profile used by a pair is refused, in words, on its row', async () => {
    const { cs, pair } = await seed();
    const list = new ProfileList();
    await list.load();
    expect(await list.confirmDelete()).toBe(false);
    list.askDelete(cs.id);
    expect(list.row).toEqual({ id: cs.id, action: 'delete' });
    expect(await list.confirmDelete()).toBe(false);
    expect(list.rowErrors[cs.id]).toMatchObject({ code: 'IN_USE', message: 'CS profile "Lab CS" is used by the pair "Lab pair"' });

    list.askDelete(pair.id);
    expect(await list.confirmDelete()).toBe(true);
    list.askDelete(cs.id);
    expect(list.rowErrors[cs.id]).toBeUndefined();
    expect(await list.confirmDelete()).toBe(true);
    expect(list.byKind.cs).toEqual([]);
    expect(list.byKind.pair).toEqual([]);
    expect(list.lastChange).toBe('"Lab CS" deleted.');
  });
});

describe('ProfileDetails', () => {
  it('shows options with secrets masked; reveals one secret on request and forgets it on hide', async () => {
    const { cs } = await seed();
    const details = new ProfileDetails();
    await details.toggle(cs.id);
    const view = details.views[cs.id];
    expect(view?.kind).toBe('cs');
    if (view?.kind !== 'cs') return;
    expect(view.options['token-uuid']).toEqual({ set: true, masked: expect.stringMatching(/3b14$/) });
    expect(view.users[0]?.password).toEqual({ set: true, masked: '••••••••' });
    expect(sentText()).not.toContain(UUID);
    expect(sentText()).not.toContain(PASSWORD);

    await details.reveal(cs.id, { userName: 'alice' });
    expect(details.shown(cs.id, { userName: 'alice' })).toBe(PASSWORD);
    expect(details.shown(cs.id, { option: 'token-uuid' })).toBeUndefined();
    details.hide(cs.id, { userName: 'alice' });
    expect(details.shown(cs.id, { userName: 'alice' })).toBeUndefined();

    await details.reveal(cs.id, { option: 'token-uuid' });
    details.close(cs.id);
    expect(details.isOpen(cs.id)).toBe(false);
    expect(details.shown(cs.id, { option: 'token-uuid' })).toBeUndefined();
  });

  it('says why a secret cannot be revealed', async () => {
    const { gax } = await seed();
    const details = new ProfileDetails();
    await details.reveal(gax.id, { option: 'confserv_trusted' });
    expect(details.revealError(gax.id, { option: 'confserv_trusted' })).toMatchObject({ code: 'NOT_A_SECRET' });
  });
});

describe('ProfileTransfer', () => {
  it('exports without secrets by default, with them only when ticked, and imports the file back', async () => {
    const { cs } = await seed();
    const list = new ProfileList();
    await list.load();
    const saved: SaveRequest[] = [];
    // Web mode: main answers USE_DOWNLOAD and the real saveText hands the file to the download.
    const transfer = new ProfileTransfer(
      () => list.load(),
      (req) => saveText(req, (r) => saved.push(r)),
    );

    await transfer.exportProfiles(list.profiles);
    expect(transfer.exportError).toBeNull();
    expect(transfer.exportReport).toMatchObject({ count: 3, includesSecrets: false, how: 'downloaded' });
    expect(saved[0]?.suggestedName).toMatch(/^gax-token-lab-profiles-\d{4}-\d\d-\d\d\.json$/);
    expect(saved[0]?.mime).toBe('application/json');
    expect(saved[0]?.content).not.toContain(UUID);
    expect(saved[0]?.content).not.toContain(PASSWORD);

    transfer.setIncludeSecrets(true);
    transfer.setChosen(list.byKind.gax[0]!.id, false);
    transfer.setChosen(list.byKind.pair[0]!.id, false);
    expect(transfer.chosenIds(list.profiles)).toEqual([cs.id]);
    await transfer.exportProfiles(list.profiles);
    expect(transfer.exportReport).toMatchObject({ count: 1, includesSecrets: true });
    expect(saved[1]?.content).toContain(UUID);
    expect(saved[1]?.content).toContain(PASSWORD);

    transfer.closeExport();
    expect(transfer.includeSecrets).toBe(false);

    const text = saved[1]!.content;
    await transfer.importFile({ name: 'lab.json', size: text.length, text: async () => text });
    expect(transfer.importError).toBeNull();
    expect(transfer.importReport?.imported.map((p) => p.name)).toEqual(['Lab CS (imported)']);
    expect(transfer.importReport?.problems).toEqual(['"Lab CS" was imported as "Lab CS (imported)": a profile of that kind already had the name']);
    expect(list.byKind.cs.map((p) => p.name)).toEqual(['Lab CS', 'Lab CS (imported)']);
  });

  it('refuses to export nothing, and says what is wrong with a file that is not an export', async () => {
    await seed();
    const list = new ProfileList();
    await list.load();
    const transfer = new ProfileTransfer(
      () => list.load(),
      async () => ({ ok: true, how: 'downloaded' }),
    );
    for (const p of list.profiles) transfer.setChosen(p.id, false);
    await transfer.exportProfiles(list.profiles);
    expect(transfer.exportError?.message).toBe('no profile is ticked for the export');

    await transfer.importFile({ name: 'notes.txt', size: 12, text: async () => 'hello there' });
    expect(transfer.importError?.message).toMatch(/^notes\.txt: the text is not valid JSON/);
    expect(transfer.importError?.hint).toMatch(/Export/);

    await transfer.importFile({ name: 'huge.json', size: 6 * 1024 * 1024, text: async () => '' });
    expect(transfer.importError?.message).toBe('huge.json is 6.0 MB; a profiles export is far smaller');
  });

  it('in Electron saves through the native dialog and says where', async () => {
    await bridge.close();
    bridge = await runtimeBridge({ mode: 'electron', keychain: true });
    setBridge(bridge, 'electron');
    await seed();
    const list = new ProfileList();
    await list.load();
    const transfer = new ProfileTransfer(() => list.load());
    await transfer.exportProfiles(list.profiles);
    expect(transfer.exportReport?.how).toBe('saved');
    expect(transfer.exportReport?.path).toBe(bridge.savedFiles[0]);
    const written = JSON.parse(await readFile(bridge.savedFiles[0]!, 'utf8')) as { profiles: { name: string }[]; includesSecrets: boolean };
    expect(written.includesSecrets).toBe(false);
    expect(written.profiles.map((p) => p.name)).toEqual(['Lab CS', 'Lab GAX', 'Lab pair']);
  });
});
