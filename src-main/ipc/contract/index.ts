/**
 * The contract between the renderer and the main side: every request and every event, declared once
 * with its zod schemas (house style 1). Handlers are typed from it, register() parses with it, and the
 * preload's channel lists are derived from its keys at build time (vite.preload.config.ts): a new
 * channel is its entry here and its handler, nothing else.
 */
import type { z } from 'zod';
import { appEvents, appRequests } from './app.js';
import { clockRequests } from './clock.js';
import type { EventDef, RequestDef } from './define.js';
import { labsRequests } from './labs.js';
import { loginEvents, loginRequests } from './login.js';
import { mockCsEvents, mockCsRequests } from './mockcs.js';
import { optionsRequests } from './options.js';
import { storeEvents, storeRequests } from './store.js';
import { tokenRequests } from './tokens.js';

export const requests = {
  ...tokenRequests,
  ...mockCsRequests,
  ...loginRequests,
  ...clockRequests,
  ...storeRequests,
  ...optionsRequests,
  ...appRequests,
  ...labsRequests,
} as const satisfies Record<string, RequestDef>;

export const events = {
  ...mockCsEvents,
  ...loginEvents,
  ...storeEvents,
  ...appEvents,
} as const satisfies Record<string, EventDef>;

export type RequestChannel = keyof typeof requests;
export type EventChannel = keyof typeof events;
/** what the renderer sends (defaults not yet applied) */
export type RequestInput<C extends RequestChannel> = z.input<(typeof requests)[C]['input']>;
/** what the handler receives (parsed, defaults applied) */
export type ParsedInput<C extends RequestChannel> = z.output<(typeof requests)[C]['input']>;
export type RequestOutput<C extends RequestChannel> = z.output<(typeof requests)[C]['output']>;
export type EventPayload<E extends EventChannel> = z.output<(typeof events)[E]['payload']>;

/** One function per request channel: a missing or mistyped handler fails `tsc`. */
export type Handlers = {
  [C in RequestChannel]: (input: ParsedInput<C>) => Promise<RequestOutput<C>>;
};

/** The handlers a file of handlers owes: the channels of one contract file, typed from its keys. */
export type HandlersOf<R extends Record<string, RequestDef>> = Pick<Handlers, keyof R & RequestChannel>;

/** Every channel's name, from the contract's keys: main registers these, and the preload build reads them. */
export const REQUEST_CHANNELS = Object.keys(requests) as RequestChannel[];
export const EVENT_CHANNELS = Object.keys(events) as EventChannel[];
