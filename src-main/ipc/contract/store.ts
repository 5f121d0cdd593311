/**
 * Profiles, secrets and settings. Outputs never carry a secret: each one is `{set, masked}` in its
 * place, and only `secrets.reveal` — an explicit action of the person — answers a value.
 *
 * Inputs are declared here by shape (the renderer type-checks against this file, so nothing from
 * the store — which needs Node — is imported); the store checks the meaning (names, user names,
 * option names and values) and answers its own codes: INVALID_INPUT, DUPLICATE_NAME, NOT_FOUND…
 */
import { z } from 'zod';
import { event, noInput, request } from './define.js';

const profileId = z.string().min(1).max(100);
const name = z.string().max(200);
const optionName = z.string().min(1).max(128);
const optionValue = z.string().max(4096);
const userName = z.string().min(1).max(255);
const password = z.string().max(1024);
const listener = z.strictObject({ host: z.string().min(1).max(253), port: z.number().int(), tls: z.boolean().optional() });

export const profileSummary = z.strictObject({
  id: z.string(),
  kind: z.enum(['cs', 'gax', 'pair']),
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** secrets the profile has but this session could not load */
  secretIssueCount: z.number(),
});

/** What a new profile holds: a CS profile its `[system]` options, listeners and users; a GAX profile its `[general]` options; a pair one of each. */
export const profileInput = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('cs'),
    name,
    options: z.record(optionName, optionValue).optional(),
    listeners: z.array(listener).max(64).optional(),
    users: z
      .array(z.strictObject({ userName, enabled: z.boolean().optional(), password: password.optional() }))
      .max(10_000)
      .optional(),
  }),
  z.strictObject({ kind: z.literal('gax'), name, options: z.record(optionName, optionValue).optional() }),
  z.strictObject({ kind: z.literal('pair'), name, csProfileId: profileId, gaxProfileId: profileId }),
]);

/**
 * Every field a patch of any kind may hold; the store checks them against the profile's kind (a
 * `users` change to a GAX profile is refused there, with the profile named). In `options`, null
 * removes an option; a user's `password` left out keeps the saved one, null removes it.
 */
const profilePatch = z.strictObject({
  name: name.optional(),
  options: z.record(optionName, optionValue.nullable()).optional(),
  listeners: z.array(listener).max(64).optional(),
  users: z
    .array(z.strictObject({ userName, enabled: z.boolean().optional(), password: password.nullable().optional() }))
    .max(10_000)
    .optional(),
  csProfileId: profileId.optional(),
  gaxProfileId: profileId.optional(),
});

/** A secret as the renderer sees it: whether there is one this session can use, and a masked form. */
export const secretView = z.strictObject({ set: z.boolean(), masked: z.string() });
export type SecretView = z.infer<typeof secretView>;

const optionsView = z.record(z.string(), z.union([z.string(), secretView]));
const secretIssue = z.strictObject({
  option: z.string().nullable(),
  userName: z.string().nullable(),
  state: z.enum(['unreadable', 'not-kept']),
  message: z.string(),
});
const common = {
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  secretIssues: z.array(secretIssue),
};

export const profileView = z.discriminatedUnion('kind', [
  z.strictObject({
    ...common,
    kind: z.literal('cs'),
    /** `[system]` options; a secret one (token-uuid) as `{set, masked}` */
    options: optionsView,
    listeners: z.array(z.strictObject({ host: z.string(), port: z.number(), tls: z.boolean() })),
    users: z.array(z.strictObject({ userName: z.string(), enabled: z.boolean(), password: secretView })),
  }),
  z.strictObject({ ...common, kind: z.literal('gax'), options: optionsView }),
  z.strictObject({ ...common, kind: z.literal('pair'), csProfileId: z.string(), gaxProfileId: z.string() }),
]);
export type ProfileView = z.infer<typeof profileView>;

export const storeNotice = z.strictObject({
  file: z.string(),
  problem: z.string(),
  setAsideTo: z.string().nullable(),
  recoveredFrom: z.enum(['backup', 'defaults']),
  message: z.string(),
});

const theme = z.enum(['system', 'light', 'dark']);
const view = z.enum(['setup', 'tokens', 'server', 'connect', 'doctor', 'labs']);
const windowState = z.strictObject({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  maximized: z.boolean(),
});
const lastUsedIds = { csProfileId: z.string().nullable(), gaxProfileId: z.string().nullable(), pairId: z.string().nullable() };
const secretStorageChoice = z.enum(['session-only', 'key-file']);

export const settingsView = z.strictObject({
  version: z.literal(1),
  theme,
  /** the main window's last bounds; null until it was first moved */
  window: windowState.nullable(),
  zoomFactor: z.number(),
  lastView: view,
  lastUsed: z.strictObject(lastUsedIds),
  /** web mode only: keep secrets for the session, or save them with the key file */
  secretStorage: secretStorageChoice,
});

/** Shape only; the store checks the ranges (window size, zoom 0.5–3, profile ids). */
const settingsPatch = z.strictObject({
  theme: theme.optional(),
  window: windowState.nullable().optional(),
  zoomFactor: z.number().optional(),
  lastView: view.optional(),
  lastUsed: z.strictObject(lastUsedIds).partial().optional(),
  secretStorage: secretStorageChoice.optional(),
});

export const secretStorageView = z.strictObject({
  mode: z.enum(['os-keychain', 'key-file', 'session-only']),
  /** the sentence the UI shows next to every secret field (and why the mode is not the chosen one) */
  description: z.string(),
});

export const storeRequests = {
  'profiles.list': request(noInput, z.strictObject({ profiles: z.array(profileSummary) }), 'every saved profile, in order'),
  'profiles.get': request(z.strictObject({ id: profileId }), profileView, 'one profile, its secrets masked'),
  'profiles.create': request(profileInput, profileSummary, 'save a new CS, GAX or pair profile'),
  'profiles.update': request(z.strictObject({ id: profileId, patch: profilePatch }), profileSummary, 'change fields of a profile'),
  'profiles.rename': request(z.strictObject({ id: profileId, name }), profileSummary, 'rename a profile'),
  'profiles.duplicate': request(z.strictObject({ id: profileId }), profileSummary, 'copy a profile as "<name> (copy)"'),
  'profiles.remove': request(z.strictObject({ id: profileId }), z.strictObject({ id: z.string() }), 'delete a profile'),
  'profiles.export': request(
    z.strictObject({ ids: z.array(profileId).min(1).max(10_000).optional(), includeSecrets: z.boolean() }),
    z.strictObject({
      fileName: z.string(),
      content: z.string(),
      /** secrets asked for that are not in the export (this session could not load them) */
      warnings: z.array(z.string()),
    }),
    'profiles as a JSON text to keep or send (all of them when no ids are given); secrets only when asked',
  ),
  'profiles.import': request(
    z.strictObject({ text: z.string().max(5 * 1024 * 1024) }),
    z.strictObject({ imported: z.array(profileSummary), problems: z.array(z.string()) }),
    'add the profiles of an export; a taken name is renamed',
  ),
  'secrets.reveal': request(
    z.strictObject({
      profileId,
      field: z
        .strictObject({ option: optionName.optional(), userName: userName.optional() })
        .refine((f) => (f.option === undefined) !== (f.userName === undefined), 'give either option or userName, not both'),
    }),
    z.strictObject({ value: z.string() }),
    "a profile's secret in clear — only on the person's explicit action",
  ),
  'settings.get': request(
    noInput,
    z.strictObject({
      settings: settingsView,
      /** files that could not be used at start, each set aside and recovered */
      notices: z.array(storeNotice),
      /** other things to tell the person from start-up, one line each */
      warnings: z.array(z.string()),
      secretStorage: secretStorageView,
      dataDir: z.string(),
    }),
    'the settings, what start-up recovered, and where secrets are kept',
  ),
  'settings.update': request(z.strictObject({ patch: settingsPatch }), z.strictObject({ settings: settingsView }), 'change settings'),
} as const;

export const storeEvents = {
  'store.notices': event(
    z.strictObject({ notices: z.array(storeNotice) }),
    'files set aside and recovered (sent to each new subscriber while there are any; settings.get has them too)',
  ),
} as const;
