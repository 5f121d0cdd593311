/** Connect runs as the report renderer takes them: one run, or the whole history (oldest first, as it happened). */
import type { ReportLoginRun } from '../../../src-main/core/browser.js';
import type { RunRecord } from './run-history.svelte.js';
import { saveReport } from '../report/save-report.js';
import type { SaveOutcome } from '../server/save-file.js';

export function reportRun(r: RunRecord): ReportLoginRun {
  return { target: r.target, userName: r.userName, how: r.method, startedAt: r.startedAt, result: r.result, command: r.command?.command };
}

export function saveRunsReport(runs: readonly RunRecord[]): Promise<SaveOutcome> {
  const ordered = [...runs].sort((a, b) => a.startedAt - b.startedAt);
  return saveReport({ kind: 'login', runs: ordered.map(reportRun) }, runs.length === 1 ? 'Connect view, one run' : 'Connect view, the history');
}
