// The preload bundle as Electron loads it: one CommonJS file that requires nothing but `electron`,
// run here in a fresh V8 context with a fake `electron` module (Electron itself cannot be downloaded).
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_CHANNELS, REQUEST_CHANNELS } from '../../src-main/ipc/contract/index.js';
import { ROOT } from '../helpers/cli.js';

let outDir: string;
let bundle: string;

beforeAll(async () => {
  // Built into a temp folder so a parallel `npm run build` never sees a half-written file.
  outDir = await mkdtemp(path.join(os.tmpdir(), 'gax-preload-'));
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const run = spawnSync(process.execPath, [vite, 'build', '-c', 'vite.preload.config.ts', '--outDir', outDir, '--logLevel', 'error'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(`the preload build failed:\n${run.stdout}${run.stderr}`);
  bundle = await readFile(path.join(outDir, 'preload.cjs'), 'utf8');
});
afterAll(() => rm(outDir, { recursive: true, force: true }));

type Listener = (...args: unknown[]) => void;

interface FakeElectron {
  exposed: Array<[string, unknown]>;
  invoked: Array<[string, unknown]>;
  listeners: Map<string, Set<Listener>>;
  removed: Array<[string, Listener]>;
  emit(channel: string, ...args: unknown[]): void;
  module: unknown;
}

function fakeElectron(): FakeElectron {
  const fake: FakeElectron = {
    exposed: [],
    invoked: [],
    listeners: new Map(),
    removed: [],
    emit(channel, ...args) {
      for (const l of fake.listeners.get(channel) ?? []) l(...args);
    },
    module: null,
  };
  fake.module = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => fake.exposed.push([key, api]),
    },
    ipcRenderer: {
      invoke: (channel: string, input: unknown) => {
        fake.invoked.push([channel, input]);
        if (channel === 'app.openExternal') return Promise.reject(new Error("Error invoking remote method 'app.openExternal': no handler"));
        return Promise.resolve({ ok: true, data: { echoed: input } });
      },
      on: (channel: string, listener: Listener) => {
        if (!fake.listeners.has(channel)) fake.listeners.set(channel, new Set());
        fake.listeners.get(channel)!.add(listener);
      },
      removeListener: (channel: string, listener: Listener) => {
        fake.removed.push([channel, listener]);
        fake.listeners.get(channel)?.delete(listener);
      },
    },
  };
  return fake;
}

/** Runs the bundle the way Electron runs a sandboxed preload: a CommonJS wrapper with a limited require. */
function loadPreload(): { fake: FakeElectron; required: string[] } {
  const fake = fakeElectron();
  const required: string[] = [];
  const require = (name: string): unknown => {
    required.push(name);
    if (name === 'electron') return fake.module;
    throw new Error(`a sandboxed preload cannot require "${name}"`);
  };
  const module = { exports: {} };
  const context = vm.createContext({ Promise, Set, Map, String, TypeError, Object, Array, console });
  const wrapper = vm.compileFunction(bundle, ['exports', 'require', 'module', '__filename', '__dirname'], {
    parsingContext: context,
    filename: 'preload.cjs',
  });
  wrapper(module.exports, require, module, 'preload.cjs', '.');
  return { fake, required };
}

interface GaxLab {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (...args: unknown[]) => void): () => void;
}

function exposedApi(fake: FakeElectron): GaxLab {
  expect(fake.exposed).toHaveLength(1);
  const [key, api] = fake.exposed[0]!;
  expect(key).toBe('gaxLab');
  return api as GaxLab;
}

describe('the preload bundle', () => {
  it('is one CommonJS file that requires only electron', async () => {
    expect(await readdir(outDir)).toEqual(['preload.cjs']);
    const requires = [...bundle.matchAll(/\brequire\s*\(\s*(["'`])([^"'`]+)\1\s*\)/g)].map((m) => m[2]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
    // No ES module syntax and no dynamic loading: a sandboxed preload could run neither.
    expect(bundle).not.toMatch(/^\s*(?:import|export)\s/m);
    expect(bundle).not.toMatch(/\bimport\s*\(/);
    // Channel names only: no schema library bundled in (a comment may still name it).
    expect(bundle).not.toMatch(/\$?Zod[A-Z]\w*|from ["']zod/);
    expect(bundle.length).toBeLessThan(8 * 1024);
    const { required } = loadPreload();
    expect(required).toEqual(['electron']);
  });

  it('exposes exactly one object, window.gaxLab, with invoke and on', () => {
    const api = exposedApi(loadPreload().fake);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
  });

  it('passes every contract request through to ipcRenderer.invoke', async () => {
    const { fake } = loadPreload();
    const api = exposedApi(fake);
    for (const channel of REQUEST_CHANNELS.filter((c) => c !== 'app.openExternal'))
      expect(await api.invoke(channel, { n: channel })).toEqual({ ok: true, data: { echoed: { n: channel } } });
    expect(fake.invoked.map(([c]) => c)).toEqual(REQUEST_CHANNELS.filter((c) => c !== 'app.openExternal'));
  });

  it('answers an unknown channel with UNKNOWN_CHANNEL without touching IPC', async () => {
    const { fake } = loadPreload();
    const api = exposedApi(fake);
    for (const channel of ['shell.openPath', 'constructor', '__proto__', 'token.mint ', '']) {
      const answer = (await api.invoke(channel, {})) as { ok: boolean; error: { code: string } };
      expect(answer.ok).toBe(false);
      expect(answer.error.code).toBe('UNKNOWN_CHANNEL');
    }
    expect(fake.invoked).toEqual([]);
  });

  it('turns a failed IPC call into an error value, never a rejection', async () => {
    const api = exposedApi(loadPreload().fake);
    const answer = (await api.invoke('app.openExternal', { url: 'https://example.com' })) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    expect(answer).toMatchObject({ ok: false, error: { code: 'IPC_FAILED' } });
    expect(answer.error.message).not.toContain('remote method');
  });

  it('gives listeners only the payload, never the IPC event, and unsubscribes', () => {
    const { fake } = loadPreload();
    const api = exposedApi(fake);
    for (const event of EVENT_CHANNELS) {
      const calls: unknown[][] = [];
      const off = api.on(event, (...args) => calls.push(args));
      const ipcEvent = { sender: { send: () => undefined }, senderFrame: {}, ports: [] };
      fake.emit(event, ipcEvent, { events: [1, 2] });
      expect(calls).toEqual([[{ events: [1, 2] }]]);
      off();
      expect(fake.removed.at(-1)?.[0]).toBe(event);
      fake.emit(event, ipcEvent, { events: [3] });
      expect(calls).toHaveLength(1);
    }
  });

  it('refuses to listen to an event outside the contract', () => {
    const { fake } = loadPreload();
    const api = exposedApi(fake);
    expect(() => api.on('ipc.anything', () => undefined)).toThrow(/no event named "ipc.anything"/);
    expect(() => api.on('mockcs.events', 'not a function' as unknown as () => void)).toThrow();
    expect(fake.listeners.size).toBe(0);
  });
});
