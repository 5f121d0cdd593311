/**
 * The one door every request goes through, whatever carries it (Electron IPC or the web-mode socket):
 * the sender is checked, the channel must be in the contract, the payload is parsed with its schema,
 * and only then does the handler run. Whatever happens, the answer is an IpcResult — never a throw.
 */
import { z } from 'zod';
import { quoteChannelName } from './channels.js';
import { requests, type Handlers, type RequestChannel } from './contract/index.js';
import { fail, HandlerError, ok, type IpcResult } from './result.js';

/** Who sent a request, as the transport saw it. */
export interface SenderInfo {
  /** Electron: the sender frame's URL; web mode: the page's Origin */
  url: string | null;
  /** the transport already authenticated this client (web mode: the secret matched) */
  authenticated: boolean;
}

export interface DispatcherOptions {
  /** decides whether a sender may use the contract at all */
  isTrustedSender(sender: SenderInfo): boolean;
  /** where unexpected handler failures are reported (never holds secrets: only channel and message) */
  onInternalError?(channel: string, error: unknown): void;
  /** also parse every handler's output with its schema (tests and development) */
  checkOutputs?: boolean;
}

export interface Dispatcher {
  invoke(channel: string, payload: unknown, sender: SenderInfo): Promise<IpcResult<unknown>>;
  channels: readonly RequestChannel[];
}

/** A field name as sent, kept to one short line: a plain name as is, anything else quoted (line breaks escaped) and cut. */
function fieldName(key: PropertyKey): string {
  const name = String(key);
  return /^[\w.$-]{1,60}$/.test(name) ? name : JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name);
}

/** One line naming the field and what was wrong with it — and never the value (it may be a secret). */
export function describeSchemaError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the request is not valid';
  const where = issue.path.length ? issue.path.map(fieldName).join('.') : 'the request';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : '';
  let what = issue.message;
  if (issue.code === 'unrecognized_keys') what = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map(fieldName).join(', ')}`;
  return `${where}: ${what}${more}`;
}

/** Every group's handlers as one object; TS checks that together they cover the contract. */
type Joined<G extends readonly object[]> = G extends readonly [infer H, ...infer R extends readonly object[]] ? H & Joined<R> : unknown;

/**
 * The handler files' groups as one object. Each group is typed from one contract file, so a channel
 * with no handler fails `tsc`; a channel handled twice (a later group would silently win) throws here.
 */
export function joinHandlers<G extends readonly object[]>(groups: G): Joined<G> {
  const joined: Record<string, unknown> = {};
  for (const group of groups) {
    for (const [channel, handler] of Object.entries(group)) {
      if (channel in joined) throw new Error(`two handlers for the channel ${quoteChannelName(channel)}`);
      joined[channel] = handler;
    }
  }
  return joined as Joined<G>;
}

export function createDispatcher(handlers: Handlers, options: DispatcherOptions): Dispatcher {
  const channels = Object.keys(requests) as RequestChannel[];
  const known = new Set<string>(channels);
  return {
    channels,
    async invoke(channel, payload, sender) {
      if (!options.isTrustedSender(sender))
        return fail('FORBIDDEN_SENDER', 'this page is not allowed to use GAX Token Lab', 'Open the app from its own window or the URL it printed.');
      if (typeof channel !== 'string' || !known.has(channel))
        return fail('UNKNOWN_CHANNEL', `there is no request named ${quoteChannelName(channel)}`);
      const c = channel as RequestChannel;
      const def = requests[c];
      const parsed = def.input.safeParse(payload);
      if (!parsed.success)
        return fail('BAD_INPUT', `${c}: ${describeSchemaError(parsed.error)}`, 'This is a bug in the page that sent it; reload it.');
      try {
        const handler = handlers[c] as (input: unknown) => Promise<unknown>;
        const data = await handler(parsed.data);
        if (options.checkOutputs) {
          const out = def.output.safeParse(data);
          if (!out.success) throw new Error(`${c} answered outside its contract: ${describeSchemaError(out.error)}`);
        }
        return ok(data);
      } catch (err) {
        if (err instanceof HandlerError) return fail(err.code, err.message, err.hint);
        options.onInternalError?.(c, err);
        return fail('INTERNAL', `${c} failed unexpectedly`, 'The window keeps working; try again, and report this if it repeats.');
      }
    },
  };
}
