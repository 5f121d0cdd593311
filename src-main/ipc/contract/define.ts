import { z } from 'zod';
import { checkPreamble } from '../../core/inputs.js';

/** One request channel: what the renderer sends, what it gets back in `{ok:true, data}`. */
export interface RequestDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  summary: string;
}

/** One event channel: what the main side pushes to the renderer. */
export interface EventDef<P extends z.ZodType = z.ZodType> {
  payload: P;
  summary: string;
}

export function request<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, summary: string): RequestDef<I, O> {
  return { input, output, summary };
}

export function event<P extends z.ZodType>(payload: P, summary: string): EventDef<P> {
  return { payload, summary };
}

/** Requests that take nothing still get a schema, so a stray payload is refused like any other. */
export const noInput = z.object({}).strict().optional();

// Shared field shapes -------------------------------------------------------------------------

export const int = (min: number, max: number) => z.number().int().min(min).max(max);
/** Genesys's integer options top out at a signed 32-bit int; the one definition is the core's. */
export { GENESYS_MAX_INT } from '../../core/options/catalog.js';
export const epochSeconds = int(0, 0xffffffff);
/** A preamble the CS could have (the core's rule: 1–16 printable ASCII, no spaces): one line of reason otherwise. */
export const preambleField = z.string().check((ctx) => {
  const bad = checkPreamble(ctx.value);
  if (bad) ctx.issues.push({ code: 'custom', input: ctx.value, message: bad });
});
export const usernameField = z.string().min(1).max(255);
/** Secrets travel renderer → main only; the schema bounds them but never echoes them in errors. */
export const secretField = z.string().min(1).max(1024);
export const hostField = z.string().min(1).max(253);
export const portField = int(0, 65535);
