/**
 * settings.json: what the desktop app remembers between runs. Version 1 is current; version 0 is
 * the prototype's unversioned file (`darkMode`, `bounds`, `maximized`, `lastProfile`).
 */
import { z } from 'zod';
import type { FileFormat } from './versioned-file.js';
import type { Migration } from './migrations.js';
import { SECRET_STORAGE_CHOICES } from './secret-keeper.js';

export const SETTINGS_FILE = 'settings.json';
export const SETTINGS_VERSION = 1;

export const THEMES = ['system', 'light', 'dark'] as const;
export const VIEWS = ['setup', 'tokens', 'server', 'connect', 'doctor', 'labs'] as const;

const coordinate = z.number().int().min(-100_000).max(100_000);
const extent = z.number().int().min(100).max(100_000);

export const windowStateSchema = z.object({
  x: coordinate,
  y: coordinate,
  width: extent,
  height: extent,
  maximized: z.boolean(),
});

const profileId = z.uuid();

export const lastUsedSchema = z.object({
  csProfileId: profileId.nullable(),
  gaxProfileId: profileId.nullable(),
  pairId: profileId.nullable(),
});

export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  theme: z.enum(THEMES).default('system'),
  /** the main window's last bounds, restored at start; null until the window was first moved */
  window: windowStateSchema.nullable().default(null),
  zoomFactor: z.number().min(0.5).max(3).default(1),
  lastView: z.enum(VIEWS).default('setup'),
  /** what the wizard and the views open with */
  lastUsed: lastUsedSchema.default({ csProfileId: null, gaxProfileId: null, pairId: null }),
  /** web mode only (no OS keychain): keep secrets for the session, or save them with the key file */
  secretStorage: z.enum(SECRET_STORAGE_CHOICES).default('session-only'),
});

export type Settings = z.infer<typeof settingsSchema>;
export type WindowState = z.infer<typeof windowStateSchema>;

export function defaultSettings(): Settings {
  return settingsSchema.parse({ version: SETTINGS_VERSION });
}

/** What a caller may change; every field optional, unknown fields refused. */
export const settingsPatchSchema = z.strictObject({
  theme: z.enum(THEMES).optional(),
  window: windowStateSchema.nullable().optional(),
  zoomFactor: z.number().min(0.5).max(3).optional(),
  lastView: z.enum(VIEWS).optional(),
  lastUsed: lastUsedSchema.partial().strict().optional(),
  secretStorage: z.enum(SECRET_STORAGE_CHOICES).optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

const settingsV0Schema = z.object({
  darkMode: z.boolean().optional(),
  bounds: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }).optional(),
  maximized: z.boolean().optional(),
  lastProfile: z.string().optional(),
});

export const settingsMigrations: readonly Migration[] = [
  {
    from: 0,
    describe: 'theme from darkMode; window bounds and maximized in one object; lastProfile becomes lastUsed.csProfileId',
    migrate(raw) {
      const parsed = settingsV0Schema.safeParse(raw);
      if (!parsed.success) return { ok: false, problem: parsed.error.issues[0]?.message ?? 'not a version-0 settings file' };
      const v0 = parsed.data;
      const b = v0.bounds;
      // v0 saved bounds as floats from a HiDPI screen; v1 keeps whole pixels.
      const window = b
        ? { x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height), maximized: v0.maximized ?? false }
        : null;
      const lastProfile = v0.lastProfile && profileId.safeParse(v0.lastProfile).success ? v0.lastProfile : null;
      return {
        ok: true,
        value: {
          version: 1,
          theme: v0.darkMode === undefined ? 'system' : v0.darkMode ? 'dark' : 'light',
          window,
          lastUsed: { csProfileId: lastProfile, gaxProfileId: null, pairId: null },
        },
      };
    },
  },
];

export const settingsFormat: FileFormat<Settings> = {
  fileName: SETTINGS_FILE,
  label: 'settings',
  currentVersion: SETTINGS_VERSION,
  schema: settingsSchema,
  migrations: settingsMigrations,
  unversionedIs: 0,
  defaults: defaultSettings,
};
