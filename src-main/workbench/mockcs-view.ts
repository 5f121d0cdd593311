/** The mock CS as the renderer sees it: its status and options, every secret masked or left out. */
import { maskTokenUuid } from '../core/index.js';
import type { MockCs } from '../mockcs/index.js';
import type { MockCsView } from '../ipc/contract/mockcs.js';

export function mockCsView(cs: MockCs, host?: { owner: string; name: string }): MockCsView {
  const status = cs.status();
  const o = cs.publicOptions();
  return {
    ...(host ? { host: { ...host } } : {}),
    running: status.running,
    listeners: status.listeners.map((l) => ({
      id: l.id,
      host: l.host,
      port: l.port,
      tls: l.tls,
      ...(l.fingerprint256 !== undefined ? { fingerprint256: l.fingerprint256 } : {}),
    })),
    connections: status.connections,
    registered: status.registered,
    counters: {
      accepted: status.counters.accepted,
      rejected: { ...status.counters.rejected },
      protocolErrors: { ...status.counters.protocolErrors },
    },
    options: {
      tokenAuthenticationMode: o.tokenAuthenticationMode,
      tokenPreambula: o.tokenPreambula,
      tokenUuid: o.tokenUuid !== null ? { source: 'configured', masked: o.tokenUuid } : { source: 'generated', masked: maskedGenerated(cs) },
      tokenToleranceSeconds: o.tokenToleranceSeconds,
      tokenTtlMinutes: o.tokenTtlMinutes,
      gaxTokenLifeMinutes: o.gaxTokenLifeMinutes,
      clockOffsetSeconds: o.clockOffsetSeconds,
      diagnostics: o.diagnostics,
      passwordFieldLimit: o.passwordFieldLimit,
      users: o.users.map((u) => ({ userName: u.userName, enabled: u.enabled, hasPassword: u.hasPassword })),
      listeners: o.listeners.map((l) => ({ host: l.host, port: l.port, tls: Boolean(l.tls) })),
      maxConnections: o.maxConnections,
      maxLineBytes: o.maxLineBytes,
      registerTimeoutSeconds: o.registerTimeoutSeconds,
      maxFailedAttempts: o.maxFailedAttempts,
    },
  };
}

/**
 * The generated token-uuid's last digits. Reading it may create it (kept in the data dir); when the
 * kept file is damaged, starting the server says why in words — the status only says it is unknown.
 */
function maskedGenerated(cs: MockCs): string {
  try {
    return maskTokenUuid(cs.tokenUuid());
  } catch {
    return '(cannot be read)';
  }
}
