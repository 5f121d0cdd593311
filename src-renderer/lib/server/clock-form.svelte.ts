/**
 * The simulated CS clock offset and the diagnostics mode, both applied live. The offset moves the
 * CS's "now" for every decision and for Hello's serverTime — the quickest way to see EXPIRED and
 * NOT_YET_VALID happen.
 */
import { api } from '../api.js';
import type { ServerStatus } from '../app/server-status.svelte.js';
import { clockOffsetWords } from './clock-words.js';
import { applyChange, type Problem } from './server-change.js';

/** the mock CS's own bound: more than ten years off is a typo, not a lesson */
export const MAX_CLOCK_OFFSET_SECONDS = 10 * 366 * 86400;

export const CLOCK_PRESETS: readonly { seconds: number; label: string }[] = [
  { seconds: -7200, label: '2 h behind' },
  { seconds: -600, label: '10 min behind' },
  { seconds: 0, label: 'In step' },
  { seconds: 600, label: '10 min ahead' },
  { seconds: 7200, label: '2 h ahead' },
];

export type Diagnostics = 'teaching' | 'realistic';

export const DIAGNOSTICS_HELP: Record<Diagnostics, string> = {
  teaching: 'Refusals say the real reason (EXPIRED, BAD_SIGNATURE…) with the times involved, so a client can explain them.',
  realistic:
    'Every authentication failure is answered AUTH_FAILED with a generic message, as a production CS does; the log here still shows the real reason.',
};

export function parseOffset(text: string): { ok: true; seconds: number } | { ok: false; message: string } {
  const t = text.trim().replace(/^\+/, '').replace(/^−/, '-');
  if (t === '') return { ok: false, message: 'enter a number of seconds (0: in step)' };
  if (!/^-?\d+$/.test(t)) return { ok: false, message: 'a whole number of seconds, negative when the CS clock is behind' };
  const seconds = Number(t);
  if (Math.abs(seconds) > MAX_CLOCK_OFFSET_SECONDS) return { ok: false, message: 'more than ten years off: use a smaller offset' };
  return { ok: true, seconds };
}

export class ClockForm {
  /** null: showing the server's offset */
  draft = $state<string | null>(null);
  busy = $state(false);
  problem = $state<Problem | null>(null);
  diagnosticsProblem = $state<Problem | null>(null);

  constructor(private readonly status: ServerStatus) {}

  readonly current = $derived.by((): number => this.status.view?.options.clockOffsetSeconds ?? 0);
  readonly text = $derived.by((): string => this.draft ?? String(this.current));
  readonly parsed = $derived.by(() => parseOffset(this.text));
  readonly error = $derived.by((): string | null => (this.parsed.ok ? null : this.parsed.message));
  /** the offset as typed, in words; the server's when what is typed is not a number yet */
  readonly words = $derived.by((): string => clockOffsetWords(this.parsed.ok ? this.parsed.seconds : this.current));
  readonly diagnostics = $derived.by((): Diagnostics => this.status.view?.options.diagnostics ?? 'teaching');

  get dirty(): boolean {
    return this.draft !== null && (!this.parsed.ok || this.parsed.seconds !== this.current);
  }

  setText(text: string): void {
    this.draft = text;
    this.problem = null;
  }

  async apply(): Promise<boolean> {
    if (!this.parsed.ok) return false;
    return this.set(this.parsed.seconds);
  }

  async set(seconds: number): Promise<boolean> {
    this.busy = true;
    try {
      this.problem = await applyChange(this.status, () => api.invoke('mockcs.options.update', { patch: { clockOffsetSeconds: seconds } }));
      if (!this.problem) this.draft = null;
      return this.problem === null;
    } finally {
      this.busy = false;
    }
  }

  async setDiagnostics(mode: Diagnostics): Promise<boolean> {
    this.diagnosticsProblem = await applyChange(this.status, () => api.invoke('mockcs.options.update', { patch: { diagnostics: mode } }));
    return this.diagnosticsProblem === null;
  }
}
