/**
 * A bridge for the Server and Connect component tests that is the real main side: the IPC runtime
 * (store in a temp folder, the real mock CS on 127.0.0.1, the real login client), reached through
 * the same dispatcher Electron and web mode use. Only the transport is replaced: a direct call.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIpcRuntime, type IpcRuntime, type SenderInfo } from '../../../src-main/ipc/index.js';
import type { RequestChannel, RequestInput, RequestOutput } from '../../../src-main/ipc/contract/index.js';
import type { IpcResult } from '../../../src-main/ipc/result.js';
import { SessionSecretVault } from '../../../src-main/store/index.js';
import type { Bridge } from '../../../src-renderer/lib/api.js';

const TRUSTED: SenderInfo = { url: 'app://gax-token-lab/index.html', authenticated: true };

export interface RuntimeBridge extends Bridge {
  runtime: IpcRuntime;
  dir: string;
  calls: { channel: string; input: unknown }[];
  /** everything main sent (answers and events), to prove no secret left it */
  sent: unknown[];
  /** a request made by the test itself (not recorded as the page's) */
  call<C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<RequestOutput<C>>;
  close(): Promise<void>;
}

export async function runtimeBridge(): Promise<RuntimeBridge> {
  const dir = await mkdtemp(join(tmpdir(), 'gax-renderer-'));
  const runtime = await createIpcRuntime({
    mode: 'web',
    dataDir: dir,
    cipher: new SessionSecretVault(),
    appInfo: { version: '0.1.0', versions: { node: process.versions.node } },
    isTrustedSender: (s) => s.authenticated,
    checkOutputs: true,
    // an INTERNAL answer fails the test that got it; the cause is printed for whoever reads why
    onInternalError: (channel, err) => console.error(`INTERNAL ${channel}`, err),
  });
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const sent: unknown[] = [];
  runtime.subscribe((event, payload) => {
    sent.push({ event, payload });
    for (const l of listeners.get(event) ?? []) l(payload);
  });
  const calls: RuntimeBridge['calls'] = [];
  return {
    runtime,
    dir,
    calls,
    sent,
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
