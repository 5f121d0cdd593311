/**
 * The fuzz targets' shared runner: a fixed seed (so CI is reproducible), at least 10,000 inputs per
 * target, a time bound on every single input, and a failure message that says how to replay it.
 *
 *   FUZZ_SEED=1234 npx vitest run test/fuzz        a given seed
 *   FUZZ_SEED=random npx vitest run test/fuzz      a fresh seed (printed only when something fails)
 *   FUZZ_RUNS=100000 npx vitest run test/fuzz      more inputs (never fewer than 10,000)
 *   FUZZ_SEED=… FUZZ_PATH=… npx vitest run test/fuzz/x.test.ts -t "…"   replay one failure exactly
 *
 * Only the calls into the code under test are timed (`bounded`), never a whole run, and by CPU time
 * where they are synchronous: the suite asserts that no input hangs, not how fast a busy machine is.
 */
import fc from 'fast-check';
import { relative } from 'node:path';
import { expect } from 'vitest';

export const DEFAULT_SEED = 0x6a7_2026;
export const MIN_RUNS = 10_000;
/** one call into the code under test taking longer than this is a hang */
export const HANG_MS = 250;

function seedFromEnv(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_SEED;
  if (raw.trim() === 'random') return (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
  const n = Number(raw.trim());
  if (!Number.isSafeInteger(n)) throw new Error(`FUZZ_SEED must be an integer or "random", not "${raw}"`);
  return n | 0;
}

function runsFromEnv(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return MIN_RUNS;
  const n = Number(raw.trim());
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`FUZZ_RUNS must be a whole number, not "${raw}"`);
  return Math.max(MIN_RUNS, n);
}

export const FUZZ_SEED = seedFromEnv(process.env['FUZZ_SEED']);
export const FUZZ_RUNS = runsFromEnv(process.env['FUZZ_RUNS']);
const FUZZ_PATH = process.env['FUZZ_PATH']?.trim() || undefined;
/** replaying one failure (FUZZ_PATH): checks about the spread of a whole run do not apply */
export const REPLAYING = FUZZ_PATH !== undefined;

/** Thrown when one input took longer than HANG_MS: fast-check then reports that input. */
export class HangError extends Error {
  override name = 'HangError';
}

/** CPU time this process has used, ms: unlike the wall clock, other processes on a busy machine do not add to it. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Runs `fn` and fails with a HangError when it takes over HANG_MS of CPU. The wall clock is read
 * first (it costs nothing, and a call within HANG_MS of it is within HANG_MS of CPU); only a call
 * over it is run twice more, by CPU time, and the fastest counts — so neither another process on a
 * busy machine nor a garbage collection is taken for a hang, but an input that is slow every time is.
 */
export function bounded<R>(what: string, fn: () => R): R {
  const start = performance.now();
  const result = fn();
  if (performance.now() - start <= HANG_MS) return result;
  let fastest = Infinity;
  for (let attempt = 0; attempt < 2 && fastest > HANG_MS; attempt++) {
    const cpuStart = cpuMs();
    fn();
    fastest = Math.min(fastest, cpuMs() - cpuStart);
  }
  if (fastest > HANG_MS) throw new HangError(`${what} hangs: ${fastest.toFixed(0)} ms of CPU for one input (limit ${HANG_MS} ms)`);
  return result;
}

/** A cheap assertion for hot loops (vitest's expect costs microseconds per call, ×10,000 per channel). */
export function check(condition: boolean, what: string): asserts condition {
  if (!condition) throw new Error(what);
}

/**
 * `bounded` for a promise, by the wall clock (it may wait for files or a socket, which costs no CPU):
 * over HANG_MS three times is a hang, and so is one that has not settled after 4 × HANG_MS.
 */
export async function boundedAsync<R>(what: string, fn: () => Promise<R>): Promise<R> {
  let fastest = Infinity;
  let result!: R;
  for (let attempt = 0; attempt < 3 && fastest > HANG_MS; attempt++) {
    const start = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const stuck = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new HangError(`${what} hangs: no answer after ${4 * HANG_MS} ms`)), 4 * HANG_MS);
      timer.unref();
    });
    try {
      result = await Promise.race([fn(), stuck]);
    } finally {
      clearTimeout(timer);
    }
    fastest = Math.min(fastest, performance.now() - start);
  }
  if (fastest > HANG_MS) throw new HangError(`${what} hangs: ${fastest.toFixed(0)} ms for one input (limit ${HANG_MS} ms)`);
  return result;
}

export interface FuzzOptions {
  /** at least MIN_RUNS; FUZZ_RUNS raises it */
  runs?: number;
  /** exactly this many: for a costly second look at a sample of a target's inputs, not for a target itself */
  sample?: number;
}

function params(options: FuzzOptions): fc.Parameters<unknown> {
  return {
    seed: FUZZ_SEED,
    numRuns: options.sample ?? Math.max(FUZZ_RUNS, options.runs ?? 0),
    // Replaying one path runs that input alone (and shrinks it again).
    ...(FUZZ_PATH ? { path: FUZZ_PATH } : {}),
  };
}

function replayLine(details: { seed: number; counterexamplePath: string | null }): string {
  const state = expect.getState();
  const file = state.testPath ? relative(process.cwd(), state.testPath) : 'test/fuzz';
  const name = state.currentTestName ? ` -t ${JSON.stringify(state.currentTestName.split(' > ').pop())}` : '';
  const path = details.counterexamplePath ? ` FUZZ_PATH=${details.counterexamplePath}` : '';
  return `FUZZ_SEED=${details.seed}${path} npx vitest run ${file}${name}`;
}

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}… (${s.length} characters)` : s;
}

function report(target: string, details: fc.RunDetails<unknown>, wanted: number): void {
  if (!details.failed) {
    // The bar is that every target really ran its inputs: a run cut short is a failure too.
    if (!FUZZ_PATH && details.numRuns < wanted)
      throw new Error(`fuzz ${target}: only ${details.numRuns} of ${wanted} inputs ran (seed ${details.seed})`);
    return;
  }
  if (details.interrupted || details.counterexample === null) {
    throw new Error(
      `fuzz ${target}: stopped after ${details.numRuns} inputs without a counterexample (seed ${details.seed}); replay: ${replayLine(details)}`,
    );
  }
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(
    [
      `fuzz ${target} failed on input ${details.numRuns} of ${wanted} (seed ${details.seed}, path ${details.counterexamplePath}, ${details.numShrinks} shrinks)`,
      `  why: ${shorten(cause, 1500)}`,
      `  input: ${shorten(fc.stringify(details.counterexample), 1500)}`,
      `  replay: ${replayLine(details)}`,
    ].join('\n'),
  );
}

/** Checks `check` on FUZZ_RUNS inputs of `arb`; any throw (an assertion, a crash, a hang) is a failure. */
export function fuzz<T>(target: string, arb: fc.Arbitrary<T>, check: (input: T) => void, options: FuzzOptions = {}): number {
  const p = params(options);
  const details = fc.check(fc.property(arb, check), p as fc.Parameters<[T]>);
  report(target, details as fc.RunDetails<unknown>, p.numRuns!);
  return details.numRuns;
}

export async function fuzzAsync<T>(
  target: string,
  arb: fc.Arbitrary<T>,
  check: (input: T) => Promise<void>,
  options: FuzzOptions = {},
): Promise<number> {
  const p = params(options);
  const details = await fc.check(fc.asyncProperty(arb, check), p as fc.Parameters<[T]>);
  report(target, details as fc.RunDetails<unknown>, p.numRuns!);
  return details.numRuns;
}

/** Half from `mutated` (real samples, altered), half from `generated` (made from nothing). */
export function mix<T>(mutated: fc.Arbitrary<T>, generated: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: mutated, weight: 1 }, { arbitrary: generated, weight: 1 });
}

/** A per-test timeout for a whole fuzz run: generous, since only single inputs are bounded. */
export const FUZZ_TEST_TIMEOUT = 180_000;
