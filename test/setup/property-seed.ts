/**
 * One seed for every property test of the suite (the fuzz targets keep their own, see
 * test/fuzz/fuzz-kit.ts): a run is reproducible, and a failure says how to replay it.
 *
 *   PROPERTY_SEED=1234 npx vitest run test/core/pxz1-properties.test.ts     a given seed
 *   PROPERTY_SEED=random npx vitest run …                                     a fresh one
 */
import fc from 'fast-check';
import { beforeEach } from 'vitest';

export const DEFAULT_PROPERTY_SEED = 0x2026_0c07;

export function propertySeed(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_PROPERTY_SEED;
  if (raw.trim() === 'random') return (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
  const n = Number(raw.trim());
  if (!Number.isSafeInteger(n)) throw new Error(`PROPERTY_SEED must be an integer or "random", not "${raw}"`);
  return n | 0;
}

const seed = propertySeed(process.env['PROPERTY_SEED']);

fc.configureGlobal({ seed });

// fast-check's own report names the seed and path of the failing run; this says how to rerun the file.
beforeEach((context) => {
  context.onTestFailed(() => {
    console.error(`property tests ran with PROPERTY_SEED=${seed}: replay with PROPERTY_SEED=${seed} npx vitest run ${context.task.file.name}`);
  });
});
