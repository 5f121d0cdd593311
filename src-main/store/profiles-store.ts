/**
 * Named profiles on disk: list, read, create, rename, duplicate, remove, update. Every input is
 * checked with its schema and every problem comes back as a typed error; each change is saved
 * atomically before its promise resolves.
 */
import { randomUUID } from 'node:crypto';
import { StoreFileWriter } from './store-file.js';
import {
  copyRecord,
  draftFromCsPatch,
  draftFromGaxPatch,
  draftFromInput,
  draftFromPairPatch,
  secretFieldsOf,
  slotPairs,
  toProfile,
  type Draft,
  type IssueReason,
  type Profile,
  type ProfileSummary,
} from './profile-model.js';
import {
  KIND_LABEL,
  PROFILES_FILE,
  csProfilePatchSchema,
  gaxProfilePatchSchema,
  pairProfilePatchSchema,
  profileInputSchema,
  profileNameSchema,
  profilesFormat,
  type ProfileInput,
  type ProfileKind,
  type ProfilePatch,
  type ProfileRecord,
  type ProfilesFile,
} from './profiles-schema.js';
import { openProfileSecrets, resealProfileSecrets } from './profile-secrets.js';
import { checkPairMembers, findProfile, invalidProfile, nameClash, profileNamed, uniqueProfileName } from './profile-rules.js';
import { fail, ok, type StoreResult } from './result.js';
import type { SecretKeeper } from './secret-keeper.js';
import { loadVersionedFile, type StoreNotice } from './versioned-file.js';

export class ProfilesStore {
  #file: ProfilesFile;
  readonly #issues = new Map<string, IssueReason>();
  readonly #writer: StoreFileWriter;

  private constructor(
    readonly dir: string,
    file: ProfilesFile,
    private readonly keeper: SecretKeeper,
    private readonly now: () => number,
    blocked: boolean,
  ) {
    this.#file = file;
    this.#writer = new StoreFileWriter(dir, PROFILES_FILE, () => this.#file, blocked);
  }

  static async open(
    dir: string,
    keeper: SecretKeeper,
    now: () => number,
  ): Promise<{ store: ProfilesStore; notices: StoreNotice[]; saveError: string | null }> {
    const loaded = await loadVersionedFile(dir, profilesFormat, now);
    const store = new ProfilesStore(dir, loaded.data, keeper, now, loaded.blocked);
    let resealed = false;
    openProfileSecrets(store.#file.profiles, keeper, store.#issues);
    // Secrets saved in a weaker way than this session offers (web mode's key file, opened by the
    // desktop app) move up now. Never down: a settings file reset to defaults must not downgrade.
    if (keeper.info().persistent) resealed = resealProfileSecrets(store.#file.profiles, keeper);
    let saveError: string | null = null;
    if (loaded.rewrite || resealed) {
      const saved = await store.save();
      if (!saved.ok) saveError = saved.error.message;
    }
    return { store, notices: loaded.notices, saveError };
  }

  list(): ProfileSummary[] {
    return this.#file.profiles.map((r) => ({
      id: r.id,
      kind: r.kind,
      name: r.name,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      secretIssueCount: secretFieldsOf(r).filter((f) => this.#issues.has(f.slot)).length,
    }));
  }

  get(id: string): StoreResult<Profile> {
    const found = this.#find(id);
    if (!found.ok) return found;
    return ok(toProfile(found.data, (slot) => this.keeper.vault.get(slot), this.#issues));
  }

  async create(input: ProfileInput): Promise<StoreResult<Profile>> {
    const parsed = profileInputSchema.safeParse(input);
    if (!parsed.success) return invalidProfile(parsed.error);
    const clash = this.#nameClash(parsed.data.kind, parsed.data.name, null);
    if (clash) return clash;
    if (parsed.data.kind === 'pair') {
      const members = this.#checkPairMembers(parsed.data.csProfileId, parsed.data.gaxProfileId);
      if (!members.ok) return members;
    }
    const draft = draftFromInput(parsed.data, randomUUID(), this.#nowIso(), this.keeper);
    if (!draft.ok) return draft;
    const saved = await this.#commit([draft.data], []);
    return saved.ok ? this.get(draft.data.record.id) : saved;
  }

  async update(id: string, patch: ProfilePatch): Promise<StoreResult<Profile>> {
    const found = this.#find(id);
    if (!found.ok) return found;
    const record = found.data;
    const nowIso = this.#nowIso();
    let draft: StoreResult<Draft>;
    if (record.kind === 'cs') {
      const parsed = csProfilePatchSchema.safeParse(patch);
      if (!parsed.success) return invalidProfile(parsed.error, record.kind);
      draft = draftFromCsPatch(record, parsed.data, nowIso, this.keeper);
    } else if (record.kind === 'gax') {
      const parsed = gaxProfilePatchSchema.safeParse(patch);
      if (!parsed.success) return invalidProfile(parsed.error, record.kind);
      draft = draftFromGaxPatch(record, parsed.data, nowIso, this.keeper);
    } else {
      const parsed = pairProfilePatchSchema.safeParse(patch);
      if (!parsed.success) return invalidProfile(parsed.error, record.kind);
      const next = draftFromPairPatch(record, parsed.data, nowIso);
      const members = this.#checkPairMembers(next.record.csProfileId, next.record.gaxProfileId);
      if (!members.ok) return members;
      draft = ok(next);
    }
    if (!draft.ok) return draft;
    const clash = this.#nameClash(record.kind, draft.data.record.name, record.id);
    if (clash) return clash;
    const saved = await this.#commit([draft.data], []);
    return saved.ok ? this.get(record.id) : saved;
  }

  async rename(id: string, name: string): Promise<StoreResult<Profile>> {
    const parsed = profileNameSchema.safeParse(name);
    if (!parsed.success) return invalidProfile(parsed.error);
    return this.update(id, { name: parsed.data });
  }

  /** A copy named `<name> (copy)`, with the same options, listeners, users and secrets. */
  async duplicate(id: string): Promise<StoreResult<Profile>> {
    const found = this.#find(id);
    if (!found.ok) return found;
    const original = found.data;
    const copy = copyRecord(original, randomUUID(), this.uniqueName(original.kind, original.name, 'copy'), this.#nowIso());
    const secrets = new Map<string, string | null>();
    for (const [from, to] of slotPairs(original, copy)) {
      const plain = this.keeper.vault.get(from);
      if (plain !== undefined) secrets.set(to, plain);
      const issue = this.#issues.get(from);
      if (issue) this.#issues.set(to, issue); // the reference is copied as it is, still unreadable
    }
    const saved = await this.#commit([{ record: copy, secrets }], []);
    return saved.ok ? this.get(copy.id) : saved;
  }

  /** Removes a profile; a CS or GAX profile that a pair names must be freed from the pair first. */
  async remove(id: string): Promise<StoreResult<{ id: string }>> {
    const found = this.#find(id);
    if (!found.ok) return found;
    const record = found.data;
    const user = this.#file.profiles.find((p) => p.kind === 'pair' && (p.csProfileId === record.id || p.gaxProfileId === record.id));
    if (user)
      return fail(
        'IN_USE',
        `${KIND_LABEL[record.kind]} ${JSON.stringify(record.name)} is used by the pair ${JSON.stringify(user.name)}`,
        'remove the pair, or point it at another profile, first',
      );
    const saved = await this.#commit([], [record.id]);
    return saved.ok ? ok({ id: record.id }) : saved;
  }

  /** Secret values as they are in this session, for the export door only. */
  revealSecret(slot: string): string | undefined {
    return this.keeper.vault.get(slot);
  }

  records(): readonly ProfileRecord[] {
    return this.#file.profiles;
  }

  /** Adds several new profiles in one save (the import door). Drafts are already checked. */
  async add(drafts: Draft[]): Promise<StoreResult<ProfileSummary[]>> {
    const saved = await this.#commit(drafts, []);
    if (!saved.ok) return saved;
    const ids = new Set(drafts.map((d) => d.record.id));
    return ok(this.list().filter((s) => ids.has(s.id)));
  }

  /**
   * Re-seals every secret the session holds in the current mode (after the person changed where
   * secrets are kept) and saves. Unreadable ones keep their old reference.
   */
  async resealAndSave(): Promise<StoreResult<void>> {
    return resealProfileSecrets(this.#file.profiles, this.keeper) ? this.save() : ok(undefined);
  }

  /**
   * `<name> (copy)`, `<name> (copy 2)`, … — the first name free among this kind's profiles and
   * `alsoTaken` (name keys), trimmed to fit the name limit.
   */
  uniqueName(kind: ProfileKind, wanted: string, word: string, alsoTaken: ReadonlySet<string> = new Set()): string {
    return uniqueProfileName(this.#file.profiles, kind, wanted, word, alsoTaken);
  }

  isNameTaken(kind: ProfileKind, name: string): boolean {
    return profileNamed(this.#file.profiles, kind, name, null) !== undefined;
  }

  nowIso(): string {
    return this.#nowIso();
  }

  save(): Promise<StoreResult<void>> {
    return this.#writer.save();
  }

  flush(): Promise<void> {
    return this.#writer.flush();
  }

  #find(id: unknown): StoreResult<ProfileRecord> {
    return findProfile(this.#file.profiles, id);
  }

  #nameClash(kind: ProfileKind, name: string, exceptId: string | null): StoreResult<never> | null {
    return nameClash(this.#file.profiles, kind, name, exceptId);
  }

  #checkPairMembers(csProfileId: string, gaxProfileId: string): StoreResult<void> {
    return checkPairMembers(this.#file.profiles, csProfileId, gaxProfileId);
  }

  /** Applies new records and removals to the state and the vault, then saves. */
  async #commit(drafts: Draft[], removedIds: string[]): Promise<StoreResult<void>> {
    const removed = new Set(removedIds);
    const replaced = new Map(drafts.map((d) => [d.record.id, d.record]));
    const next = this.#file.profiles.filter((p) => !removed.has(p.id)).map((p) => replaced.get(p.id) ?? p);
    for (const d of drafts) if (!this.#file.profiles.some((p) => p.id === d.record.id)) next.push(d.record);
    for (const p of this.#file.profiles)
      if (removed.has(p.id))
        for (const f of secretFieldsOf(p)) {
          this.keeper.vault.delete(f.slot);
          this.#issues.delete(f.slot);
        }
    for (const d of drafts)
      for (const [slot, plain] of d.secrets) {
        this.#issues.delete(slot);
        if (plain === null) this.keeper.vault.delete(slot);
        else this.keeper.vault.set(slot, plain);
      }
    this.#file = { version: this.#file.version, profiles: next };
    return this.save();
  }

  #nowIso(): string {
    return new Date(this.now()).toISOString();
  }
}
