/**
 * How a login run reads: each step's status as a word and an icon, timings in ms, the outcome in
 * plain words, and how long the token had left by the CS's clock.
 */
import { STEP_LABELS, STEP_ORDER, type StepId, humanDuration } from '../../../src-main/core/browser.js';
import type { LoginResultView as LoginResult, TraceStepView as TraceStep } from '../../../src-main/ipc/contract/login.js';

export type { LoginResult, TraceStep, StepId };
export { STEP_ORDER, STEP_LABELS };

export type StepStatus = TraceStep['status'] | 'waiting';

export const STATUS_WORD: Record<StepStatus, string> = {
  waiting: 'waiting',
  running: 'running',
  ok: 'done',
  failed: 'failed',
  skipped: 'skipped',
};

export const STATUS_ICON: Record<StepStatus, string> = {
  waiting: '○',
  running: '…',
  ok: '✓',
  failed: '✕',
  skipped: '–',
};

export const OUTCOME_WORD: Record<LoginResult['outcome'], string> = {
  accepted: 'Accepted',
  rejected: 'Refused by the server',
  unreachable: 'Server not reached',
  'not-csmock': 'Not a csmock/1 server',
  'tls-failed': 'TLS failed',
  timeout: 'Timed out',
  cancelled: 'Cancelled',
  'invalid-input': 'Not run: invalid input',
};

/** "0.4 ms", "12.3 ms", "153 ms", "2.31 s" */
export function msText(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '';
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** The code a run is known by: the server's code, OK, or the outcome in capitals. */
export function runCode(r: LoginResult): string {
  if (r.server) return r.server.code;
  if (r.outcome === 'accepted') return 'OK';
  return r.outcome.toUpperCase().replace(/-/g, '_');
}

/**
 * The steps to draw: those seen so far, then — while the run is in flight — the ones still to come
 * as "waiting", in the client's order.
 */
export interface ShownStep {
  id: StepId;
  label: string;
  status: StepStatus;
  /** null for a step not reached yet */
  step: TraceStep | null;
}

export function stepsToShow(steps: readonly TraceStep[], inFlight: boolean): ShownStep[] {
  const seen = new Set(steps.map((s) => s.id));
  const shown: ShownStep[] = steps.map((s) => ({ id: s.id, label: s.label, status: s.status, step: s }));
  if (!inFlight) return shown;
  for (const id of STEP_ORDER) if (!seen.has(id)) shown.push({ id, label: STEP_LABELS[id], status: 'waiting', step: null });
  return shown;
}

/** Total of the measured step durations, ms. */
export function totalMs(steps: readonly TraceStep[]): number {
  return steps.reduce((n, s) => n + (s.durationMs ?? 0), 0);
}

/**
 * Seconds the token had left when the CS judged it, by the CS's clock (this machine's time at the
 * register step plus the measured offset): negative once expired. Null for a run without a token.
 */
export function tokenLifeLeft(r: LoginResult): number | null {
  if (!r.token) return null;
  const register = r.steps.find((s) => s.id === 'register' && s.status !== 'skipped');
  const mint = r.steps.find((s) => s.id === 'token');
  const at = register?.startedAt ?? mint?.startedAt;
  if (at === undefined) return null;
  const csNowSeconds = (at + (r.clock?.offsetMs ?? 0)) / 1000;
  return Math.floor(r.token.exp - csNowSeconds);
}

export function lifeLeftWords(seconds: number): string {
  return seconds >= 0 ? `${humanDuration(seconds)} left` : `expired ${humanDuration(-seconds)} before`;
}
