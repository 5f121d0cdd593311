/**
 * The step trace of one login: each step is started, then ends ok, failed or skipped; every
 * change is reported to `onStep` (a copy, so a UI can keep it) so the steps can be animated as
 * they happen. Start instants come from the request's clock; durations from a monotonic clock,
 * so a clock that jumps (or a test clock that stands still) cannot make them wrong.
 */
import { performance } from 'node:perf_hooks';
import { STEP_LABELS, STEP_ORDER, type StepId, type TraceStep } from './types.js';

export type StepListener = (step: TraceStep) => void;

export class Trace {
  private readonly steps = new Map<StepId, TraceStep>();
  private readonly startedMono = new Map<StepId, number>();
  private current: StepId | null = null;

  constructor(
    private readonly clock: () => number,
    private readonly onStep?: StepListener,
  ) {}

  /** the step now running, if any */
  get running(): StepId | null {
    return this.current;
  }

  start(id: StepId, detail = ''): void {
    this.startedMono.set(id, performance.now());
    this.current = id;
    this.put({ id, label: STEP_LABELS[id], status: 'running', startedAt: this.clock(), durationMs: null, detail });
  }

  ok(id: StepId, detail: string, data?: Record<string, unknown>): void {
    this.end(id, 'ok', detail, data);
  }

  fail(id: StepId, detail: string, data?: Record<string, unknown>): void {
    this.end(id, 'failed', detail, data);
  }

  skip(id: StepId, detail: string): void {
    if (this.current === id) this.current = null;
    this.put({ id, label: STEP_LABELS[id], status: 'skipped', startedAt: this.clock(), durationMs: null, detail });
  }

  /** every step in order; steps never reached are marked skipped with `why` */
  finish(why: string): TraceStep[] {
    for (const id of STEP_ORDER) if (!this.steps.has(id)) this.skip(id, why);
    return STEP_ORDER.map((id) => ({ ...this.steps.get(id)! }));
  }

  private end(id: StepId, status: 'ok' | 'failed', detail: string, data?: Record<string, unknown>): void {
    const prior = this.steps.get(id);
    const began = this.startedMono.get(id);
    const durationMs = began === undefined ? 0 : roundMs(performance.now() - began);
    if (this.current === id) this.current = null;
    this.put({
      id,
      label: STEP_LABELS[id],
      status,
      startedAt: prior?.startedAt ?? this.clock(),
      durationMs,
      detail,
      ...(data ? { data } : {}),
    });
  }

  private put(step: TraceStep): void {
    this.steps.set(step.id, step);
    if (!this.onStep) return;
    try {
      this.onStep({ ...step, ...(step.data ? { data: { ...step.data } } : {}) });
    } catch {
      // A listener that throws (a closed window, a broken pipe) must not end the login.
    }
  }
}

/** durations to a hundredth of a millisecond: enough for loopback, without float noise */
export function roundMs(ms: number): number {
  return Math.round(ms * 100) / 100;
}
