// The contract test's table: for every request channel, a good payload and malformed ones, each
// with the field its refusal must name. Keyed by channel, so a channel added to the contract
// without a case here fails `tsc`.
import type { RequestChannel } from '../../src-main/ipc/contract/index.js';
import { SECRET_PASSWORD, SECRET_UUID, type TestRuntime } from './helpers.js';

export interface Ctx {
  t: TestRuntime;
  csId: string;
  gaxId: string;
  token: string;
}

export interface BadPayload {
  payload: unknown;
  /** the field the message must name */
  field: string;
}

export interface Case {
  good: (ctx: Ctx) => unknown;
  /** the answer holds a secret on purpose (secrets.reveal): kept out of the leak check */
  revealsSecret?: boolean;
  /** puts things back after the good payload ran (mockcs.stop starts the server again) */
  after?: (ctx: Ctx) => Promise<void>;
  bad: BadPayload[];
}

const gaxCredentials = { kind: 'gax', confservTrusted: true, tokenLifeMinutes: 10, tokenUuid: { kind: 'mockcs' }, preamble: '{PXZ}' };
const loginRun = { runId: 'contract', target: { kind: 'mockcs' }, userName: 'default', credentials: gaxCredentials };

/** Requests that take nothing: anything but nothing (or `{}`) is refused. */
const noInputBad: BadPayload[] = [
  { payload: 'x', field: 'the request' },
  { payload: { verbose: true }, field: 'verbose' },
];

export const CASES: Record<RequestChannel, Case> = {
  'token.mint': {
    good: () => ({ username: 'default', tokenUuid: { kind: 'typed', value: SECRET_UUID }, lifeMinutes: 10, preamble: '{PXZ}' }),
    bad: [
      { payload: { username: 'default', tokenUuid: { kind: 'mockcs' }, lifeMinutes: '10', preamble: '{PXZ}' }, field: 'lifeMinutes' },
      { payload: { tokenUuid: { kind: 'mockcs' }, lifeMinutes: 10, preamble: '{PXZ}' }, field: 'username' },
      {
        payload: { username: 'u', tokenUuid: { kind: 'typed', value: SECRET_UUID, also: SECRET_PASSWORD }, lifeMinutes: 10, preamble: '{PXZ}' },
        field: 'also',
      },
      {
        payload: { username: 'u', tokenUuid: { kind: 'typed', value: SECRET_UUID.repeat(40) }, lifeMinutes: 10, preamble: '{PXZ}' },
        field: 'tokenUuid.value',
      },
    ],
  },
  'token.decode': {
    good: ({ token }) => ({ value: token, preamble: '{PXZ}' }),
    bad: [
      { payload: { value: 5, preamble: '{PXZ}' }, field: 'value' },
      { payload: { preamble: '{PXZ}' }, field: 'value' },
      { payload: { value: 'x', preamble: '{PXZ}', uuid: SECRET_UUID }, field: 'uuid' },
      // a preamble the CS could not have (the core's checkPreamble): a line break, a space
      { payload: { value: '{PX\nZ}abc', preamble: '{PX\nZ}' }, field: 'preamble' },
      { payload: { value: 'x', preamble: 'P Z' }, field: 'preamble' },
    ],
  },
  'token.verify': {
    good: ({ token }) => ({ value: token, preamble: '{PXZ}', tokenUuid: { kind: 'typed', value: SECRET_UUID }, userName: 'default' }),
    bad: [
      { payload: { value: 'x', preamble: '{PXZ}', tokenUuid: { kind: 'typed' } }, field: 'tokenUuid.value' },
      {
        payload: { value: 'x', preamble: '{PXZ}', tokenUuid: { kind: 'mockcs' }, options: { tokenTtlMinutes: -1 } },
        field: 'options.tokenTtlMinutes',
      },
      { payload: { value: 'x', preamble: '{PXZ}', tokenUuid: { kind: 'mockcs' }, strict: true }, field: 'strict' },
      { payload: { value: 'x', preamble: '{PXZ}\r\n', tokenUuid: { kind: 'mockcs' } }, field: 'preamble' },
    ],
  },
  'mockcs.status': { good: () => undefined, bad: noInputBad },
  'mockcs.start': {
    good: () => ({}),
    bad: [
      { payload: { options: { clockOffsetSeconds: 'ten' } }, field: 'options.clockOffsetSeconds' },
      { payload: { options: { tokenUuid: `not-a-uuid-${SECRET_PASSWORD}` } }, field: 'options.tokenUuid' },
      { payload: { options: { users: [] } }, field: 'users' },
      { payload: 'now', field: 'the request' },
    ],
  },
  'mockcs.stop': {
    good: () => undefined,
    after: async ({ t }) => {
      await t.call('mockcs.start', undefined);
    },
    bad: noInputBad,
  },
  'mockcs.hosts': { good: () => undefined, bad: noInputBad },
  'mockcs.tryIt.prepare': {
    good: () => ({ options: { tokenAuthenticationMode: 'enable' }, userName: 'default' }),
    bad: [
      { payload: { options: { diagnostics: 'loud' }, userName: 'default' }, field: 'options.diagnostics' },
      { payload: { options: {} }, field: 'userName' },
      { payload: { options: { tokenUuid: `x-${SECRET_PASSWORD}` }, userName: 'default' }, field: 'options.tokenUuid' },
    ],
  },
  'mockcs.tryIt.update': {
    good: () => ({ patch: { clockOffsetSeconds: 0 } }),
    bad: [
      { payload: {}, field: 'patch' },
      { payload: { patch: { tokenTtlMinutes: -1 } }, field: 'patch.tokenTtlMinutes' },
    ],
  },
  'mockcs.options.update': {
    good: () => ({ patch: { diagnostics: 'teaching', tokenToleranceSeconds: 60 } }),
    bad: [
      { payload: { patch: { diagnostics: 'loud' } }, field: 'patch.diagnostics' },
      { payload: {}, field: 'patch' },
      { payload: { patch: {}, now: true }, field: 'now' },
      { payload: { patch: { tokenUuid: SECRET_UUID.replace(/-/g, '') } }, field: 'patch.tokenUuid' },
    ],
  },
  'mockcs.tokenUuid.regenerate': { good: () => undefined, bad: noInputBad },
  'mockcs.tokenUuid.reveal': { good: () => undefined, revealsSecret: true, bad: noInputBad },
  'mockcs.users.upsert': {
    good: () => ({ userName: 'carol', enabled: true, password: SECRET_PASSWORD }),
    bad: [
      { payload: { userName: 'carol', enabled: 'yes' }, field: 'enabled' },
      { payload: { enabled: true, password: SECRET_PASSWORD }, field: 'userName' },
      { payload: { userName: 'carol', enabled: true, password: SECRET_PASSWORD, role: 'admin' }, field: 'role' },
      { payload: { userName: 'carol', enabled: true, password: SECRET_PASSWORD.repeat(60) }, field: 'password' },
    ],
  },
  'mockcs.users.remove': {
    good: () => ({ userName: 'carol' }),
    bad: [
      { payload: { userName: 1 }, field: 'userName' },
      { payload: {}, field: 'userName' },
      { payload: { userName: 'carol', force: true }, field: 'force' },
    ],
  },
  'mockcs.listeners.set': {
    good: () => ({ listeners: [{ host: '127.0.0.1', port: 0 }] }),
    bad: [
      { payload: { listeners: [{ host: '127.0.0.1', port: 70000 }] }, field: 'listeners.0.port' },
      { payload: {}, field: 'listeners' },
      { payload: { listeners: [{ host: '127.0.0.1', port: 0, cert: 'x' }] }, field: 'cert' },
    ],
  },
  'mockcs.log.snapshot': {
    good: () => ({ limit: 10 }),
    bad: [
      { payload: { limit: 0 }, field: 'limit' },
      { payload: { limit: '10' }, field: 'limit' },
      { payload: { limit: 1, since: 5 }, field: 'since' },
    ],
  },
  'mockcs.log.clear': { good: () => undefined, bad: noInputBad },
  'login.run': {
    good: () => loginRun,
    bad: [
      { payload: { ...loginRun, runId: '' }, field: 'runId' },
      { payload: { ...loginRun, target: undefined }, field: 'target' },
      { payload: { ...loginRun, credentials: { kind: 'password', password: SECRET_PASSWORD, remember: true } }, field: 'remember' },
      { payload: { ...loginRun, credentials: { kind: 'password', password: SECRET_PASSWORD.repeat(60) } }, field: 'credentials.password' },
      { payload: { ...loginRun, timeoutsMs: { connect: 0 } }, field: 'timeoutsMs.connect' },
    ],
  },
  'login.cancel': {
    good: () => ({ runId: 'nothing-running' }),
    bad: [
      { payload: { runId: 5 }, field: 'runId' },
      { payload: {}, field: 'runId' },
      { payload: { runId: 'a', force: true }, field: 'force' },
    ],
  },
  'clock.probe': {
    good: () => ({ target: { kind: 'mockcs' }, samples: 2 }),
    bad: [
      { payload: { target: { kind: 'mockcs' }, samples: 33 }, field: 'samples' },
      { payload: {}, field: 'target' },
      { payload: { target: { kind: 'ftp' } }, field: 'target.kind' },
      { payload: { target: { kind: 'mockcs' }, repeat: 2 }, field: 'repeat' },
    ],
  },
  'profiles.list': { good: () => undefined, bad: noInputBad },
  'profiles.get': {
    good: ({ csId }) => ({ id: csId }),
    bad: [
      { payload: { id: 1 }, field: 'id' },
      { payload: {}, field: 'id' },
      { payload: { id: 'x', withSecrets: true }, field: 'withSecrets' },
    ],
  },
  'profiles.create': {
    good: () => ({ kind: 'gax', name: 'GAX contract', options: { confserv_trusted: 'true' } }),
    bad: [
      { payload: { kind: 'cs', name: 5 }, field: 'name' },
      { payload: { name: 'x' }, field: 'kind' },
      { payload: { kind: 'gax', name: 'x', users: [] }, field: 'users' },
      { payload: { kind: 'cs', name: 'x', users: [{ userName: 'a', password: SECRET_PASSWORD.repeat(60) }] }, field: 'users.0.password' },
    ],
  },
  'profiles.update': {
    good: ({ gaxId }) => ({ id: gaxId, patch: { options: { token_life_in_minutes: '30' } } }),
    bad: [
      { payload: { id: 'x', patch: { name: 5 } }, field: 'patch.name' },
      { payload: { id: 'x' }, field: 'patch' },
      { payload: { id: 'x', patch: {}, force: 1 }, field: 'force' },
    ],
  },
  'profiles.rename': {
    good: ({ gaxId }) => ({ id: gaxId, name: 'GAX renamed' }),
    bad: [
      { payload: { id: 'x', name: 7 }, field: 'name' },
      { payload: { id: 'x' }, field: 'name' },
      { payload: { id: 'x', name: 'y', kind: 'cs' }, field: 'kind' },
    ],
  },
  'profiles.duplicate': {
    good: ({ gaxId }) => ({ id: gaxId }),
    bad: [
      { payload: { id: null }, field: 'id' },
      { payload: {}, field: 'id' },
      { payload: { id: 'x', name: 'y' }, field: 'name' },
    ],
  },
  'profiles.remove': {
    good: async ({ t }) => ({ id: (await t.call('profiles.create', { kind: 'gax', name: 'Throwaway' })).id }),
    bad: [
      { payload: { id: [] }, field: 'id' },
      { payload: {}, field: 'id' },
      { payload: { id: 'x', cascade: true }, field: 'cascade' },
    ],
  },
  'profiles.export': {
    good: () => ({ includeSecrets: false }),
    bad: [
      { payload: { includeSecrets: 'no' }, field: 'includeSecrets' },
      { payload: {}, field: 'includeSecrets' },
      { payload: { includeSecrets: false, format: 'xml' }, field: 'format' },
      { payload: { ids: [], includeSecrets: false }, field: 'ids' },
    ],
  },
  'profiles.import': {
    good: async ({ t, csId }) => ({ text: (await t.call('profiles.export', { ids: [csId], includeSecrets: false })).content }),
    bad: [
      { payload: { text: 5 }, field: 'text' },
      { payload: {}, field: 'text' },
      { payload: { text: '{}', merge: true }, field: 'merge' },
    ],
  },
  'secrets.reveal': {
    good: ({ csId }) => ({ profileId: csId, field: { option: 'token-uuid' } }),
    revealsSecret: true,
    bad: [
      { payload: { profileId: 'x', field: {} }, field: 'field' },
      { payload: { profileId: 'x', field: { option: 'token-uuid', userName: 'alice' } }, field: 'field' },
      { payload: { field: { option: 'token-uuid' } }, field: 'profileId' },
      { payload: { profileId: 'x', field: { option: 'token-uuid', value: SECRET_UUID } }, field: 'value' },
    ],
  },
  'settings.get': { good: () => undefined, bad: noInputBad },
  'settings.update': {
    good: () => ({ patch: { theme: 'dark' } }),
    bad: [
      { payload: { patch: { theme: 'blue' } }, field: 'patch.theme' },
      { payload: {}, field: 'patch' },
      { payload: { patch: {}, save: false }, field: 'save' },
    ],
  },
  'options.render': {
    good: () => ({
      cs: { 'token-authentication-mode': 'enable', 'token-uuid': SECRET_UUID },
      gax: { confserv_trusted: 'true' },
      includeSecrets: false,
    }),
    bad: [
      { payload: { cs: { 'token-uuid': 5 }, gax: {}, includeSecrets: false }, field: 'cs.token-uuid' },
      { payload: { cs: {}, gax: {} }, field: 'includeSecrets' },
      { payload: { cs: {}, gax: {}, includeSecrets: false, crlf: true }, field: 'crlf' },
    ],
  },
  'doctor.diagnose': {
    good: () => ({ files: [{ name: 'cs.cfg', text: `[system]\ntoken-authentication-mode=enable\ntoken-uuid=${SECRET_UUID}\n` }] }),
    bad: [
      { payload: { files: [] }, field: 'files' },
      { payload: { files: [{ name: 'a', text: `token-uuid=${SECRET_UUID}`, application: 'ucs' }] }, field: 'files.0.application' },
      { payload: {}, field: 'files' },
      { payload: { files: [{ name: 'a', text: 'x' }], strict: true }, field: 'strict' },
    ],
  },
  'export.save': {
    good: () => ({ suggestedName: 'report.txt', content: 'hello', mime: 'text/plain' }),
    bad: [
      { payload: { suggestedName: '../report.txt', content: 'x', mime: 'text/plain' }, field: 'suggestedName' },
      { payload: { suggestedName: 'r.txt', mime: 'text/plain' }, field: 'content' },
      { payload: { suggestedName: 'r.txt', content: 'x', mime: 'text/plain', folder: '/tmp' }, field: 'folder' },
    ],
  },
  'app.info': { good: () => undefined, bad: noInputBad },
  'app.openExternal': {
    good: () => ({ url: 'https://docs.genesys.com/Documentation/GA' }),
    bad: [
      { payload: { url: 5 }, field: 'url' },
      { payload: {}, field: 'url' },
      { payload: { url: 'https://example.com/', target: '_blank' }, field: 'target' },
    ],
  },
  'app.logFolder': {
    good: () => ({ open: false }),
    bad: [
      { payload: {}, field: 'open' },
      { payload: { open: 'yes' }, field: 'open' },
      { payload: { open: true, path: '/tmp' }, field: 'path' },
    ],
  },
  // The labs channels run last: opening a lab changes the shared mock CS's options.
  'labs.list': { good: () => undefined, bad: noInputBad },
  'labs.open': {
    good: () => ({ id: 'cs-mode-disabled' }),
    bad: [
      { payload: { id: 'CS Mode' }, field: 'id' },
      { payload: {}, field: 'id' },
      { payload: { id: 'cs-mode-disabled', fresh: true }, field: 'fresh' },
    ],
  },
  'labs.current': { good: () => undefined, bad: noInputBad },
  'labs.gax.update': {
    good: () => ({ patch: { tokenLifeMinutes: 30, tokenUserName: null } }),
    bad: [
      // GAX has no token-uuid or preamble of its own (GAX-SIDE): they are not part of the GAX side
      { payload: { patch: { tokenUuid: SECRET_UUID } }, field: 'tokenUuid' },
      { payload: { patch: { preamble: '{PXZ}' } }, field: 'preamble' },
      { payload: {}, field: 'patch' },
      { payload: { patch: {}, save: true }, field: 'save' },
      { payload: { patch: { password: SECRET_PASSWORD.repeat(60) } }, field: 'patch.password' },
      // the bounds a lab check accepts (LAB_MAX_MINUTES): a patch past them could never be checked
      { payload: { patch: { tokenLifeMinutes: 366 * 1440 + 1 } }, field: 'patch.tokenLifeMinutes' },
      {
        payload: { patch: { tokenSource: { kind: 'replay', issuedMinutesAgo: 1.5, lifeMinutes: 20 } } },
        field: 'patch.tokenSource.issuedMinutesAgo',
      },
    ],
  },
  'labs.extraOptions.remove': {
    good: async ({ t }) => {
      await t.call('labs.open', { id: 'misspelt-mode-option' });
      return { name: 'token-authentification-mode' };
    },
    bad: [
      { payload: { name: '' }, field: 'name' },
      { payload: {}, field: 'name' },
      { payload: { name: 'token-authentification-mode', value: 'enable' }, field: 'value' },
    ],
  },
  'labs.export': { good: () => undefined, bad: noInputBad },
  'labs.handout.tokenUuid': {
    good: async ({ t }) => {
      await t.call('labs.open', { id: 'misspelt-mode-option' });
      return { id: 'misspelt-mode-option' };
    },
    revealsSecret: true,
    bad: [
      { payload: { id: 'Not Kebab' }, field: 'id' },
      { payload: {}, field: 'id' },
      { payload: { id: 'misspelt-mode-option', all: true }, field: 'all' },
    ],
  },
  'labs.check': { good: () => undefined, bad: noInputBad },
  'labs.hint': {
    good: () => ({ id: 'misspelt-mode-option' }),
    bad: [
      { payload: { id: 5 }, field: 'id' },
      { payload: {}, field: 'id' },
      { payload: { id: 'misspelt-mode-option', all: true }, field: 'all' },
    ],
  },
  'labs.reveal': {
    good: () => ({ id: 'misspelt-mode-option' }),
    bad: [
      { payload: { id: '../x' }, field: 'id' },
      { payload: {}, field: 'id' },
      { payload: { id: 'misspelt-mode-option', quiet: true }, field: 'quiet' },
    ],
  },
  'labs.reset': {
    good: () => ({ id: 'misspelt-mode-option' }),
    bad: [
      { payload: { id: null }, field: 'id' },
      { payload: {}, field: 'id' },
      { payload: { id: 'misspelt-mode-option', keep: true }, field: 'keep' },
    ],
  },
  'labs.classroom.status': { good: () => undefined, bad: noInputBad },
  'labs.classroom.start': {
    good: () => ({ host: '127.0.0.1', port: 0, confirm: true }),
    bad: [
      { payload: { host: '127.0.0.1', port: 0 }, field: 'confirm' },
      { payload: { host: '127.0.0.1', port: 0, confirm: false }, field: 'confirm' },
      { payload: { host: '127.0.0.1', port: 70000, confirm: true }, field: 'port' },
      { payload: { host: '127.0.0.1', port: 0, confirm: true, everyone: true }, field: 'everyone' },
    ],
  },
  'labs.classroom.stop': { good: () => undefined, bad: noInputBad },
  // last of the labs: it leaves the lab the cases above work on
  'labs.close': { good: () => undefined, bad: noInputBad },
};
