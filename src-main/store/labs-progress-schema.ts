/**
 * labs-progress.json: how far the trainee got in each lab (hints shown, revealed, attempts,
 * solved), and the lab left open with its GAX side, so a restart puts them back where they were.
 * Version 1 is the first; there is nothing to migrate yet.
 *
 * The GAX side holds a token-uuid and maybe a password: both are training values published with
 * the scenario (or typed by the trainee while fixing it), not customer secrets — the file is
 * private to the user like the others, and its contents are never logged.
 */
import { z } from 'zod';
import type { LabGaxSetup, LabProgressEntry } from '../core/labs/types.js';
import type { FileFormat } from './versioned-file.js';

export const LABS_PROGRESS_FILE = 'labs-progress.json';
export const LABS_PROGRESS_VERSION = 1;

/** Scenario ids are kebab-case (core/labs/types.ts); anything else is not one of ours. */
export const labIdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'is not a lab id (kebab-case)' }).max(64);

const isoInstant = z.iso.datetime({ offset: true });
const INT32_MAX = 2147483647;

export const labProgressEntrySchema = z.strictObject({
  status: z.enum(['not-started', 'in-progress', 'solved']),
  hintsShown: z.int().min(0).max(100),
  revealed: z.boolean(),
  attempts: z.int().min(0).max(INT32_MAX),
  startedAt: isoInstant.nullable(),
  solvedAt: isoInstant.nullable(),
});

const tokenSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('mint') }),
  z.strictObject({ kind: z.literal('replay'), issuedMinutesAgo: z.number().min(0).max(10 * 366 * 1440), lifeMinutes: z.int().min(1).max(INT32_MAX) }),
]);

/** By shape only: the lab session checks the meaning (a UUID, a preamble) before it runs a login. */
export const labGaxSetupSchema = z.strictObject({
  confservTrusted: z.boolean(),
  tokenLifeMinutes: z.int().min(1).max(INT32_MAX),
  tokenUuid: z.string().max(200),
  preamble: z.string().max(64),
  userName: z.string().max(1024),
  tokenUserName: z.string().max(1024).optional(),
  password: z.string().max(1024).optional(),
  clockOffsetSeconds: z.number().min(-10 * 366 * 86400).max(10 * 366 * 86400),
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

export type LabsProgress = z.infer<typeof labsProgressSchema>;
export type OpenLab = z.infer<typeof openLabSchema>;

// The saved shapes must stay assignable to the shared lab types (a drift fails `tsc`).
const _entryFits: (e: z.infer<typeof labProgressEntrySchema>) => LabProgressEntry = (e) => e;
const _gaxFits: (g: z.infer<typeof labGaxSetupSchema>) => LabGaxSetup = (g) => g;
void _entryFits;
void _gaxFits;

export function notStarted(): LabProgressEntry {
  return { status: 'not-started', hintsShown: 0, revealed: false, attempts: 0, startedAt: null, solvedAt: null };
}

export function defaultLabsProgress(): LabsProgress {
  return { version: LABS_PROGRESS_VERSION, labs: {}, open: null };
}

export const labsProgressFormat: FileFormat<LabsProgress> = {
  fileName: LABS_PROGRESS_FILE,
  label: 'lab progress',
  currentVersion: LABS_PROGRESS_VERSION,
  schema: labsProgressSchema,
  migrations: [],
  defaults: defaultLabsProgress,
};
