// Shared timing helpers for the benches. Subjects and their baseline are timed in interleaved rounds
// (A B C A B C …) and each keeps its median, so a load change on the machine hits all of them alike.
function timeRound(fn, minMs) {
  let n = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(minMs) * 1_000_000n;
  let elapsed = 0n;
  while (elapsed < budget) {
    for (let i = 0; i < 500; i++) fn();
    n += 500;
    elapsed = process.hrtime.bigint() - start;
  }
  return n / (Number(elapsed) / 1e9);
}

/** { name: fn } → { name: median ops/s } */
export function interleavedOpsPerSecond(fns, { rounds = 9, minMs = 200 } = {}) {
  const names = Object.keys(fns);
  for (const name of names) for (let i = 0; i < 3000; i++) fns[name](); // JIT warm-up
  const rates = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) for (const name of names) rates[name].push(timeRound(fns[name], minMs));
  return Object.fromEntries(names.map((n) => [n, median(rates[n])]));
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
