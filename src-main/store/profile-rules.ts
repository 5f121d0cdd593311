/**
 * The rules a change to the profiles must keep, over the list as it is: ids that exist, one name per
 * kind (in any case), pairs that name a CS and a GAX profile that exist. Each answers a typed error.
 */
import type { ZodError } from 'zod';
import { KIND_LABEL, MAX_PROFILE_NAME_CHARS, nameKey, type ProfileKind, type ProfileRecord } from './profiles-schema.js';
import { describeZodError, fail, ok, type StoreResult } from './result.js';

export function findProfile(profiles: readonly ProfileRecord[], id: unknown): StoreResult<ProfileRecord> {
  if (typeof id !== 'string' || id.length === 0)
    return fail('INVALID_INPUT', 'the profile id must be a non-empty text', 'pass the id from profiles.list()');
  const record = profiles.find((p) => p.id === id);
  return record
    ? ok(record)
    : fail(
        'NOT_FOUND',
        `there is no profile with the id ${JSON.stringify(id.slice(0, 60))}`,
        'it may have been removed; reload the list of profiles',
      );
}

/** The profile of `kind` that already has `name` (in any case), other than `exceptId`. */
export function profileNamed(
  profiles: readonly ProfileRecord[],
  kind: ProfileKind,
  name: string,
  exceptId: string | null,
): ProfileRecord | undefined {
  return profiles.find((p) => p.kind === kind && p.id !== exceptId && nameKey(p.name) === nameKey(name));
}

export function nameClash(profiles: readonly ProfileRecord[], kind: ProfileKind, name: string, exceptId: string | null): StoreResult<never> | null {
  const other = profileNamed(profiles, kind, name, exceptId);
  return other ? fail('DUPLICATE_NAME', `a ${KIND_LABEL[kind]} named ${JSON.stringify(other.name)} already exists`, 'choose another name') : null;
}

export function checkPairMembers(profiles: readonly ProfileRecord[], csProfileId: string, gaxProfileId: string): StoreResult<void> {
  for (const [id, kind] of [
    [csProfileId, 'cs'],
    [gaxProfileId, 'gax'],
  ] as const) {
    const member = profiles.find((p) => p.id === id);
    if (!member)
      return fail(
        'NOT_FOUND',
        `the pair names a ${KIND_LABEL[kind]} that does not exist (${id})`,
        `create the ${KIND_LABEL[kind]} first, or pick one from the list`,
      );
    if (member.kind !== kind)
      return fail(
        'WRONG_KIND',
        `the pair's ${KIND_LABEL[kind]} is a ${KIND_LABEL[member.kind]} (${JSON.stringify(member.name)})`,
        `pick a ${KIND_LABEL[kind]}`,
      );
  }
  return ok(undefined);
}

/**
 * `<name> (copy)`, `<name> (copy 2)`, … — the first name free among this kind's profiles and
 * `alsoTaken` (name keys), trimmed to fit the name limit.
 */
export function uniqueProfileName(
  profiles: readonly ProfileRecord[],
  kind: ProfileKind,
  wanted: string,
  word: string,
  alsoTaken: ReadonlySet<string> = new Set(),
): string {
  const taken = new Set([...alsoTaken, ...profiles.filter((p) => p.kind === kind).map((p) => nameKey(p.name))]);
  for (let n = 1; ; n++) {
    const suffix = ` (${word}${n > 1 ? ` ${n}` : ''})`;
    const name = `${wanted.slice(0, MAX_PROFILE_NAME_CHARS - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(nameKey(name))) return name;
  }
}

export function invalidProfile<T>(error: ZodError, kind?: ProfileKind): StoreResult<T> {
  const what = kind ? `the change to the ${KIND_LABEL[kind]}` : 'the profile';
  return fail('INVALID_INPUT', `${what} is not valid: ${describeZodError(error)}`, 'correct that field and try again');
}
