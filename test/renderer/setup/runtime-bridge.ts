/**
 * The renderer's bridge over a real IPC runtime: the real handlers, the real store in a temp folder,
 * the real mock CS on 127.0.0.1 (port 0), every answer checked against the contract. Only the
 * transport (Electron's IPC or web mode's socket) is left out.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRUSTED, startRuntime, type TestRuntime } from '../../ipc/helpers.js';
import { afterEach, beforeEach } from 'vitest';
import { setBridge, type Bridge } from '../../../src-renderer/lib/api.js';
import { SetupWizard } from '../../../src-renderer/lib/setup/wizard.svelte.js';

export interface RuntimeBridge {
  t: TestRuntime;
  bridge: Bridge;
  /** every request the renderer made, in order */
  calls: { channel: string; input: unknown }[];
  /** where export.save writes (Electron's save dialog, answered at once) */
  saveDir: string;
  close(): Promise<void>;
}

/** A runtime whose mock CS listens on a free port, installed as the renderer's bridge. */
export async function startRuntimeBridge(opts: { saveFiles?: boolean } = {}): Promise<RuntimeBridge> {
  const saveDir = await mkdtemp(join(tmpdir(), 'gax-setup-save-'));
  const t = await startRuntime(
    opts.saveFiles
      ? {
          async saveFile(req) {
            await mkdir(saveDir, { recursive: true });
            const path = join(saveDir, req.suggestedName);
            await writeFile(path, req.content, 'utf8');
            return { saved: true, path };
          },
        }
      : {},
  );
  await t.call('mockcs.listeners.set', { listeners: [{ host: '127.0.0.1', port: 0, tls: false }] });
  const calls: RuntimeBridge['calls'] = [];
  const bridge: Bridge = {
    invoke(channel, input) {
      calls.push({ channel, input });
      return t.runtime.dispatcher.invoke(channel, input, TRUSTED);
    },
    on(event, listener) {
      return t.runtime.subscribe((e, payload) => {
        if (e === event) listener(payload);
      });
    },
  };
  setBridge(bridge, 'electron');
  return {
    t,
    bridge,
    calls,
    saveDir,
    async close() {
      await t.close();
      await rm(saveDir, { recursive: true, force: true });
    },
  };
}

/** What a setup-step test works on: the runtime bridge, the wizard, and the step's controllers built on them. */
export type WizardOnRuntime<T extends object> = { rb: RuntimeBridge; wizard: SetupWizard } & T;

/**
 * Before each test a runtime bridge and a new SetupWizard, with `steps(wizard)` (the controllers
 * under test) built on them, all set on the object returned; after each test the bridge is closed.
 */
export function useWizardOnRuntime<T extends object>(steps: (wizard: SetupWizard) => T): WizardOnRuntime<T> {
  const s = {} as WizardOnRuntime<T>;
  beforeEach(async () => {
    const rb = await startRuntimeBridge();
    const wizard = new SetupWizard();
    Object.assign(s, { rb, wizard }, steps(wizard));
  });
  afterEach(async () => {
    await s.rb.close();
  });
  return s;
}
