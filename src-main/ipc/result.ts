/** Errors are values across IPC (house style 2): a handler's answer is always one of these two shapes. */
export interface IpcError {
  /** a spec code (EXPIRED, BAD_SIGNATURE…) or one of the contract's own (BAD_INPUT, FORBIDDEN_SENDER…) */
  code: string;
  /** one line for a person: what was wrong */
  message: string;
  /** what to do about it */
  hint?: string;
}

export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: IpcError };

export function ok<T>(data: T): IpcResult<T> {
  return { ok: true, data };
}

export function fail(code: string, message: string, hint?: string): { ok: false; error: IpcError } {
  return { ok: false, error: hint === undefined ? { code, message } : { code, message, hint } };
}

// The class lives beneath the doors so the workbench and the labs can refuse without importing ipc/.
export { HandlerError } from '../workbench/failure.js';
