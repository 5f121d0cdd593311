/**
 * Profiles, secrets and settings: thin over the store. Store errors pass through with their own
 * codes (NOT_FOUND, DUPLICATE_NAME, IN_USE…); every secret leaves main masked, except through
 * `secrets.reveal`.
 */
import { maskTokenUuid, parseTokenUuid } from '../../core/index.js';
import { isSecretOptionName, type Profile, type SecretIssue, type StoreResult } from '../../store/index.js';
import type { HandlersOf } from '../contract/index.js';
import type { storeRequests } from '../contract/store.js';
import type { ProfileView, SecretView } from '../contract/store.js';
import { HandlerError } from '../result.js';
import type { IpcServices } from '../context.js';

/** The same for every password, so the mask says nothing about its length. */
const PASSWORD_MASK = '••••••••';

export function storeHandlers(services: IpcServices): HandlersOf<typeof storeRequests> {
  const { store } = services;
  const summaryOf = (p: Profile) => {
    const summary = store.profiles.list().find((s) => s.id === p.id);
    if (!summary) throw new Error('a profile just saved is missing from the list');
    return summary;
  };
  return {
    async 'profiles.list'() {
      return { profiles: store.profiles.list() };
    },
    async 'profiles.get'({ id }) {
      return profileView(unwrap(store.profiles.get(id)));
    },
    async 'profiles.create'(input) {
      return summaryOf(unwrap(await store.profiles.create(input)));
    },
    async 'profiles.update'({ id, patch }) {
      return summaryOf(unwrap(await store.profiles.update(id, patch)));
    },
    async 'profiles.rename'({ id, name }) {
      return summaryOf(unwrap(await store.profiles.rename(id, name)));
    },
    async 'profiles.duplicate'({ id }) {
      return summaryOf(unwrap(await store.profiles.duplicate(id)));
    },
    async 'profiles.remove'({ id }) {
      return unwrap(await store.profiles.remove(id));
    },
    async 'profiles.export'({ ids, includeSecrets }) {
      const chosen = ids ?? store.profiles.list().map((p) => p.id);
      if (chosen.length === 0) throw new HandlerError('NOTHING_TO_EXPORT', 'there are no profiles to export', 'Create or import a profile first.');
      const exported = unwrap(store.profiles.exportJson(chosen, { includeSecrets }));
      const day = new Date(services.clock()).toISOString().slice(0, 10);
      return { fileName: `gax-token-lab-profiles-${day}.json`, content: exported.text, warnings: exported.warnings };
    },
    async 'profiles.import'({ text }) {
      const imported = unwrap(await store.profiles.importJson(text));
      return {
        imported: imported.imported,
        problems: imported.renamed.map(
          (r) => `${JSON.stringify(r.from)} was imported as ${JSON.stringify(r.to)}: a profile of that kind already had the name`,
        ),
      };
    },
    async 'secrets.reveal'({ profileId, field }) {
      return { value: revealSecret(unwrap(store.profiles.get(profileId)), field) };
    },
    async 'settings.get'() {
      return {
        settings: store.settings.get(),
        notices: [...store.notices],
        warnings: [...store.warnings],
        secretStorage: services.secretStorage(),
        dataDir: store.dir,
      };
    },
    async 'settings.update'({ patch }) {
      return { settings: unwrap(await store.settings.update(patch)) };
    },
  };
}

/** A store answer's value, or its error as the IPC answer (the shapes already match). */
function unwrap<T>(result: StoreResult<T>): T {
  if (result.ok) return result.data;
  throw new HandlerError(result.error.code, result.error.message, result.error.hint);
}

export function profileView(p: Profile): ProfileView {
  const common = {
    id: p.id,
    name: p.name,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    secretIssues: p.secretIssues.map((i) => ({ option: i.option, userName: i.userName, state: i.state, message: i.message })),
  };
  if (p.kind === 'pair') return { ...common, kind: 'pair', csProfileId: p.csProfileId, gaxProfileId: p.gaxProfileId };
  const options = maskedOptions(p.options, p.secretIssues);
  if (p.kind === 'gax') return { ...common, kind: 'gax', options };
  return {
    ...common,
    kind: 'cs',
    options,
    listeners: p.listeners.map((l) => ({ host: l.host, port: l.port, tls: l.tls })),
    users: p.users.map((u) => ({
      userName: u.userName,
      enabled: u.enabled,
      password: u.password !== undefined ? { set: true, masked: PASSWORD_MASK } : UNSET,
    })),
  };
}

const UNSET: SecretView = { set: false, masked: '' };

/** Secret options as `{set, masked}`; one this session could not load is listed unset (its issue says why). */
function maskedOptions(options: Record<string, string>, issues: readonly SecretIssue[]): Record<string, string | SecretView> {
  const out: Record<string, string | SecretView> = {};
  for (const [name, value] of Object.entries(options)) out[name] = isSecretOptionName(name) ? { set: true, masked: maskSecret(value) } : value;
  for (const issue of issues) if (issue.option !== null && !(issue.option in out)) out[issue.option] = UNSET;
  return out;
}

/** A token-uuid shows its last four digits, as everywhere in the app; anything else shows nothing of itself. */
function maskSecret(value: string): string {
  const uuid = parseTokenUuid(value);
  return uuid.ok ? maskTokenUuid(uuid.canonical) : PASSWORD_MASK;
}

function revealSecret(p: Profile, field: { option?: string | undefined; userName?: string | undefined }): string {
  const owner = `${p.kind === 'cs' ? 'CS profile' : p.kind === 'gax' ? 'GAX profile' : 'pair'} ${JSON.stringify(p.name)}`;
  if (p.kind === 'pair') throw new HandlerError('WRONG_KIND', `the ${owner} holds no secrets of its own`, 'Reveal it in its CS or GAX profile.');
  const issueFor = (match: (i: SecretIssue) => boolean) => p.secretIssues.find(match);
  if (field.option !== undefined) {
    const option = field.option;
    if (!isSecretOptionName(option))
      throw new HandlerError('NOT_A_SECRET', `${option} is not a secret option: it is shown as it is`, 'Read it in the profile.');
    const value = p.options[option];
    if (value !== undefined) return value;
    const issue = issueFor((i) => i.option === option);
    if (issue) throw new HandlerError('SECRET_UNAVAILABLE', issue.message, 'Enter it again in the profile.');
    throw new HandlerError('NOT_FOUND', `the ${owner} has no ${option}`, 'Set it in the profile first.');
  }
  if (p.kind !== 'cs') throw new HandlerError('WRONG_KIND', `the ${owner} has no users`, 'Users belong to CS profiles.');
  const user = p.users.find((u) => u.userName === field.userName);
  if (!user) throw new HandlerError('NOT_FOUND', `the ${owner} has no user ${JSON.stringify(field.userName)}`, 'Reload the profile.');
  if (user.password !== undefined) return user.password;
  const issue = issueFor((i) => i.userName === user.userName);
  if (issue) throw new HandlerError('SECRET_UNAVAILABLE', issue.message, 'Enter the password again in the profile.');
  throw new HandlerError(
    'NO_PASSWORD',
    `user ${JSON.stringify(user.userName)} of the ${owner} has no password: it logs in with tokens only`,
    'Set a password in the profile first.',
  );
}
