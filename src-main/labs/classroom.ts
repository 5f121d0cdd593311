/**
 * Classroom mode: the mock CS also listens on one of this machine's network addresses, so a class
 * can point Connect at it, with the protocol spec's limits tightened for a room of trainees (a
 * connection that does not register soon is closed, failed attempts close the connection, and the
 * number of connections is capped, in all and per trainee address). The loopback listeners stay,
 * and the mock keeps the last slots for 127.0.0.1, so the instructor's own checks and logins keep
 * working however full the class is; "back to loopback only" removes the classroom listener and
 * restores the limits that were in force before.
 */
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { isIP } from 'node:net';
import type { MockCsListener, MockCsOptions } from '../mockcs/index.js';
import { CLASSROOM_LIMITS, type ClassroomView } from '../ipc/contract/labs.js';
import { isLoopbackHost } from '../shared/loopback.js';
import { HandlerError } from '../workbench/failure.js';
import type { ClassroomServices } from './needs.js';

type Limits = Pick<MockCsOptions, 'maxConnections' | 'maxConnectionsPerAddress' | 'registerTimeoutSeconds' | 'maxFailedAttempts' | 'maxLineBytes'>;

export interface NetworkAddress {
  name: string;
  address: string;
  family: 'IPv4' | 'IPv6';
}

/**
 * This machine's addresses other machines can reach: not loopback, and not IPv6 link-local (such an
 * address needs an interface scope to bind, and trainees' machines rarely share the link anyway).
 */
export function reachableAddresses(list: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): NetworkAddress[] {
  const out: NetworkAddress[] = [];
  for (const [name, infos] of Object.entries(list)) {
    for (const info of infos ?? []) {
      if (info.internal) continue;
      const family = info.family === 'IPv4' || (info.family as unknown) === 4 ? 'IPv4' : 'IPv6';
      if (family === 'IPv6' && /^fe[89ab][0-9a-f]:/i.test(info.address)) continue;
      out.push({ name, address: info.address, family });
    }
  }
  return out;
}

export class Classroom {
  private state: { listener: MockCsListener; previous: Limits; since: number } | null = null;

  constructor(
    private readonly services: ClassroomServices,
    private readonly addresses: () => NetworkAddress[] = () => reachableAddresses(),
  ) {}

  /** Where the room is pointed, while classroom mode is on. */
  room(): MockCsListener | null {
    return this.state ? { ...this.state.listener } : null;
  }

  interfaces(): NetworkAddress[] {
    return this.addresses();
  }

  async start(host: string, port: number, tls: boolean): Promise<ClassroomView> {
    const address = host.trim().replace(/^\[(.*)\]$/, '$1');
    const known = this.addresses().some((a) => a.address === address);
    // Loopback is accepted too: an instructor may rehearse the class on one machine first.
    if (!known && !(isIP(address) !== 0 && isLoopbackHost(address)))
      throw new HandlerError(
        'ADDRESS_NOT_AVAILABLE',
        `${address} is not one of this machine's network addresses`,
        'Pick an address from the list (it is read again each time the Labs view opens).',
      );
    const listener: MockCsListener = { host: address, port, tls };
    await this.services.changeMockCs(async (cs) => {
      const options = cs.getOptions();
      const previous = this.state?.previous ?? pickLimits(options);
      const kept = options.listeners.filter((l) => isLoopbackHost(l.host));
      const loopback = kept.length > 0 ? kept : [{ host: '127.0.0.1', port: 0 }];
      await cs.updateOptions({ listeners: [...loopback, listener], ...CLASSROOM_LIMITS });
      if (!cs.status().running) await cs.start();
      // Pinned to the port it got (no rebind): a free port (0) would not tell it from a loopback 0.
      const actual = cs.status().listeners[loopback.length]?.port ?? port;
      const pinned = { ...listener, port: actual };
      if (actual !== port) await cs.updateOptions({ listeners: [...loopback, pinned] });
      this.state = { listener: pinned, previous, since: this.services.clock() };
    });
    return this.view();
  }

  async stop(): Promise<ClassroomView> {
    const state = this.state;
    await this.services.changeMockCs(async (cs) => {
      const options = cs.getOptions();
      // The classroom listener goes (also a loopback one, for a rehearsal), and anything else not on loopback.
      const kept = options.listeners.filter((l) => isLoopbackHost(l.host) && !(state && sameSpec(l, state.listener)));
      const listeners = kept.length > 0 ? kept : [{ host: '127.0.0.1', port: 0 }];
      await cs.updateOptions({ listeners, ...(state ? state.previous : {}) });
      this.state = null;
    });
    return this.view();
  }

  /** On while the classroom listener is still one of the mock CS's (the Server view may have removed it). */
  view(): ClassroomView {
    const cs = this.services.mockCs();
    const options = cs.getOptions();
    const limits = pickLimits(options);
    const state = this.state;
    const index = state ? options.listeners.findIndex((l) => sameSpec(l, state.listener)) : -1;
    const configured = options.listeners[index];
    if (!state || !configured) return { on: false, host: null, port: null, tls: false, listenerId: null, fingerprint256: null, since: null, limits };
    // Bound listeners are kept in the configured order (ListenerSet), so the index finds its actual port.
    const running = cs.status();
    const bound = running.running ? running.listeners[index] : undefined;
    return {
      on: true,
      host: configured.host,
      port: bound?.port ?? configured.port,
      tls: Boolean(configured.tls),
      listenerId: bound?.id ?? null,
      fingerprint256: bound?.fingerprint256 ?? null,
      since: state.since,
      limits,
    };
  }
}

function sameSpec(a: MockCsListener, b: MockCsListener): boolean {
  return a.host === b.host && a.port === b.port && Boolean(a.tls) === Boolean(b.tls);
}

function pickLimits(o: MockCsOptions): Limits {
  return {
    maxConnections: o.maxConnections,
    maxConnectionsPerAddress: o.maxConnectionsPerAddress,
    registerTimeoutSeconds: o.registerTimeoutSeconds,
    maxFailedAttempts: o.maxFailedAttempts,
    maxLineBytes: o.maxLineBytes,
  };
}
