/**
 * Every change of the mock CS answers its new view; the shared status takes it at once, so the
 * status bar, this view and the others agree before the `mockcs.status` event even arrives.
 */
import type { IpcResult } from '../../../src-main/ipc/result.js';
import type { MockCsView, ServerStatus } from '../app/server-status.svelte.js';

export interface Problem {
  message: string;
  hint?: string;
  code?: string;
}

export function toProblem(e: { code?: string; message: string; hint?: string | undefined }): Problem {
  return { message: e.message, ...(e.hint ? { hint: e.hint } : {}), ...(e.code ? { code: e.code } : {}) };
}

/** Runs a change; returns null when it worked, else the problem in words. */
export async function applyChange(status: ServerStatus, call: () => Promise<IpcResult<MockCsView>>): Promise<Problem | null> {
  const r = await call();
  if (!r.ok) return toProblem(r.error);
  if (!status.take(r.data, 'the answer'))
    return { message: status.error ?? 'the answer cannot be read', hint: 'Reload the window (Ctrl+R) to read the mock CS again.' };
  return null;
}
