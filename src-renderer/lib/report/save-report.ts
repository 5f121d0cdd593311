/**
 * "Save report" from any view: the one report renderer (src-main/report, the same the CLI uses)
 * turns what the view shows into one self-contained HTML file, saved through `export.save` (a
 * download in web mode). The app's version comes from main; the time is this machine's.
 */
import { api } from '../api.js';
import { saveText, type SaveOutcome } from '../server/save-file.js';
import { renderReport, reportFileName, type ReportInput, type ReportMeta } from '../../../src-main/core/browser.js';

type Body = ReportInput extends infer R ? (R extends ReportInput ? Omit<R, 'meta'> : never) : never;

let version: string | null = null;

export async function appVersion(): Promise<string> {
  if (version !== null) return version;
  const r = await api.invoke('app.info', {});
  version = r.ok ? r.data.version : 'unknown';
  return version;
}

/** Builds the report from `body` and saves it; the outcome says where it went (or why not). */
export async function saveReport(body: Body, madeBy: string, now: () => number = Date.now): Promise<SaveOutcome> {
  const meta: ReportMeta = { appVersion: await appVersion(), createdAt: now(), madeBy };
  const input = { ...body, meta } as ReportInput;
  return saveText({ suggestedName: reportFileName(input.kind, meta.createdAt), content: renderReport(input), mime: 'text/html' });
}

/** "Saved to …" / "Downloaded" / the problem, for the line under a Save report button */
export function saveOutcomeWords(o: SaveOutcome): string {
  if (!o.ok) return `Not saved: ${o.message}${o.hint ? ` ${o.hint}` : ''}`;
  if (o.how === 'saved') return o.path ? `Saved to ${o.path}` : 'Saved';
  if (o.how === 'downloaded') return 'Downloaded: see your browser’s downloads';
  return 'Not saved (cancelled)';
}
