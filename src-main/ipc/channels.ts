/**
 * Channel-name helpers with no schema behind them: the preload bundle imports this file, so it must
 * not pull in zod. The names themselves come from the contract's keys (contract/index.ts); the
 * preload gets them as a build-time constant (vite.preload.config.ts), so they are typed once.
 */

/** A membership test over a list of names; `name` is narrowed to a string when it is in the list. */
export function channelTest(names: readonly string[]): (name: unknown) => name is string {
  const set: ReadonlySet<string> = new Set(names);
  return (name: unknown): name is string => typeof name === 'string' && set.has(name);
}

/**
 * An unknown channel name, quoted back only when it looks like one (letters and dots): anything
 * else — a pasted token-uuid, a token — could be a secret, and an error message never holds one.
 */
export function quoteChannelName(channel: unknown): string {
  return typeof channel === 'string' && /^[A-Za-z][A-Za-z.]{0,59}$/.test(channel) ? `"${channel}"` : '(not a channel name: letters and dots only)';
}
