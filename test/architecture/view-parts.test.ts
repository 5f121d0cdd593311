/**
 * styles/view-parts.css loads with the renderer's lazily loaded parts, not with the first paint
 * (renderer bench): each part loaded by a dynamic import() imports it itself, so whichever view the
 * person opens first has its cards, tables and chips styled; and nothing the first paint imports
 * statically pulls it in. A new lazy view fails here until it imports the sheet.
 */
import { describe, expect, it } from 'vitest';
import { importEdges, sourceFiles } from './import-graph.js';

const SHEET = 'src-renderer/styles/view-parts.css';

const { edges } = importEdges(sourceFiles('src-renderer'));
const staticImports = (file: string): string[] => edges.filter((e) => e.from === file && !e.dynamic && !e.external).map((e) => e.to);
const lazy = [...new Set(edges.filter((e) => e.dynamic && e.to.startsWith('src-renderer/')).map((e) => e.to))].sort();

describe('view-parts.css loads with the lazy parts of the renderer', () => {
  it('finds the lazily loaded views and the later wizard steps', () => {
    expect(lazy).toContain('src-renderer/components/views/TokensView.svelte');
    expect(lazy).toContain('src-renderer/lib/setup/later-steps.ts');
    expect(lazy.length).toBeGreaterThanOrEqual(7);
  });

  it('each of them imports the sheet itself', () => {
    expect(lazy.filter((f) => !staticImports(f).includes(SHEET))).toEqual([]);
  });

  it('the first paint (main.ts and what it imports statically) does not', () => {
    const seen = new Set<string>();
    const stack = ['src-renderer/main.ts'];
    while (stack.length > 0) {
      const file = stack.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      stack.push(...staticImports(file));
    }
    expect(seen.has('src-renderer/styles/base.css')).toBe(true);
    expect(seen.has(SHEET)).toBe(false);
  });
});
