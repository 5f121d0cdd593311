/**
 * Loading a versioned JSON file so that nothing is silently lost: an old version is migrated, a
 * file that cannot be used (unreadable, not JSON, not the schema, or from a newer app) is renamed
 * aside with a timestamp, the last good copy (`.bak`) is taken instead, and a notice says so.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { backupPathFor, errorCode } from './atomic-file.js';
import { migrate, oldestMigratableVersion, type Migration } from './migrations.js';
import { describeIoError, describeZodError } from './result.js';

export interface FileFormat<T> {
  /** e.g. `settings.json` */
  fileName: string;
  /** what the file holds, for messages: `settings`, `profiles` */
  label: string;
  currentVersion: number;
  /** the current version's schema (it checks `version` too) */
  schema: z.ZodType<T>;
  migrations: readonly Migration[];
  /** the version a file without a `version` field is taken as, if such legacy files exist */
  unversionedIs?: number;
  defaults(): T;
}

/** Told to the person once, in one line (`message`), when a file could not be used as it was. */
export interface StoreNotice {
  file: string;
  problem: string;
  /** the name it was renamed to, or null when it could not be renamed (it is then left untouched) */
  setAsideTo: string | null;
  recoveredFrom: 'backup' | 'defaults';
  message: string;
}

export interface LoadedFile<T> {
  data: T;
  notices: StoreNotice[];
  /** the version the data was migrated from, when it was older */
  migratedFrom: number | null;
  /** write the data back now: it was migrated or recovered */
  rewrite: boolean;
  /** a file that could not be read nor set aside: writing would destroy it, so the app must not */
  blocked: boolean;
}

const MISSING = 'the file is missing';

/** Store files are a few kilobytes; anything this large is not one of ours. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

type Interpretation<T> = { state: 'missing' } | { state: 'bad'; problem: string } | { state: 'ok'; data: T; migratedFrom: number | null };

export async function loadVersionedFile<T>(dir: string, format: FileFormat<T>, now: () => number): Promise<LoadedFile<T>> {
  const target = path.join(dir, format.fileName);
  const backup = backupPathFor(target);
  const nowIso = () => new Date(now()).toISOString();
  const main = await readAndInterpret(target, format, nowIso);
  if (main.state === 'ok')
    return { data: main.data, notices: [], migratedFrom: main.migratedFrom, rewrite: main.migratedFrom !== null, blocked: false };

  const notices: StoreNotice[] = [];
  let mainAside: string | null = null;
  let blocked = false;
  if (main.state === 'bad') {
    const aside = await setAside(target, format.fileName.replace(/\.json$/, ''), now);
    mainAside = aside.ok ? aside.name : null;
    blocked = !aside.ok;
    if (!aside.ok) main.problem += `; it could not be set aside (${aside.reason})`;
  }

  const bak = await readAndInterpret(backup, format, nowIso);
  if (bak.state === 'ok') {
    const problem = main.state === 'bad' ? main.problem : MISSING;
    notices.push(notice(format, problem, mainAside, 'backup'));
    return { data: bak.data, notices, migratedFrom: bak.migratedFrom, rewrite: !blocked, blocked };
  }
  if (main.state === 'bad') notices.push(notice(format, main.problem, mainAside, 'defaults'));
  if (bak.state === 'bad') {
    // Left in place it would be rotated away by the next write: set it aside too.
    const aside = await setAside(backup, format.fileName.replace(/\.json$/, '.bak'), now);
    const problem = aside.ok ? bak.problem : `${bak.problem}; it could not be set aside (${aside.reason})`;
    notices.push(notice({ ...format, fileName: path.basename(backup) }, problem, aside.ok ? aside.name : null, 'defaults'));
  }
  return { data: format.defaults(), notices, migratedFrom: null, rewrite: false, blocked };
}

function notice(
  format: Pick<FileFormat<unknown>, 'fileName' | 'label'>,
  problem: string,
  setAsideTo: string | null,
  recoveredFrom: 'backup' | 'defaults',
): StoreNotice {
  const kept = setAsideTo ? `it was set aside as ${setAsideTo} and ` : problem === MISSING ? '' : 'it was left as it is and ';
  const then =
    recoveredFrom === 'backup'
      ? `the last good copy (${format.fileName}.bak) was loaded: it is the copy before the last save, so the last change made may be missing`
      : `there was no good copy, so the app starts with default ${format.label}`;
  return { file: format.fileName, problem, setAsideTo, recoveredFrom, message: `${format.fileName}: ${problem}; ${kept}${then}.` };
}

async function readAndInterpret<T>(file: string, format: FileFormat<T>, nowIso: () => string): Promise<Interpretation<T>> {
  let text: string;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) return { state: 'bad', problem: 'it is a folder, not a file' };
    if (stat.size > MAX_FILE_BYTES)
      return { state: 'bad', problem: `it is ${(stat.size / 1024 / 1024).toFixed(0)} MiB, too large to be a ${format.label} file` };
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return { state: 'missing' };
    return { state: 'bad', problem: `it could not be read (${describeIoError(err)})` };
  }
  return interpretText(text, format, nowIso());
}

/** What a file's text holds, migrated to the current version. */
function interpretText<T>(text: string, format: FileFormat<T>, nowIso: string): Interpretation<T> {
  if (text.trim() === '' || text === '\ufeff') return { state: 'bad', problem: 'the file is empty' };
  const json = parseJsonText(text);
  if (!json.ok) return { state: 'bad', problem: `it is not valid JSON (${json.reason})` };
  let raw = json.value;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { state: 'bad', problem: 'it does not hold a JSON object' };

  let version: number;
  if (!('version' in raw)) {
    if (format.unversionedIs === undefined) return { state: 'bad', problem: 'it has no version number' };
    version = format.unversionedIs;
  } else {
    const v = (raw as { version: unknown }).version;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) return { state: 'bad', problem: 'its version is not a whole number' };
    version = v;
  }
  if (version > format.currentVersion)
    return {
      state: 'bad',
      problem: `it was written by a newer version of GAX Token Lab (file version ${version}; this version reads up to ${format.currentVersion})`,
    };
  let migratedFrom: number | null = null;
  if (version < format.currentVersion) {
    if (version < oldestMigratableVersion(format.migrations, format.currentVersion))
      return { state: 'bad', problem: `its version ${version} is older than this app can read` };
    const step = migrate(raw, version, format.currentVersion, format.migrations, { nowIso });
    if (!step.ok) return { state: 'bad', problem: `it could not be migrated (${step.problem})` };
    raw = step.value;
    migratedFrom = version;
  }
  const parsed = format.schema.safeParse(raw);
  if (!parsed.success) return { state: 'bad', problem: `it does not match the ${format.label} format (${describeZodError(parsed.error)})` };
  return { state: 'ok', data: parsed.data, migratedFrom };
}

/** JSON.parse without a throw; a leading BOM (added by editors on Windows) is ignored. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * Renames a file to `<stem>.corrupt-<timestamp>.json` beside it. The timestamp is ISO 8601 with
 * `-` for `:` (Windows forbids colons in names); a second file in the same millisecond gets `-2`.
 */
async function setAside(file: string, stem: string, now: () => number): Promise<{ ok: true; name: string } | { ok: false; reason: string }> {
  const stamp = new Date(now()).toISOString().replace(/:/g, '-');
  const dir = path.dirname(file);
  for (let n = 1; n < 100; n++) {
    const name = `${stem}.corrupt-${stamp}${n > 1 ? `-${n}` : ''}.json`;
    try {
      await fs.access(path.join(dir, name));
      continue; // taken: rename would replace it
    } catch {
      // free
    }
    try {
      await fs.rename(file, path.join(dir, name));
      return { ok: true, name };
    } catch (err) {
      return { ok: false, reason: describeIoError(err) };
    }
  }
  return { ok: false, reason: 'too many set-aside copies with the same timestamp' };
}
