// "Memory back near its start": the rule the fuzz and churn parts judge the mock CS's RSS by, in one place.
export const MEMORY_RULE =
  'RSS of the mock CS process after a 2 s settle and a full GC (--expose-gc) ≤ its RSS at the start + max(20 %, 16 MB); ' +
  'the start is taken after a warm-up stretch of the same load, settled and collected the same way (a cold process grows its young generation and malloc arenas under any load and keeps them)';

export function memoryBackNearStart(startBytes, afterBytes) {
  const limit = startBytes + Math.max(0.2 * startBytes, 16 * 1048576);
  return { limit, pass: afterBytes <= limit };
}
