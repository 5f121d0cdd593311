/**
 * Schema migrations: each step takes the raw JSON of one version to the next, checking its input
 * against that old version's own schema first, so a step never guesses at a shape it does not know.
 */
export interface MigrationContext {
  /** the instant of the migration, ISO 8601 — for fields a newer version adds, like `createdAt` */
  nowIso: string;
}

export type MigrationStep = { ok: true; value: unknown } | { ok: false; problem: string };

export interface Migration {
  /** the version this step reads; it writes `from + 1` */
  from: number;
  /** one line for a person: what changed between the versions */
  describe: string;
  migrate(raw: unknown, ctx: MigrationContext): MigrationStep;
}

/** Runs every step from `fromVersion` up to `toVersion`, in order; the first failure stops it. */
export function migrate(
  raw: unknown,
  fromVersion: number,
  toVersion: number,
  migrations: readonly Migration[],
  ctx: MigrationContext,
): MigrationStep {
  let value = raw;
  for (let version = fromVersion; version < toVersion; version++) {
    const step = migrations.find((m) => m.from === version);
    if (!step) return { ok: false, problem: `there is no migration from version ${version}` };
    const result = step.migrate(value, ctx);
    if (!result.ok) return { ok: false, problem: `as version ${version}: ${result.problem}` };
    value = result.value;
  }
  return { ok: true, value };
}

/** The oldest version a chain of steps can start from. */
export function oldestMigratableVersion(migrations: readonly Migration[], currentVersion: number): number {
  let version = currentVersion;
  while (migrations.some((m) => m.from === version - 1)) version--;
  return version;
}
