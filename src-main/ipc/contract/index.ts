/**
 * The contract between the renderer and the main side: every request and every event, declared once
 * with its zod schemas (house style 1). Handlers are typed from it, register() parses with it, and the
 * preload and the renderer's api.ts are derived from its channel names (channels.ts).
 */
import type { z } from 'zod';
import type { EventChannelName, RequestChannelName } from '../channels.js';
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

// channels.ts (for the preload) must name exactly the contract's channels. `Exact<A, B>` is `true`
// only when the two unions are equal; a channel added on one side only turns it to `false`.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _requestNamesMatch: Exact<RequestChannelName, RequestChannel> = true;
const _eventNamesMatch: Exact<EventChannelName, EventChannel> = true;
void _requestNamesMatch;
void _eventNamesMatch;
