/**
 * Profiles in and out as a JSON text a person can keep or send: the export leaves secrets out
 * unless asked to include them; the import accepts only that format, checked field by field,
 * gives every profile a new id and renames a profile whose name is taken.
 */
import { randomUUID } from 'node:crypto';
import { draftFromInput, describeSecret, secretFieldsOf, type Draft, type ProfileSummary } from './profile-model.js';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  KIND_LABEL,
  exportFileSchema,
  nameKey,
  type ExportedProfile,
  type ParsedProfileInput,
  type ProfileRecord,
} from './profiles-schema.js';
import type { ProfilesStore } from './profiles-store.js';
import { describeZodError, fail, ok, type StoreResult } from './result.js';
import type { SecretKeeper } from './secret-keeper.js';
import { parseJsonText } from './versioned-file.js';

export interface ExportOptions {
  /** put token-uuids and passwords in the text, in clear; only when the person asked for it */
  includeSecrets?: boolean;
}

export interface ExportResult {
  text: string;
  /** every profile in the text: the ones asked for plus the members of any pair among them */
  profileIds: string[];
  includesSecrets: boolean;
  /** secrets that were asked for but are not in the text (this session could not load them) */
  warnings: string[];
}

export interface ImportResult {
  imported: ProfileSummary[];
  /** profiles whose name was taken, with the name they got */
  renamed: { from: string; to: string }[];
}

/** An export is a few hundred kilobytes at most; a larger paste is a mistake. */
export const MAX_IMPORT_CHARS = 5 * 1024 * 1024;
const IMPORT_HINT = 'use a file made with Export in the Profiles list of GAX Token Lab';

export function exportProfiles(store: ProfilesStore, ids: readonly string[], options: ExportOptions, nowIso: string): StoreResult<ExportResult> {
  if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string'))
    return fail('INVALID_INPUT', 'no profile was chosen for export', 'pass the ids of the profiles to export');
  const records = store.records();
  const wanted = new Set<string>();
  for (const id of ids) {
    const record = records.find((r) => r.id === id);
    if (!record)
      return fail('NOT_FOUND', `there is no profile with the id ${JSON.stringify(String(id).slice(0, 60))}`, 'reload the list of profiles');
    wanted.add(id);
    // A pair without its members could not be imported anywhere else.
    if (record.kind === 'pair') wanted.add(record.csProfileId).add(record.gaxProfileId);
  }
  const includeSecrets = options.includeSecrets === true;
  const warnings: string[] = [];
  const profiles = records.filter((r) => wanted.has(r.id)).map((r) => exportRecord(store, r, includeSecrets, warnings));
  const file = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: nowIso, includesSecrets: includeSecrets, profiles };
  return ok({ text: `${JSON.stringify(file, null, 2)}\n`, profileIds: profiles.map((p) => p.id), includesSecrets: includeSecrets, warnings });
}

function exportRecord(store: ProfilesStore, record: ProfileRecord, includeSecrets: boolean, warnings: string[]): ExportedProfile {
  const base = { id: record.id, name: record.name };
  if (record.kind === 'pair') return { ...base, kind: 'pair', csProfileId: record.csProfileId, gaxProfileId: record.gaxProfileId };
  const secrets = new Map<string, string>();
  if (includeSecrets)
    for (const field of secretFieldsOf(record)) {
      const plain = store.revealSecret(field.slot);
      if (plain === undefined) warnings.push(`${describeSecret(record, field)} is not in the export: this session could not load it`);
      else secrets.set(field.option ?? `\u0000${field.userName}`, plain);
    }
  const options: Record<string, string> = { ...record.options };
  for (const option of Object.keys(record.secretOptions)) {
    const plain = secrets.get(option);
    if (plain !== undefined) options[option] = plain;
  }
  if (record.kind === 'gax') return { ...base, kind: 'gax', options };
  const users = record.users.map((u) => {
    const password = secrets.get(`\u0000${u.userName}`);
    return password === undefined ? { userName: u.userName, enabled: u.enabled } : { userName: u.userName, enabled: u.enabled, password };
  });
  return { ...base, kind: 'cs', options, listeners: record.listeners.map((l) => ({ ...l })), users };
}

export async function importProfiles(store: ProfilesStore, keeper: SecretKeeper, text: unknown): Promise<StoreResult<ImportResult>> {
  if (typeof text !== 'string') return fail('INVALID_INPUT', 'the import must be the text of an export file', IMPORT_HINT);
  if (text.length > MAX_IMPORT_CHARS)
    return fail('TOO_LARGE', `the text is ${(text.length / 1024 / 1024).toFixed(1)} MB; an export of profiles is far smaller`, IMPORT_HINT);
  const json = parseJsonText(text);
  if (!json.ok) return fail('INVALID_JSON', `the text is not valid JSON (${json.reason})`, IMPORT_HINT);
  const raw = json.value;
  const header = raw as { format?: unknown; version?: unknown } | null;
  if (typeof header !== 'object' || header === null || Array.isArray(header) || header.format !== EXPORT_FORMAT)
    return fail('INVALID_IMPORT', 'the text is not a GAX Token Lab profiles export', IMPORT_HINT);
  if (typeof header.version === 'number' && header.version > EXPORT_VERSION)
    return fail(
      'INVALID_IMPORT',
      `the export was made by a newer version of GAX Token Lab (format version ${header.version})`,
      'update GAX Token Lab, then import it again',
    );
  const parsed = exportFileSchema.safeParse(raw);
  if (!parsed.success) return fail('INVALID_IMPORT', `the export is not valid: ${describeZodError(parsed.error)}`, IMPORT_HINT);

  const entries = parsed.data.profiles;
  const newIds = new Map<string, { id: string; kind: ExportedProfile['kind'] }>();
  for (const [i, entry] of entries.entries()) {
    if (newIds.has(entry.id))
      return fail('INVALID_IMPORT', `the export is not valid: profiles[${i}].id: the id ${entry.id} is used twice`, IMPORT_HINT);
    newIds.set(entry.id, { id: randomUUID(), kind: entry.kind });
  }
  const existing = store.records();
  /** The new id of a pair's member, found in the export first and then in this store. */
  const memberId = (ref: string, kind: 'cs' | 'gax'): { id: string } | { problem: string } => {
    const inFile = newIds.get(ref);
    const found = inFile ?? existing.find((r) => r.id === ref);
    if (!found) return { problem: `names a ${KIND_LABEL[kind]} that is neither in the export nor in this app` };
    if (found.kind !== kind) return { problem: `names a ${KIND_LABEL[found.kind]} as its ${KIND_LABEL[kind]}` };
    return { id: found.id };
  };

  const drafts: Draft[] = [];
  const renamed: ImportResult['renamed'] = [];
  const takenInFile = { cs: new Set<string>(), gax: new Set<string>(), pair: new Set<string>() };
  const nowIso = store.nowIso();
  for (const [i, entry] of entries.entries()) {
    const { id: oldId, ...fields } = entry;
    let input: ParsedProfileInput = fields;
    if (fields.kind === 'pair') {
      const cs = memberId(fields.csProfileId, 'cs');
      const gax = memberId(fields.gaxProfileId, 'gax');
      const refused = (problem: string) =>
        fail<never>(
          'INVALID_IMPORT',
          `the pair ${JSON.stringify(fields.name)} (profiles[${i}]) ${problem}`,
          'export the pair together with its CS and GAX profiles',
        );
      if ('problem' in cs) return refused(cs.problem);
      if ('problem' in gax) return refused(gax.problem);
      input = { ...fields, csProfileId: cs.id, gaxProfileId: gax.id };
    }
    const takenHere = takenInFile[input.kind];
    if (store.isNameTaken(input.kind, input.name) || takenHere.has(nameKey(input.name))) {
      const to = store.uniqueName(input.kind, input.name, 'imported', takenHere);
      renamed.push({ from: input.name, to });
      input = { ...input, name: to };
    }
    takenHere.add(nameKey(input.name));
    const draft = draftFromInput(input, newIds.get(oldId)?.id ?? randomUUID(), nowIso, keeper);
    if (!draft.ok) return draft;
    drafts.push(draft.data);
  }
  const added = await store.add(drafts);
  if (!added.ok) return added;
  return ok({ imported: added.data, renamed });
}
