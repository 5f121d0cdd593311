/**
 * The log as the Server view drives it: fed from main (a snapshot on first opening, then the batched
 * `mockcs.events`), shown as CS lines or a table, cleared on both sides, exported as a file.
 */
import { api } from '../api.js';
import { reportUnexpected } from '../app/unexpected.js';
import { EventLog } from './event-log.svelte.js';
import { LOG_MIME, logAsJson, logAsText, logFileName, type LogExportFormat } from './log-export.js';
import { saveText, type SaveOutcome, type SaveRequest } from './save-file.js';
import type { MockCsEvent } from './log-filter.js';

export type LogLayout = 'lines' | 'table';

export interface Problem {
  message: string;
  hint?: string;
}

export class LiveLog {
  layout = $state<LogLayout>('lines');
  /** the snapshot is being read */
  loading = $state(false);
  /** whose mock CS the log shows (the one in front), once a status said */
  private owner: string | null = null;
  loadProblem = $state<Problem | null>(null);
  clearProblem = $state<Problem | null>(null);
  exporting = $state(false);
  /** what the last export did, in words, or why it failed */
  exportNote = $state<string | null>(null);
  exportProblem = $state<Problem | null>(null);
  private unsubscribe: (() => void) | null = null;

  constructor(
    readonly log: EventLog,
    private readonly now: () => number,
    private readonly save: (r: SaveRequest) => Promise<SaveOutcome> = (r) => saveText(r),
  ) {}

  get connected(): boolean {
    return this.unsubscribe !== null;
  }

  /**
   * Subscribes (once for the window's life, so nothing is missed while another view is open), then
   * loads what main kept. Batches that arrive meanwhile wait, and those the snapshot already holds are skipped.
   */
  async open(): Promise<void> {
    if (this.unsubscribe) {
      // Subscribed already; only a snapshot that could not be read is tried again.
      if (this.loadProblem) await this.reload();
      return;
    }
    let waiting: MockCsEvent[][] | null = [];
    const offEvents = api.on('mockcs.events', (p) => {
      if (waiting) waiting.push(p.events);
      else this.append(p.events);
    });
    // Another mock CS came in front (a lab opened or left): the log shows that one's, from what main kept.
    const offStatus = api.on('mockcs.status', (v) => {
      const owner = (v as { host?: { owner?: unknown } } | null)?.host?.owner;
      if (typeof owner !== 'string' || owner === this.owner) return;
      const first = this.owner === null;
      this.owner = owner;
      if (!first) void this.reload();
    });
    this.unsubscribe = () => {
      offEvents();
      offStatus();
    };
    await this.reload();
    const held = waiting;
    waiting = null;
    for (const batch of held) this.append(batch);
  }

  private async reload(): Promise<void> {
    this.loading = true;
    const r = await api.invoke('mockcs.log.snapshot', {});
    this.loading = false;
    if (!r.ok) {
      this.loadProblem = problem(r.error);
      return;
    }
    try {
      this.log.load(r.data.events);
      this.loadProblem = null;
    } catch (error) {
      // An answer of the wrong shape: said in the log panel (Try again reads it anew), not a blank view.
      this.loadProblem = reportUnexpected(error);
    }
  }

  /** A batch of the wrong shape is reported once and dropped; the log keeps what it had. */
  private append(events: MockCsEvent[]): void {
    try {
      this.log.append(events);
    } catch (error) {
      reportUnexpected(error);
    }
  }

  /** for tests and hot reload: stop listening */
  close(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  setLayout(layout: LogLayout): void {
    this.layout = layout;
  }

  /** Forgets the events here and in main (so reopening does not bring them back). */
  async clear(): Promise<void> {
    const r = await api.invoke('mockcs.log.clear', {});
    if (!r.ok) {
      this.clearProblem = problem(r.error);
      return;
    }
    this.clearProblem = null;
    this.log.clear();
  }

  /** Saves the events shown (filtered; without those waiting behind a pause). */
  async export(format: LogExportFormat): Promise<void> {
    const events = this.log.shownEvents();
    this.exporting = true;
    this.exportNote = null;
    this.exportProblem = null;
    try {
      const outcome = await this.save({
        suggestedName: logFileName(format, this.now()),
        content: format === 'text' ? logAsText(events) : logAsJson(events),
        mime: LOG_MIME[format],
      });
      const what = `${events.length.toLocaleString('en-US')} event${events.length === 1 ? '' : 's'}`;
      if (!outcome.ok) this.exportProblem = problem(outcome);
      else if (outcome.how === 'saved') this.exportNote = `Saved ${what}${outcome.path ? ` to ${outcome.path}` : ''}.`;
      else if (outcome.how === 'downloaded') this.exportNote = `Downloaded ${what} as ${format === 'text' ? 'text' : 'JSON'}.`;
      else this.exportNote = 'Export cancelled.';
    } finally {
      this.exporting = false;
    }
  }
}

function problem(e: { message: string; hint?: string | undefined }): Problem {
  return e.hint ? { message: e.message, hint: e.hint } : { message: e.message };
}
