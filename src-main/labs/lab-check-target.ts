import type { MockCs } from '../mockcs/index.js';
import { HandlerError } from '../workbench/failure.js';

/**
 * Where the check logs in: the mock CS's first listener, its certificate pinned when it is TLS.
 * A wildcard address is reached through loopback.
 */
export function checkTarget(cs: MockCs): { host: string; port: number; tls?: { fingerprint256: string } } {
  const status = cs.status();
  const first = status.listeners[0];
  if (!status.running || !first)
    throw new HandlerError(
      'MOCKCS_STOPPED',
      'the mock CS is stopped, so there is nothing to log in to',
      'Start it in the Server view (or open the lab again), then check.',
    );
  const host = first.host === '0.0.0.0' ? '127.0.0.1' : first.host === '::' ? '::1' : first.host;
  if (first.tls && first.fingerprint256) return { host, port: first.port, tls: { fingerprint256: first.fingerprint256 } };
  return { host, port: first.port };
}
