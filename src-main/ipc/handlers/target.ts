/** Where a login or a clock probe goes: a host the person typed, or a listener of the app's own mock CS. */
import type { TlsTarget } from '../../client/index.js';
import type { LoginTarget } from '../contract/login.js';
import { HandlerError } from '../result.js';
import type { IpcServices } from '../context.js';

export interface ResolvedTarget {
  host: string;
  port: number;
  tls: TlsTarget | null;
}

/**
 * A mock CS target is one of its listeners (the first when none is named). Main pins a TLS
 * listener's own certificate itself, and asks for the name `localhost` the certificate holds, so the
 * check passes whichever address the listener is bound to.
 */
export function resolveTarget(services: IpcServices, target: LoginTarget, tls: TlsTarget | null | undefined): ResolvedTarget {
  if (target.kind === 'host') return { host: target.host, port: target.port, tls: tls ?? null };
  const status = (target.host ? services.mockCsHosts.host(target.host) : services.frontMockCs()).cs().status();
  if (!status.running) throw new HandlerError('MOCKCS_NOT_RUNNING', 'the mock CS is not running', 'Start it in the Server view, then try again.');
  const listener = target.listenerId === undefined ? status.listeners[0] : status.listeners.find((l) => l.id === target.listenerId);
  if (!listener)
    throw new HandlerError(
      'UNKNOWN_LISTENER',
      `the mock CS has no listener "${target.listenerId ?? ''}"`,
      `Pick one of: ${status.listeners.map((l) => l.id).join(', ') || 'none'}.`,
    );
  return {
    host: connectableHost(listener.host),
    port: listener.port,
    tls: listener.tls
      ? { servername: 'localhost', ...(listener.fingerprint256 !== undefined ? { fingerprint256: listener.fingerprint256 } : {}) }
      : null,
  };
}

/** A listener bound to every address is reached on loopback. */
function connectableHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::' || host === '[::]') return '::1';
  return host;
}
