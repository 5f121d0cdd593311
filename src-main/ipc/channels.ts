/**
 * The contract's channel names, and nothing else: the preload bundle imports this file, so it must
 * not pull in zod or any schema. contract/index.ts fails `tsc` if these lists and the contract's
 * keys ever differ, in either direction — so the preload cannot miss or invent a channel.
 */
export const REQUEST_CHANNELS = [
  'token.mint',
  'token.decode',
  'token.verify',
  'mockcs.status',
  'mockcs.start',
  'mockcs.stop',
  'mockcs.options.update',
  'mockcs.tokenUuid.regenerate',
  'mockcs.tokenUuid.reveal',
  'mockcs.users.upsert',
  'mockcs.users.remove',
  'mockcs.listeners.set',
  'mockcs.log.snapshot',
  'mockcs.log.clear',
  'login.run',
  'login.cancel',
  'clock.probe',
  'profiles.list',
  'profiles.get',
  'profiles.create',
  'profiles.update',
  'profiles.rename',
  'profiles.duplicate',
  'profiles.remove',
  'profiles.export',
  'profiles.import',
  'secrets.reveal',
  'settings.get',
  'settings.update',
  'options.render',
  'doctor.diagnose',
  'export.save',
  'app.info',
  'app.openExternal',
  'labs.list',
  'labs.open',
  'labs.current',
  'labs.gax.update',
  'labs.extraOptions.remove',
  'labs.export',
  'labs.handout.tokenUuid',
  'labs.check',
  'labs.hint',
  'labs.reveal',
  'labs.reset',
  'labs.classroom.status',
  'labs.classroom.start',
  'labs.classroom.stop',
] as const;

export const EVENT_CHANNELS = ['mockcs.events', 'mockcs.status', 'login.step', 'store.notices', 'app.problem'] as const;

export type RequestChannelName = (typeof REQUEST_CHANNELS)[number];
export type EventChannelName = (typeof EVENT_CHANNELS)[number];

const requestNames: ReadonlySet<string> = new Set(REQUEST_CHANNELS);
const eventNames: ReadonlySet<string> = new Set(EVENT_CHANNELS);

export function isRequestChannel(name: unknown): name is RequestChannelName {
  return typeof name === 'string' && requestNames.has(name);
}

export function isEventChannel(name: unknown): name is EventChannelName {
  return typeof name === 'string' && eventNames.has(name);
}

/**
 * An unknown channel name, quoted back only when it looks like one (letters and dots): anything
 * else — a pasted token-uuid, a token — could be a secret, and an error message never holds one.
 */
export function quoteChannelName(channel: unknown): string {
  return typeof channel === 'string' && /^[A-Za-z][A-Za-z.]{0,59}$/.test(channel) ? `"${channel}"` : '(not a channel name: letters and dots only)';
}
