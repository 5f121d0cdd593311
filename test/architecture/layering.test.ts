/**
 * The layering, read from the imports themselves: arrows point down, never up or sideways between
 * siblings (see the Layout section of the design notes). A new file is covered by its folder's rule
 * the day it is added; a new top folder under src-main fails here until it is given a place.
 */
import { describe, expect, it } from 'vitest';
import { importEdges, importLoops, sourceFiles, valueClosure, type ImportEdge } from './import-graph.js';

type Layer = 'core' | 'shared' | 'contract' | 'mockcs' | 'client' | 'store' | 'host' | 'workbench' | 'labs' | 'ipc' | 'app' | 'web' | 'cli';

const BELOW_DOORS: Layer[] = ['core', 'shared', 'contract', 'mockcs', 'client', 'store', 'workbench', 'labs'];

/** Which layers each layer may import (itself included). */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  core: ['core'],
  shared: ['core', 'shared'],
  // zod schemas over the core's vocabulary: no I/O, so every layer above may use them
  contract: ['core', 'shared', 'contract'],
  mockcs: ['core', 'shared', 'mockcs'],
  client: ['core', 'shared', 'client'],
  store: ['core', 'shared', 'store'],
  host: ['core', 'shared', 'host'],
  workbench: ['core', 'shared', 'contract', 'mockcs', 'client', 'store', 'workbench'],
  labs: ['core', 'shared', 'contract', 'mockcs', 'client', 'store', 'workbench', 'labs'],
  ipc: [...BELOW_DOORS, 'host', 'ipc'],
  // the app binary runs the CLI when given a command (app-cli.ts): one door hosting another, never web
  app: [...BELOW_DOORS, 'host', 'ipc', 'cli', 'app'],
  web: [...BELOW_DOORS, 'host', 'ipc', 'web'],
  cli: [...BELOW_DOORS, 'host', 'cli'],
};

/** Node built-ins the pure core may use: computation only (HKDF, HMAC, UTF-8 checks), no I/O. */
const CORE_NODE_MODULES = new Set(['node:crypto', 'node:buffer']);

/** What the renderer may import values from: the browser-safe core, and its source registry loaded on demand. */
const BROWSER_ENTRIES = ['src-main/core/browser.ts', 'src-main/core/browser-sources.ts'];

export function layerOf(file: string): Layer | null {
  if (file.startsWith('src-main/ipc/contract/')) return 'contract';
  const top = /^src-main\/([^/]+)\//.exec(file)?.[1];
  return top !== undefined && top in MAY_IMPORT ? (top as Layer) : null;
}

const mainFiles = sourceFiles('src-main');
const rendererFiles = sourceFiles('src-renderer');
const { edges, unresolved } = importEdges([...mainFiles, ...rendererFiles]);
const mainEdges = edges.filter((e) => e.from.startsWith('src-main/'));
const arrow = (e: ImportEdge): string => `${e.from} → ${e.to}${e.typeOnly ? ' (type)' : ''}`;

describe('the import graph is read whole', () => {
  it('finds the files and resolves every relative import', () => {
    expect(mainFiles.length).toBeGreaterThan(100);
    expect(rendererFiles.length).toBeGreaterThan(50);
    expect(unresolved).toEqual([]);
  });

  it('places every src-main file in a layer', () => {
    expect(mainFiles.filter((f) => layerOf(f) === null)).toEqual([]);
  });
});

describe('src-main: arrows point down', () => {
  it('no layer imports a layer above it or a sibling', () => {
    const wrong = mainEdges.filter((e) => {
      if (e.external) return false;
      const from = layerOf(e.from);
      const to = layerOf(e.to);
      return from === null || to === null || !MAY_IMPORT[from].includes(to);
    });
    expect(wrong.map(arrow)).toEqual([]);
  });

  it('the core does no I/O: no package but zod, no Node built-in beyond crypto and buffer', () => {
    const wrong = mainEdges.filter((e) => e.external && layerOf(e.from) === 'core' && e.to !== 'zod' && !CORE_NODE_MODULES.has(e.to));
    expect(wrong.map(arrow)).toEqual([]);
  });

  it('only app/ imports electron', () => {
    expect(mainEdges.filter((e) => e.to === 'electron' && layerOf(e.from) !== 'app').map(arrow)).toEqual([]);
  });

  it('has no import loops, type-only imports included', () => {
    expect(importLoops(mainEdges)).toEqual([]);
  });

  it('has no loop of value imports at all (what runs when a module loads)', () => {
    expect(importLoops(mainEdges.filter((e) => !e.typeOnly))).toEqual([]);
  });
});

describe('src-renderer: only the browser-safe core and the contract types', () => {
  it('imports values from src-main only through core/browser.ts (and its source registry), and types only from the contract too', () => {
    const wrong = edges.filter((e) => {
      if (!e.from.startsWith('src-renderer/') || !e.to.startsWith('src-main/')) return false;
      if (BROWSER_ENTRIES.includes(e.to)) return false;
      const contractType = e.to.startsWith('src-main/ipc/contract/') || e.to === 'src-main/ipc/result.ts';
      return !(contractType && e.typeOnly);
    });
    expect(wrong.map(arrow)).toEqual([]);
  });

  it.each(BROWSER_ENTRIES)('%s reaches no Node built-in and no package, directly or through what it imports', (entry) => {
    const closure = valueClosure(entry, edges);
    expect(closure.size).toBeGreaterThan(entry.endsWith('browser.ts') ? 10 : 1);
    const reached = [...closure].filter((f) => f.startsWith('node:') || !f.startsWith('src-'));
    expect(reached).toEqual([]);
    // and it stays inside the core
    expect([...closure].filter((f) => !f.startsWith('src-main/core/'))).toEqual([]);
  });

  it('the preload imports nothing that drags in zod', () => {
    const closure = valueClosure('src-main/app/preload.ts', edges);
    expect([...closure].filter((f) => f === 'zod')).toEqual([]);
  });
});
