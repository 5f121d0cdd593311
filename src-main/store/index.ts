/**
 * Settings and profiles on disk: versioned and migrated, written atomically with the previous
 * copy kept, corrupt files set aside and reported, secrets never in clear. Plain Node: Electron's
 * `safeStorage` comes in through `safeStorageCipher`.
 */
export { openStore, type OpenStoreOptions, type Store, type SettingsApi, type ProfilesApi, type LabsProgressApi } from './open-store.js';
export { notStarted, type OpenLab, type LabsProgress } from './labs-progress-schema.js';
export type { StoreError, StoreErrorCode, StoreResult } from './result.js';
export type { StoreNotice } from './versioned-file.js';
export { safeStorageCipher, SessionSecretVault, isSecretOptionName, type SecretCipher, type SafeStorageLike, type SecretRef } from './secrets.js';
export type { SecretMode, SecretModeInfo, SecretStorageChoice } from './secret-keeper.js';
export type { Settings, SettingsPatch, WindowState } from './settings-schema.js';
export { THEMES, VIEWS } from './settings-schema.js';
export type { Profile, CsProfile, GaxProfile, PairProfile, CsUser, ProfileSummary, SecretIssue } from './profile-model.js';
export type { ProfileInput, ProfilePatch, CsProfilePatch, GaxProfilePatch, PairProfilePatch, ProfileKind, Listener } from './profiles-schema.js';
export type { ExportOptions, ExportResult, ImportResult } from './profile-transfer.js';
