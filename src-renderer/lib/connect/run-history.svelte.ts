/** The runs of this session, newest first: enough to compare, click one to see its trace again. */
import type { CopiedCommand } from '../../../src-main/core/browser.js';
import { runCode, tokenLifeLeft, totalMs, type LoginResult } from './trace-format.js';

export interface RunRecord {
  id: string;
  /** this machine's clock when the run started, ms */
  startedAt: number;
  target: string;
  userName: string;
  /** 'token', 'password' */
  method: 'token' | 'password';
  outcome: LoginResult['outcome'];
  code: string;
  /** from the request to the answer, ms */
  durationMs: number;
  /** seconds the token had left by the CS's clock, or null */
  tokenLifeLeft: number | null;
  result: LoginResult;
  /** the `gax-token login …` that reruns it (secrets by reference), when it could be made */
  command?: CopiedCommand | null;
}

export const HISTORY_LIMIT = 200;

export class RunHistory {
  runs = $state.raw<RunRecord[]>([]);
  selectedId = $state<string | null>(null);

  readonly selected = $derived.by((): RunRecord | null => this.runs.find((r) => r.id === this.selectedId) ?? null);

  constructor(readonly limit = HISTORY_LIMIT) {}

  add(input: Omit<RunRecord, 'outcome' | 'code' | 'tokenLifeLeft' | 'durationMs'> & { durationMs?: number }): RunRecord {
    const r = input.result;
    const record: RunRecord = {
      ...input,
      outcome: r.outcome,
      code: runCode(r),
      durationMs: input.durationMs ?? totalMs(r.steps),
      tokenLifeLeft: tokenLifeLeft(r),
    };
    this.runs = [record, ...this.runs].slice(0, this.limit);
    return record;
  }

  select(id: string | null): void {
    this.selectedId = id;
  }

  clear(): void {
    this.runs = [];
    this.selectedId = null;
  }
}
