/**
 * profiles.json and the inputs that change it. A CS profile holds its `[system]` options, its
 * listeners and its users; a GAX profile its `[general]` options; a pair names one of each, as the
 * wizard uses them. Secret values appear in the file only as references (see secrets.ts).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { checkUsername } from '../core/index.js';
import type { Migration } from './migrations.js';
import { isSecretOptionName, secretRefSchema } from './secrets.js';
import type { FileFormat } from './versioned-file.js';

export const PROFILES_FILE = 'profiles.json';
export const PROFILES_VERSION = 1;
export const PROFILE_KINDS = ['cs', 'gax', 'pair'] as const;
export type ProfileKind = (typeof PROFILE_KINDS)[number];
export const KIND_LABEL: Record<ProfileKind, string> = { cs: 'CS profile', gax: 'GAX profile', pair: 'pair' };

/** Names are unique per kind regardless of case and surrounding spaces. */
export function nameKey(name: string): string {
  return name.trim().normalize('NFC').toLowerCase();
}

export const MAX_PROFILE_NAME_CHARS = 80;

export const profileNameSchema = z
  .string()
  .trim()
  .min(1, 'the name is empty')
  .max(MAX_PROFILE_NAME_CHARS, `the name is longer than ${MAX_PROFILE_NAME_CHARS} characters`)
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'the name holds a control character');

export const optionNameSchema = z
  .string()
  .min(1, 'an option name is empty')
  .max(128, 'an option name is longer than 128 characters')
  .regex(/^[^\s=[\]]+$/, 'an option name cannot hold spaces, "=", "[" or "]"');

export const optionValueSchema = z
  .string()
  .max(4096, 'an option value is longer than 4096 characters')
  .refine((s) => !/[\r\n\u0000]/.test(s), 'an option value must fit on one line');

const userNameSchema = z.string().superRefine((s, ctx) => {
  const why = checkUsername(s);
  if (why) ctx.addIssue({ code: 'custom', message: why });
});

const passwordSchema = z.string().max(1024, 'the password is longer than 1024 characters');

const listenerFields = {
  host: z
    .string()
    .min(1, 'the host is empty')
    .max(253, 'the host is longer than 253 characters')
    .regex(/^[^\s/]+$/, 'the host cannot hold spaces or "/"'),
  port: z.number().int('the port is not a whole number').min(1, 'the port is below 1').max(65535, 'the port is above 65535'),
  tls: z.boolean().default(false),
};
const listenerSchema = z.object(listenerFields);
const listenerInputSchema = z.strictObject(listenerFields);
export type Listener = z.infer<typeof listenerSchema>;

function noDuplicateUsers(users: readonly { userName: string }[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  users.forEach((u, i) => {
    if (seen.has(u.userName))
      ctx.addIssue({ code: 'custom', path: ['users', i, 'userName'], message: `the user ${JSON.stringify(u.userName)} is listed twice` });
    seen.add(u.userName);
  });
}

function noDuplicateListeners(listeners: readonly { host: string; port: number }[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  listeners.forEach((l, i) => {
    const key = `${l.host.toLowerCase()}:${l.port}`;
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['listeners', i], message: `the listener ${key} is listed twice` });
    seen.add(key);
  });
}

// ---- the file (version 1) ----

const plainOptionsSchema = z.record(optionNameSchema, optionValueSchema).superRefine((options, ctx) => {
  for (const name of Object.keys(options))
    if (isSecretOptionName(name)) ctx.addIssue({ code: 'custom', path: [name], message: `the secret option ${name} is stored in clear` });
});

const recordBase = {
  id: z.uuid(),
  name: profileNameSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
};

const csRecordSchema = z
  .object({
    ...recordBase,
    kind: z.literal('cs'),
    options: plainOptionsSchema.default({}),
    secretOptions: z.record(optionNameSchema, secretRefSchema).default({}),
    listeners: z.array(listenerSchema).max(64).default([]),
    users: z
      .array(z.object({ userName: userNameSchema, enabled: z.boolean(), password: secretRefSchema.optional() }))
      .max(10_000)
      .default([]),
  })
  .superRefine((r, ctx) => {
    noDuplicateUsers(r.users, ctx);
    noDuplicateListeners(r.listeners, ctx);
  });

const gaxRecordSchema = z.object({
  ...recordBase,
  kind: z.literal('gax'),
  options: plainOptionsSchema.default({}),
  secretOptions: z.record(optionNameSchema, secretRefSchema).default({}),
});

const pairRecordSchema = z.object({ ...recordBase, kind: z.literal('pair'), csProfileId: z.uuid(), gaxProfileId: z.uuid() });

export const profileRecordSchema = z.discriminatedUnion('kind', [csRecordSchema, gaxRecordSchema, pairRecordSchema]);
export type ProfileRecord = z.infer<typeof profileRecordSchema>;
export type CsRecord = z.infer<typeof csRecordSchema>;
export type GaxRecord = z.infer<typeof gaxRecordSchema>;
export type PairRecord = z.infer<typeof pairRecordSchema>;

/** Ids unique, names unique per kind, each pair naming a CS and a GAX profile that exist. */
export function checkProfileSet(profiles: readonly ProfileRecord[], ctx: z.RefinementCtx, at: PropertyKey = 'profiles'): void {
  const ids = new Map<string, ProfileKind>();
  const names = new Set<string>();
  profiles.forEach((p, i) => {
    if (ids.has(p.id)) ctx.addIssue({ code: 'custom', path: [at, i, 'id'], message: `the id ${p.id} is used twice` });
    ids.set(p.id, p.kind);
    const key = `${p.kind}:${nameKey(p.name)}`;
    if (names.has(key))
      ctx.addIssue({ code: 'custom', path: [at, i, 'name'], message: `two ${KIND_LABEL[p.kind]}s are named ${JSON.stringify(p.name)}` });
    names.add(key);
  });
  profiles.forEach((p, i) => {
    if (p.kind !== 'pair') return;
    if (ids.get(p.csProfileId) !== 'cs') ctx.addIssue({ code: 'custom', path: [at, i, 'csProfileId'], message: 'it names no CS profile' });
    if (ids.get(p.gaxProfileId) !== 'gax') ctx.addIssue({ code: 'custom', path: [at, i, 'gaxProfileId'], message: 'it names no GAX profile' });
  });
}

export const profilesFileSchema = z
  .object({ version: z.literal(PROFILES_VERSION), profiles: z.array(profileRecordSchema).max(10_000) })
  .superRefine((file, ctx) => checkProfileSet(file.profiles, ctx));
export type ProfilesFile = z.infer<typeof profilesFileSchema>;

// ---- version 0: the prototype's file, CS profiles only, no ids, never any secret ----

const profilesV0Schema = z.object({
  profiles: z.array(
    z.object({
      name: z.string(),
      system: z.record(z.string(), z.string()).default({}),
      listeners: z.array(z.object({ host: z.string(), port: z.number(), tls: z.boolean().optional() })).default([]),
      users: z.array(z.object({ userName: z.string(), enabled: z.boolean().default(true) })).default([]),
    }),
  ),
});

export const profilesMigrations: readonly Migration[] = [
  {
    from: 0,
    describe: 'every profile becomes a CS profile with an id and timestamps; `system` becomes `options`',
    migrate(raw, { nowIso }) {
      const parsed = profilesV0Schema.safeParse(raw);
      if (!parsed.success) return { ok: false, problem: parsed.error.issues[0]?.message ?? 'not a version-0 profiles file' };
      for (const p of parsed.data.profiles) {
        const secret = Object.keys(p.system).find(isSecretOptionName);
        // Version 0 never held secrets; one that does was edited by hand and is not ours to re-encrypt silently.
        if (secret) return { ok: false, problem: `the profile ${JSON.stringify(p.name)} holds ${secret} in clear` };
      }
      return {
        ok: true,
        value: {
          version: 1,
          profiles: parsed.data.profiles.map((p) => ({
            id: randomUUID(),
            kind: 'cs',
            name: p.name,
            createdAt: nowIso,
            updatedAt: nowIso,
            options: p.system,
            secretOptions: {},
            listeners: p.listeners.map((l) => ({ host: l.host, port: l.port, tls: l.tls ?? false })),
            users: p.users,
          })),
        },
      };
    },
  },
];

export const profilesFormat: FileFormat<ProfilesFile> = {
  fileName: PROFILES_FILE,
  label: 'profiles',
  currentVersion: PROFILES_VERSION,
  schema: profilesFileSchema,
  migrations: profilesMigrations,
  unversionedIs: 0,
  defaults: () => ({ version: PROFILES_VERSION, profiles: [] }),
};

// ---- what callers send ----

const optionsInputSchema = z.record(optionNameSchema, optionValueSchema);
const userInputSchema = z.strictObject({ userName: userNameSchema, enabled: z.boolean().default(true), password: passwordSchema.optional() });

const csInputShape = {
  kind: z.literal('cs'),
  name: profileNameSchema,
  options: optionsInputSchema.default({}),
  listeners: z.array(listenerInputSchema).max(64, 'more than 64 listeners').default([]),
  users: z.array(userInputSchema).max(10_000, 'more than 10000 users').default([]),
};
const gaxInputShape = { kind: z.literal('gax'), name: profileNameSchema, options: optionsInputSchema.default({}) };
const pairInputShape = { kind: z.literal('pair'), name: profileNameSchema, csProfileId: z.uuid(), gaxProfileId: z.uuid() };

function csInputRules(
  p: { users: readonly { userName: string }[]; listeners: readonly { host: string; port: number }[] },
  ctx: z.RefinementCtx,
): void {
  noDuplicateUsers(p.users, ctx);
  noDuplicateListeners(p.listeners, ctx);
}

export const profileInputSchema = z.discriminatedUnion('kind', [
  z.strictObject(csInputShape).superRefine(csInputRules),
  z.strictObject(gaxInputShape),
  z.strictObject(pairInputShape),
]);
export type ProfileInput = z.input<typeof profileInputSchema>;
export type ParsedProfileInput = z.output<typeof profileInputSchema>;

/**
 * One profile in an export file: the create input plus the id it had, which the pairs in the
 * same file use to name their members (ids are replaced with new ones on import).
 */
const exportIdSchema = z.string().min(1, 'the id is empty').max(100, 'the id is longer than 100 characters');
const pairRefSchema = z.string().min(1).max(100);
export const exportedProfileSchema = z.discriminatedUnion('kind', [
  z.strictObject({ id: exportIdSchema, ...csInputShape }).superRefine(csInputRules),
  z.strictObject({ id: exportIdSchema, ...gaxInputShape }),
  z.strictObject({ id: exportIdSchema, ...pairInputShape, csProfileId: pairRefSchema, gaxProfileId: pairRefSchema }),
]);
export type ExportedProfile = z.output<typeof exportedProfileSchema>;

export const EXPORT_FORMAT = 'gax-token-lab/profiles';
export const EXPORT_VERSION = 1;
export const exportFileSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string().max(40).optional(),
  includesSecrets: z.boolean().optional(),
  profiles: z.array(exportedProfileSchema).max(10_000, 'more than 10000 profiles'),
});

/**
 * Patches: a field left out stays as it is. In `options`, `null` removes an option. A user's
 * `password` left out keeps the saved one (even one this session cannot decrypt); `null` removes it.
 */
export const csProfilePatchSchema = z
  .strictObject({
    name: profileNameSchema.optional(),
    options: z.record(optionNameSchema, optionValueSchema.nullable()).optional(),
    listeners: z.array(listenerInputSchema).max(64, 'more than 64 listeners').optional(),
    users: z
      .array(z.strictObject({ userName: userNameSchema, enabled: z.boolean().default(true), password: passwordSchema.nullable().optional() }))
      .max(10_000, 'more than 10000 users')
      .optional(),
  })
  .superRefine((p, ctx) => {
    if (p.users) noDuplicateUsers(p.users, ctx);
    if (p.listeners) noDuplicateListeners(p.listeners, ctx);
  });
export const gaxProfilePatchSchema = z.strictObject({
  name: profileNameSchema.optional(),
  options: z.record(optionNameSchema, optionValueSchema.nullable()).optional(),
});
export const pairProfilePatchSchema = z.strictObject({
  name: profileNameSchema.optional(),
  csProfileId: z.uuid().optional(),
  gaxProfileId: z.uuid().optional(),
});
export type CsProfilePatch = z.input<typeof csProfilePatchSchema>;
export type GaxProfilePatch = z.input<typeof gaxProfilePatchSchema>;
export type PairProfilePatch = z.input<typeof pairProfilePatchSchema>;
export type ProfilePatch = CsProfilePatch | GaxProfilePatch | PairProfilePatch;
