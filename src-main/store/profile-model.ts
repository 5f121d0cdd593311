/**
 * Between the file's records (secrets as references) and the profiles callers see (secrets in
 * clear, in this process only): where each secret lives in the session vault, and how an input
 * or a patch becomes a new record plus the secret values it sets or removes.
 */
import type { SecretKeeper } from './secret-keeper.js';
import type { SecretRef } from './secrets.js';
import { isSecretOptionName } from './secrets.js';
import { ok, type StoreResult } from './result.js';
import {
  KIND_LABEL,
  type CsRecord,
  type GaxRecord,
  type Listener,
  type PairRecord,
  type ParsedProfileInput,
  type ProfileKind,
  type ProfileRecord,
  type csProfilePatchSchema,
  type gaxProfilePatchSchema,
  type pairProfilePatchSchema,
} from './profiles-schema.js';
import type { z } from 'zod';

/** A secret the profile has but this session cannot give: it stays saved as it is until replaced. */
export interface SecretIssue {
  /** the option's name, or null for a user's password */
  option: string | null;
  /** the user whose password it is, or null for an option */
  userName: string | null;
  state: 'unreadable' | 'not-kept';
  /** one line: what, why, and what to do */
  message: string;
}

interface ProfileCommon {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  secretIssues: SecretIssue[];
}
export interface CsUser {
  userName: string;
  enabled: boolean;
  /** in clear, in this process only; absent when the user has none (or it is in `secretIssues`) */
  password?: string;
}
export interface CsProfile extends ProfileCommon {
  kind: 'cs';
  /** the `[system]` options, secret ones (token-uuid) included in clear when available */
  options: Record<string, string>;
  listeners: Listener[];
  users: CsUser[];
}
export interface GaxProfile extends ProfileCommon {
  kind: 'gax';
  /** the `[general]` options */
  options: Record<string, string>;
}
export interface PairProfile extends ProfileCommon {
  kind: 'pair';
  csProfileId: string;
  gaxProfileId: string;
}
export type Profile = CsProfile | GaxProfile | PairProfile;

export interface ProfileSummary {
  id: string;
  kind: ProfileKind;
  name: string;
  createdAt: string;
  updatedAt: string;
  secretIssueCount: number;
}

export type CsPatch = z.output<typeof csProfilePatchSchema>;
export type GaxPatch = z.output<typeof gaxProfilePatchSchema>;
export type PairPatch = z.output<typeof pairProfilePatchSchema>;

// Slots are the vault's keys; NUL cannot occur in an id, an option name or a username.
export function optionSlot(profileId: string, option: string): string {
  return `${profileId}\u0000option\u0000${option}`;
}
export function passwordSlot(profileId: string, userName: string): string {
  return `${profileId}\u0000password\u0000${userName}`;
}

export interface SecretField {
  slot: string;
  option: string | null;
  userName: string | null;
  ref: SecretRef;
}

/** Every secret reference a record holds. */
export function secretFieldsOf(record: ProfileRecord): SecretField[] {
  if (record.kind === 'pair') return [];
  const fields: SecretField[] = Object.entries(record.secretOptions).map(([option, ref]) => ({
    slot: optionSlot(record.id, option),
    option,
    userName: null,
    ref,
  }));
  if (record.kind === 'cs')
    for (const u of record.users)
      if (u.password) fields.push({ slot: passwordSlot(record.id, u.userName), option: null, userName: u.userName, ref: u.password });
  return fields;
}

/** Points a secret field of `record` at a new reference (the record is changed in place). */
export function setSecretRef(record: ProfileRecord, field: Pick<SecretField, 'option' | 'userName'>, ref: SecretRef): void {
  if (record.kind === 'pair') return;
  if (field.option !== null) record.secretOptions[field.option] = ref;
  else if (record.kind === 'cs') {
    const user = record.users.find((u) => u.userName === field.userName);
    if (user) user.password = ref;
  }
}

/** `the token-uuid of CS profile "Lab"`, `the password of user "alice" in CS profile "Lab"` */
export function describeSecret(record: ProfileRecord, field: { option: string | null; userName: string | null }): string {
  const owner = `${KIND_LABEL[record.kind]} ${JSON.stringify(record.name)}`;
  return field.option !== null ? `the ${field.option} of ${owner}` : `the password of user ${JSON.stringify(field.userName)} in ${owner}`;
}

export interface IssueReason {
  state: 'unreadable' | 'not-kept';
  reason: string;
}

export function toProfile(record: ProfileRecord, reveal: (slot: string) => string | undefined, issues: ReadonlyMap<string, IssueReason>): Profile {
  const secretIssues: SecretIssue[] = [];
  for (const f of secretFieldsOf(record)) {
    const issue = issues.get(f.slot);
    if (issue)
      secretIssues.push({
        option: f.option,
        userName: f.userName,
        state: issue.state,
        message: `${describeSecret(record, f)} could not be loaded: ${issue.reason}; enter it again.`,
      });
  }
  const common = { id: record.id, name: record.name, createdAt: record.createdAt, updatedAt: record.updatedAt, secretIssues };
  if (record.kind === 'pair') return { ...common, kind: 'pair', csProfileId: record.csProfileId, gaxProfileId: record.gaxProfileId };
  const options: Record<string, string> = { ...record.options };
  for (const option of Object.keys(record.secretOptions)) {
    const plain = reveal(optionSlot(record.id, option));
    if (plain !== undefined) options[option] = plain;
  }
  if (record.kind === 'gax') return { ...common, kind: 'gax', options };
  const users: CsUser[] = record.users.map((u) => {
    const password = u.password ? reveal(passwordSlot(record.id, u.userName)) : undefined;
    return password === undefined ? { userName: u.userName, enabled: u.enabled } : { userName: u.userName, enabled: u.enabled, password };
  });
  return { ...common, kind: 'cs', options, listeners: record.listeners.map((l) => ({ ...l })), users };
}

/** A new record, and the vault slots it sets (a string) or empties (null). */
export interface Draft {
  record: ProfileRecord;
  secrets: Map<string, string | null>;
}

/** Splits options into plain ones and sealed secret ones. */
function applyOptions(
  id: string,
  plain: Record<string, string>,
  secret: Record<string, SecretRef>,
  changes: Record<string, string | null>,
  keeper: SecretKeeper,
  secrets: Map<string, string | null>,
): StoreResult<void> {
  for (const [name, value] of Object.entries(changes)) {
    if (!isSecretOptionName(name)) {
      if (value === null) delete plain[name];
      else plain[name] = value;
      continue;
    }
    if (value === null) {
      delete secret[name];
      secrets.set(optionSlot(id, name), null);
      continue;
    }
    const sealed = keeper.seal(value);
    if (!sealed.ok) return sealed;
    secret[name] = sealed.data;
    secrets.set(optionSlot(id, name), value);
  }
  return ok(undefined);
}

export function draftFromInput(input: ParsedProfileInput, id: string, nowIso: string, keeper: SecretKeeper): StoreResult<Draft> {
  const secrets = new Map<string, string | null>();
  const base = { id, name: input.name, createdAt: nowIso, updatedAt: nowIso };
  if (input.kind === 'pair')
    return ok({ record: { ...base, kind: 'pair', csProfileId: input.csProfileId, gaxProfileId: input.gaxProfileId }, secrets });
  const options: Record<string, string> = {};
  const secretOptions: Record<string, SecretRef> = {};
  const applied = applyOptions(id, options, secretOptions, input.options, keeper, secrets);
  if (!applied.ok) return applied;
  if (input.kind === 'gax') return ok({ record: { ...base, kind: 'gax', options, secretOptions }, secrets });
  const users: CsRecord['users'] = [];
  for (const u of input.users) {
    if (u.password === undefined) {
      users.push({ userName: u.userName, enabled: u.enabled });
      continue;
    }
    const sealed = keeper.seal(u.password);
    if (!sealed.ok) return sealed;
    users.push({ userName: u.userName, enabled: u.enabled, password: sealed.data });
    secrets.set(passwordSlot(id, u.userName), u.password);
  }
  return ok({ record: { ...base, kind: 'cs', options, secretOptions, listeners: input.listeners, users }, secrets });
}

export function draftFromCsPatch(record: CsRecord, patch: CsPatch, nowIso: string, keeper: SecretKeeper): StoreResult<Draft> {
  const secrets = new Map<string, string | null>();
  const options = { ...record.options };
  const secretOptions = { ...record.secretOptions };
  if (patch.options) {
    const applied = applyOptions(record.id, options, secretOptions, patch.options, keeper, secrets);
    if (!applied.ok) return applied;
  }
  let users = record.users;
  if (patch.users) {
    const kept = new Set(patch.users.map((u) => u.userName));
    for (const old of record.users) if (!kept.has(old.userName) && old.password) secrets.set(passwordSlot(record.id, old.userName), null);
    users = [];
    for (const u of patch.users) {
      const previous = record.users.find((old) => old.userName === u.userName)?.password;
      if (u.password === undefined) {
        users.push(previous ? { userName: u.userName, enabled: u.enabled, password: previous } : { userName: u.userName, enabled: u.enabled });
      } else if (u.password === null) {
        users.push({ userName: u.userName, enabled: u.enabled });
        if (previous) secrets.set(passwordSlot(record.id, u.userName), null);
      } else {
        const sealed = keeper.seal(u.password);
        if (!sealed.ok) return sealed;
        users.push({ userName: u.userName, enabled: u.enabled, password: sealed.data });
        secrets.set(passwordSlot(record.id, u.userName), u.password);
      }
    }
  }
  const next: CsRecord = {
    ...record,
    name: patch.name ?? record.name,
    updatedAt: nowIso,
    options,
    secretOptions,
    listeners: patch.listeners ?? record.listeners,
    users,
  };
  return ok({ record: next, secrets });
}

export function draftFromGaxPatch(record: GaxRecord, patch: GaxPatch, nowIso: string, keeper: SecretKeeper): StoreResult<Draft> {
  const secrets = new Map<string, string | null>();
  const options = { ...record.options };
  const secretOptions = { ...record.secretOptions };
  if (patch.options) {
    const applied = applyOptions(record.id, options, secretOptions, patch.options, keeper, secrets);
    if (!applied.ok) return applied;
  }
  return ok({ record: { ...record, name: patch.name ?? record.name, updatedAt: nowIso, options, secretOptions }, secrets });
}

export function draftFromPairPatch(record: PairRecord, patch: PairPatch, nowIso: string): Draft & { record: PairRecord } {
  return {
    record: {
      ...record,
      name: patch.name ?? record.name,
      updatedAt: nowIso,
      csProfileId: patch.csProfileId ?? record.csProfileId,
      gaxProfileId: patch.gaxProfileId ?? record.gaxProfileId,
    },
    secrets: new Map(),
  };
}

/** The same record under a new id and name; its secret references are copied as they are. */
export function copyRecord(record: ProfileRecord, id: string, name: string, nowIso: string): ProfileRecord {
  const copy = structuredClone(record);
  return { ...copy, id, name, createdAt: nowIso, updatedAt: nowIso };
}

/** Maps each vault slot of `from` to the slot of the same field in `to`. */
export function slotPairs(from: ProfileRecord, to: ProfileRecord): [string, string][] {
  const target = new Map(secretFieldsOf(to).map((f) => [`${f.option}\u0000${f.userName}`, f.slot]));
  return secretFieldsOf(from).flatMap((f) => {
    const slot = target.get(`${f.option}\u0000${f.userName}`);
    return slot ? [[f.slot, slot] as [string, string]] : [];
  });
}
