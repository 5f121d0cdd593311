/**
 * Saves a text the person asked to export: the native save dialog in Electron (export.save), a
 * download of a Blob in web mode (where main answers USE_DOWNLOAD). Nothing leaves the machine.
 */
import { api } from '../api.js';

export interface SaveRequest {
  suggestedName: string;
  content: string;
  mime: string;
}

export type SaveOutcome =
  | { ok: true; how: 'saved'; path?: string }
  | { ok: true; how: 'downloaded' }
  | { ok: true; how: 'cancelled' }
  | { ok: false; message: string; hint?: string };

/** Starts a browser download of `content`; the object URL is released once the click is handled. */
export function downloadText(req: SaveRequest, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([req.content], { type: req.mime }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = req.suggestedName;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export async function saveText(req: SaveRequest, download: (r: SaveRequest) => void = downloadText): Promise<SaveOutcome> {
  const r = await api.invoke('export.save', req);
  if (r.ok) return r.data.saved ? { ok: true, how: 'saved', ...(r.data.path ? { path: r.data.path } : {}) } : { ok: true, how: 'cancelled' };
  if (r.error.code === 'USE_DOWNLOAD') {
    download(req);
    return { ok: true, how: 'downloaded' };
  }
  return { ok: false, message: r.error.message, ...(r.error.hint ? { hint: r.error.hint } : {}) };
}
