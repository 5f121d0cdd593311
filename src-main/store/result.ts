/**
 * What the store answers across its doors: a value, or a typed error with a one-line message and a
 * hint. The shape matches the IPC contract's `{ok, data}` / `{ok: false, error}` so a handler can
 * pass it through unchanged.
 */
import type { z } from 'zod';

export type StoreErrorCode =
  | 'INVALID_INPUT'
  | 'INVALID_JSON'
  | 'INVALID_IMPORT'
  | 'TOO_LARGE'
  | 'NOT_FOUND'
  | 'WRONG_KIND'
  | 'DUPLICATE_NAME'
  | 'IN_USE'
  | 'WRITE_FAILED'
  | 'SECRET_STORAGE_FAILED';

export interface StoreError {
  code: StoreErrorCode;
  message: string;
  hint: string;
}

export type StoreResult<T> = { ok: true; data: T } | { ok: false; error: StoreError };

export function ok<T>(data: T): StoreResult<T> {
  return { ok: true, data };
}

export function fail<T = never>(code: StoreErrorCode, message: string, hint: string): StoreResult<T> {
  return { ok: false, error: { code, message, hint } };
}

/** `users[1].userName` — where in the input a problem is, as a person reads it. */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (!/^[A-Za-z_$][\w$-]*$/.test(String(key))) out += `[${JSON.stringify(String(key))}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** The first schema problem as one line: `users[1].userName: the username is empty`. */
export function describeZodError(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'the input does not match the expected shape';
  const where = issuePath(first.path);
  // A bad record key (an option name) carries its own reason one level down.
  if (first.code === 'invalid_key' && first.issues[0]) return `${where ? `${where}: ` : ''}${first.issues[0].message}${more(error)}`;
  return `${where ? `${where}: ` : ''}${first.message}${more(error)}`;
}

function more(error: z.ZodError): string {
  const n = error.issues.length - 1;
  return n > 0 ? ` (and ${n} more problem${n > 1 ? 's' : ''})` : '';
}

/** A thrown Node error as a short phrase without a stack: `EACCES: permission denied`. */
export function describeIoError(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as { code?: unknown; message?: unknown };
    const message = typeof e.message === 'string' ? (e.message.split('\n')[0] ?? '') : '';
    if (typeof e.code === 'string') {
      // Node's messages read "EACCES: permission denied, open '/path'"; the path is said elsewhere.
      const text = message.replace(/, [a-z_]+ '.*$/, '');
      return text.startsWith(e.code) ? text : `${e.code}: ${text}`;
    }
    if (message) return message;
  }
  return String(err);
}
