/**
 * Option snippets and the doctor. The doctor's answer is its core result with secret values masked
 * (the renderer sent the text, but answers stay secret-free).
 */
import { z } from 'zod';
import { RULE_IDS } from '../../core/doctor/types.js';
import { ADVICE_SOURCE_IDS, GENESYS_SOURCE_IDS, MODEL_SOURCE_IDS } from '../../core/sources.js';
import { request } from './define.js';

/** Option names and values as an options section holds them; the writer refuses what a file cannot hold. */
const optionSection = z.record(z.string().min(1).max(128), z.string().max(4096)).refine((o) => Object.keys(o).length <= 200, 'more than 200 options');
const application = z.enum(['cs', 'gax']);

const renderedFile = z.strictObject({ fileName: z.string(), text: z.string() });

const parsedFile = z.strictObject({
  name: z.string(),
  format: z.enum(['options-file', 'profile-json', 'option-set']),
  application,
  applicationSource: z.enum(['caller', 'detected', 'profile']),
  applicationReason: z.string(),
  /** what the file is: a CS, CS Proxy or GAX options export, or a master CS's local configuration file */
  role: z.enum(['cs', 'csproxy', 'gax', 'cs-local-config']).optional(),
  roleReason: z.string().optional(),
  sections: z.array(
    z.strictObject({
      name: z.string(),
      line: z.number().nullable(),
      options: z.array(
        z.strictObject({ section: z.string(), name: z.string(), value: z.string(), line: z.number().nullable(), secret: z.boolean() }),
      ),
    }),
  ),
  normalised: z.array(z.strictObject({ kind: z.string(), lines: z.array(z.number()), message: z.string() })),
});

/** Whose word a claim is (core/sources.ts): a Genesys document, the tool's model, or advice. */
export const sourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('genesys'), id: z.enum(GENESYS_SOURCE_IDS) }),
  z.strictObject({ kind: z.literal('model'), id: z.enum(MODEL_SOURCE_IDS) }),
  z.strictObject({ kind: z.literal('advice'), id: z.enum(ADVICE_SOURCE_IDS) }),
]);

const finding = z.strictObject({
  id: z.enum(RULE_IDS),
  severity: z.enum(['error', 'warning', 'info']),
  source: sourceSchema,
  message: z.string(),
  why: z.string(),
  fix: z.string(),
  application: application.nullable(),
  file: z.string().nullable(),
  line: z.number().nullable(),
  option: z.string().nullable(),
  afterFixes: z.boolean(),
});

const correctedFile = z.strictObject({
  application,
  fileName: z.string(),
  text: z.string(),
  changed: z.boolean(),
  options: z.strictObject({ application, sections: z.record(z.string(), z.record(z.string(), z.string())) }),
  secretsOmitted: z.boolean(),
});

const readError = z.strictObject({ code: z.string(), file: z.string(), line: z.number().nullable(), message: z.string() });

export const doctorResult = z.strictObject({
  files: z.array(parsedFile),
  findings: z.array(finding),
  corrected: z.array(correctedFile),
  errors: z.array(readError),
  /** what the files cannot show (the token-uuid GAX signs with, clocks, TLS, accounts…) */
  notChecked: z.array(z.string()),
});

export const optionsRequests = {
  'options.render': request(
    z.strictObject({
      /** CS `[system]` options */
      cs: optionSection,
      /** GAX `[general]` options */
      gax: optionSection,
      /** write the token-uuid in clear; without it the line is a commented placeholder */
      includeSecrets: z.boolean(),
    }),
    z.strictObject({ cs: renderedFile, gax: renderedFile, checklist: z.string() }),
    'the option snippets to paste into CS and GAX, and the order to change them in',
  ),
  'doctor.diagnose': request(
    z.strictObject({
      files: z
        .array(z.strictObject({ name: z.string().min(1).max(255), text: z.string().max(2 * 1024 * 1024), application: application.optional() }))
        .min(1)
        // A whole deployment (primary and backup CS, CS Proxies, GAX) fits in 20 files; web mode's socket
        // limit (core/web-bridge.ts) is sized from 20 files of 2 MiB.
        .max(20),
      users: z.array(z.string().min(1).max(255)).max(1000).optional(),
      /** measured CS clock − GAX clock, seconds */
      clockOffsetSeconds: z.number().min(-1e9).max(1e9).optional(),
    }),
    doctorResult,
    'read exported option files and say what is wrong, why, and the corrected lines',
  ),
} as const;
