/**
 * The real main side for the renderer's component tests (Server, Connect, Settings, Doctor): the IPC
 * runtime with its store in a temp folder (or a folder the test prepared, e.g. with a damaged file),
 * the real mock CS, login client, doctor and options handlers, reached through the dispatcher
 * Electron and web mode use. Only the transport is a direct
 * call. Electron mode gets a save dialog that writes into the temp folder (a real file) and an
 * openExternal that records the link; web mode has neither, as in production.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIpcRuntime, type IpcRuntime, type SenderInfo } from '../../src-main/ipc/index.js';
import type { RequestChannel, RequestInput, RequestOutput } from '../../src-main/ipc/contract/index.js';
import type { IpcResult } from '../../src-main/ipc/result.js';
import { SessionSecretVault, safeStorageCipher, type SecretCipher } from '../../src-main/store/index.js';
import type { Bridge } from '../../src-renderer/lib/api.js';

const TRUSTED: SenderInfo = { url: 'app://gax-token-lab/index.html', authenticated: true };

export interface RuntimeBridge extends Bridge {
  mode: 'electron' | 'web';
  runtime: IpcRuntime;
  dir: string;
  calls: { channel: string; input: unknown }[];
  /** every answer and event main sent, to prove which secrets left it */
  sent: unknown[];
  /** Electron mode: the links handed to the system browser */
  opened: string[];
  /** Electron mode: files written through the "save dialog" */
  savedFiles: string[];
  /** a request made by the test itself (not recorded as the page's) */
  call<C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<RequestOutput<C>>;
  close(): Promise<void>;
}

export interface RuntimeBridgeOptions {
  mode?: 'electron' | 'web';
  /** a data folder the test prepared; it is removed by close() too */
  dir?: string;
  /** Electron: stands in for safeStorage (an OS keychain) */
  keychain?: boolean;
}

/** Electron's safeStorage is the one thing replaced (it cannot run here), behind the store's real adapter. */
function fakeKeychain(): SecretCipher {
  return safeStorageCipher({
    isEncryptionAvailable: () => true,
    encryptString: (plain: string) => Buffer.from(`k:${plain}`, 'utf8'),
    decryptString: (sealed: Buffer) => sealed.toString('utf8').slice(2),
  });
}

export async function runtimeBridge(opts: RuntimeBridgeOptions = {}): Promise<RuntimeBridge> {
  const mode = opts.mode ?? 'web';
  const dir = opts.dir ?? (await mkdtemp(join(tmpdir(), 'gax-renderer-')));
  const opened: string[] = [];
  const savedFiles: string[] = [];
  const runtime = await createIpcRuntime({
    mode,
    dataDir: dir,
    cipher: opts.keychain ? fakeKeychain() : new SessionSecretVault(),
    appInfo: {
      version: '0.1.0',
      versions: mode === 'electron' ? { node: '22.20.0', electron: '45.5.0', chrome: '142.0.7444.52' } : { node: process.versions.node },
    },
    isTrustedSender: (s) => s.authenticated,
    checkOutputs: true,
    ...(mode === 'electron'
      ? {
          async saveFile(req: { suggestedName: string; content: string }) {
            const path = join(dir, `saved-${req.suggestedName}`);
            await writeFile(path, req.content);
            savedFiles.push(path);
            return { saved: true, path };
          },
          async openExternal(url: string) {
            opened.push(url);
            return true;
          },
        }
      : {}),
  });
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const sent: unknown[] = [];
  runtime.subscribe((event, payload) => {
    sent.push({ event, payload });
    for (const l of listeners.get(event) ?? []) l(payload);
  });
  const calls: RuntimeBridge['calls'] = [];
  return {
    mode,
    runtime,
    dir,
    calls,
    sent,
    opened,
    savedFiles,
    async invoke(channel, input) {
      calls.push({ channel, input });
      const r = await runtime.dispatcher.invoke(channel, input, TRUSTED);
      sent.push(r);
      return r;
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    async call(channel, input) {
      const r = (await runtime.dispatcher.invoke(channel, input, TRUSTED)) as IpcResult<RequestOutput<typeof channel>>;
      if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
      return r.data;
    },
    async close() {
      await runtime.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
