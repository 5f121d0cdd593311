/** The bridge the labs tests start before each test: the real main side in web mode, its mock CS on a free loopback port. */
import { setBridge } from '../../../src-renderer/lib/api.js';
import { navigation } from '../../../src-renderer/lib/app/navigation.svelte.js';
import { labs } from '../../../src-renderer/lib/labs/labs-view.js';
import { runtimeBridge, type RuntimeBridge } from '../runtime-bridge.js';

/** A runtime bridge in web mode, installed as the renderer's bridge, its mock CS listening on 127.0.0.1 (a free port). */
export async function startLabsBridge(): Promise<RuntimeBridge> {
  const bridge = await runtimeBridge({ mode: 'web' });
  setBridge(bridge, 'web');
  await bridge.call('mockcs.listeners.set', { listeners: [{ host: '127.0.0.1', port: 0 }] });
  return bridge;
}

/** `startLabsBridge()`, with no lab open and the app on the Labs view. */
export async function startLabsViewBridge(): Promise<RuntimeBridge> {
  const bridge = await startLabsBridge();
  labs.lab = null;
  navigation.go('labs');
  return bridge;
}
