/**
 * labs-progress.json: how far the trainee got in each lab (hints shown, revealed, attempts,
 * solved), and the lab left open with its GAX side, so a restart puts them back where they were.
 *
 * The GAX side holds a token-uuid and maybe a password. Training values or not, a trainee may type
 * a real one, so on disk they are secret references like a profile's (version 2): sealed by the
 * same keeper, or `{kept: "session-only"}`. Version 1 held them in clear; such a file (or a clear
 * value in a hand-edited one) is read, then written back sealed (labs-progress-secrets.ts).
 */
import { z } from 'zod';
import { GENESYS_MAX_INT } from '../core/options/catalog.js';
import type { LabGaxSetup, LabProgressEntry } from '../core/labs/types.js';
import { secretRefSchema } from './secrets.js';
import type { Migration } from './migrations.js';
import type { FileFormat } from './versioned-file.js';

export const LABS_PROGRESS_FILE = 'labs-progress.json';
export const LABS_PROGRESS_VERSION = 2;

/** Scenario ids are kebab-case (core/labs/types.ts); anything else is not one of ours. */
export const labIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'is not a lab id (kebab-case)' })
  .max(64);

const isoInstant = z.iso.datetime({ offset: true });

export const labProgressEntrySchema = z.strictObject({
  status: z.enum(['not-started', 'in-progress', 'solved']),
  hintsShown: z.int().min(0).max(100),
  revealed: z.boolean(),
  attempts: z.int().min(0).max(GENESYS_MAX_INT),
  startedAt: isoInstant.nullable(),
  solvedAt: isoInstant.nullable(),
});

const tokenSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('mint') }),
  z.strictObject({
    kind: z.literal('replay'),
    issuedMinutesAgo: z
      .number()
      .min(0)
      .max(10 * 366 * 1440),
    lifeMinutes: z.int().min(1).max(GENESYS_MAX_INT),
  }),
]);

/** By shape only: the lab session checks the meaning (a UUID, a preamble) before it runs a login. */
export const labGaxSetupSchema = z.strictObject({
  confservTrusted: z.boolean(),
  tokenLifeMinutes: z.int().min(1).max(GENESYS_MAX_INT),
  tokenUuid: z.string().max(200),
  preamble: z.string().max(64),
  userName: z.string().max(1024),
  tokenUserName: z.string().max(1024).optional(),
  password: z.string().max(1024).optional(),
  clockOffsetSeconds: z
    .number()
    .min(-10 * 366 * 86400)
    .max(10 * 366 * 86400),
  tokenSource: tokenSourceSchema,
});

export const openLabSchema = z.strictObject({
  scenarioId: labIdSchema,
  gax: labGaxSetupSchema,
  /** options typed on the CS application that the CS does not know (the trainee may remove them) */
  extraOptions: z.record(z.string().max(128), z.string().max(4096)),
  openedAt: isoInstant,
});

export const labsProgressSchema = z.object({
  version: z.literal(LABS_PROGRESS_VERSION),
  labs: z.record(labIdSchema, labProgressEntrySchema).default({}),
  open: openLabSchema.nullable().default(null),
});

/** As it is kept in memory: the secrets in clear. */
export type LabsProgress = z.infer<typeof labsProgressSchema>;
export type OpenLab = z.infer<typeof openLabSchema>;

const labGaxAtRestSchema = labGaxSetupSchema.extend({
  tokenUuid: z.union([secretRefSchema, z.string().max(200)]),
  password: z.union([secretRefSchema, z.string().max(1024)]).optional(),
});
const openLabAtRestSchema = openLabSchema.extend({ gax: labGaxAtRestSchema });

/** As it is on disk: the GAX side's secrets as references (a clear string is only ever read, to be sealed). */
export const labsProgressAtRestSchema = z.object({
  version: z.literal(LABS_PROGRESS_VERSION),
  labs: z.record(labIdSchema, labProgressEntrySchema).default({}),
  open: openLabAtRestSchema.nullable().default(null),
});
export type LabsProgressAtRest = z.infer<typeof labsProgressAtRestSchema>;
export type OpenLabAtRest = z.infer<typeof openLabAtRestSchema>;

const labsProgressV1Schema = z.object({
  version: z.literal(1),
  labs: z.record(labIdSchema, labProgressEntrySchema).default({}),
  open: openLabSchema.nullable().default(null),
});

const migrations: Migration[] = [
  {
    from: 1,
    describe: "the open lab's GAX token-uuid and password are kept as secret references, no longer in clear",
    migrate(raw) {
      const v1 = labsProgressV1Schema.safeParse(raw);
      if (!v1.success) return { ok: false, problem: 'it does not match version 1' };
      // Clear values stay readable as they are; the store seals them and writes the file back.
      return { ok: true, value: { ...v1.data, version: 2 } };
    },
  },
];

// The saved shapes must stay assignable to the shared lab types (a drift fails `tsc`).
const _entryFits: (e: z.infer<typeof labProgressEntrySchema>) => LabProgressEntry = (e) => e;
const _gaxFits: (g: z.infer<typeof labGaxSetupSchema>) => LabGaxSetup = (g) => g;
void _entryFits;
void _gaxFits;

export function notStarted(): LabProgressEntry {
  return { status: 'not-started', hintsShown: 0, revealed: false, attempts: 0, startedAt: null, solvedAt: null };
}

export function defaultLabsProgress(): LabsProgressAtRest {
  return { version: LABS_PROGRESS_VERSION, labs: {}, open: null };
}

export const labsProgressFormat: FileFormat<LabsProgressAtRest> = {
  fileName: LABS_PROGRESS_FILE,
  label: 'lab progress',
  currentVersion: LABS_PROGRESS_VERSION,
  schema: labsProgressAtRestSchema,
  migrations,
  defaults: defaultLabsProgress,
};
