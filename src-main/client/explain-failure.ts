/**
 * Network, TLS and protocol failures in words a field engineer can act on: what happened (one
 * line) and what to do. Server refusals are in explain-rejection.ts.
 */
import { isIP } from 'node:net';
import { modelSource } from '../core/sources.js';
import { LoginFailure } from './failure.js';
import { STEP_LABELS, type StepId } from './types.js';

export interface TargetContext {
  host: string;
  port: number;
  /** whether the login uses TLS */
  tls: boolean;
}

/** "host:port", with IPv6 literals in brackets */
export function describeTarget(host: string, port: number): string {
  return isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}

export function errorCode(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'string') return (e as { code: string }).code;
  return '';
}

/** The error's own words, first line only: OpenSSL reasons and errno texts, never a stack. */
export function errorText(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0]!.trim();
}

export function cancelledFailure(step: StepId): LoginFailure {
  return new LoginFailure('cancelled', `cancelled during ${STEP_LABELS[step]}`, '', { stepDetail: 'cancelled' });
}

export function resolveFailure(e: unknown, host: string): LoginFailure {
  const code = errorCode(e);
  if (code === 'EAI_AGAIN')
    return new LoginFailure(
      'unreachable',
      `host unknown: the DNS server gave no answer for ${host} (EAI_AGAIN)`,
      "Check this machine's network and DNS settings, or use the server's IP address instead of its name.",
      { stepDetail: `no DNS answer for ${host} (EAI_AGAIN)` },
    );
  if (code === 'ENOTFOUND' || code === 'ENODATA' || code === 'EAI_FAIL' || code === 'EAI_NONAME')
    return new LoginFailure(
      'unreachable',
      `host unknown: ${host} does not resolve to an address (${code})`,
      'Check the spelling of the host name, the DNS suffix and the hosts file, or use the IP address.',
      { stepDetail: `${host} not found (${code})` },
    );
  return new LoginFailure(
    'unreachable',
    `host unknown: ${host} could not be resolved (${code || errorText(e)})`,
    "Check the host name and this machine's DNS settings, or use the IP address.",
    { stepDetail: `lookup failed (${code || errorText(e)})` },
  );
}

export function connectFailure(e: unknown, ctx: TargetContext, address: string): LoginFailure {
  const code = errorCode(e);
  const target = describeTarget(ctx.host, ctx.port);
  const at = address === ctx.host ? '' : ` (${address})`;
  switch (code) {
    case 'ECONNREFUSED':
      return new LoginFailure(
        'unreachable',
        `nothing is listening on ${target}${at}`,
        `Start the Configuration Server, or the mock CS on port ${ctx.port} (in the app: Server view → Start; on the command line: gax-token serve --port ${ctx.port}), and check the port number: the CS's listening port, customarily 2020.`,
        { stepDetail: `refused by ${describeTarget(address, ctx.port)}: nothing is listening` },
      );
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENETDOWN':
    case 'EHOSTDOWN':
      return new LoginFailure(
        'unreachable',
        `no route to ${target}${at} (${code})`,
        "Check that the host is up and that this machine's network (VPN, routes) reaches it.",
        { stepDetail: `no route to ${address} (${code})` },
      );
    case 'ECONNRESET':
      return new LoginFailure(
        'unreachable',
        `${target} reset the connection while it was being opened`,
        'A firewall or a proxy may be refusing connections to this port; check it allows this machine.',
        { stepDetail: 'connection reset' },
      );
    default:
      return new LoginFailure(
        'unreachable',
        `could not connect to ${target}${at}: ${code || errorText(e)}`,
        'Check the host, the port and the network between this machine and the server.',
        { stepDetail: code || errorText(e) },
      );
  }
}

export function timeoutFailure(step: StepId, ms: number, ctx: TargetContext): LoginFailure {
  const target = describeTarget(ctx.host, ctx.port);
  switch (step) {
    case 'resolve':
      return new LoginFailure(
        'timeout',
        `the name ${ctx.host} was not resolved within ${ms} ms`,
        "The DNS server is slow or unreachable: check this machine's DNS settings, or use the IP address.",
        { stepDetail: `no answer within ${ms} ms` },
      );
    case 'connect':
      return new LoginFailure(
        'timeout',
        `no answer from ${target} within ${ms} ms`,
        'The host is down or a firewall silently drops the packets: check the host, the port and any firewall between.',
        { stepDetail: `no answer within ${ms} ms` },
      );
    case 'tls':
      return new LoginFailure(
        'timeout',
        `the TLS handshake with ${target} did not finish within ${ms} ms`,
        "The port accepts TCP but does not answer TLS: it is probably a plain port — turn TLS off, or use the server's TLS port.",
        { stepDetail: `no TLS answer within ${ms} ms` },
      );
    case 'hello':
      return notCsmockFailure(`no Hello within ${ms} ms`, ctx);
    default:
      return new LoginFailure(
        'timeout',
        `${target} did not answer ${STEP_LABELS[step]} within ${ms} ms`,
        'The server accepted the connection but is not answering: it may be overloaded or stuck. Check it, or raise the timeout.',
        { stepDetail: `no answer within ${ms} ms` },
      );
  }
}

/** A server that accepts TCP but does not open with a csmock/1 Hello: a real CS, or something else. */
export function notCsmockFailure(observation: string, ctx: TargetContext): LoginFailure {
  const reach = ctx.tls ? 'TCP and TLS reachability is confirmed' : 'TCP reachability is confirmed';
  const tlsHint = ctx.tls ? '' : ' If this port expects TLS, turn TLS on.';
  return new LoginFailure(
    'not-csmock',
    `this is not a csmock/1 server (${observation}) — a real Configuration Server speaks Genesys's own protocol: ${reach}, the login cannot be tried from here`,
    `To see the login itself, point GAX at ${describeTarget(ctx.host, ctx.port)} and read the CS log, or try the same settings against the mock CS (the Server view, or gax-token serve).${tlsHint}`,
    // csmock/1 is the tool's protocol: what a real CS answers instead is not published.
    { stepDetail: observation, source: modelSource('CSMOCK-1') },
  );
}

/** The connection broke after it was opened: a reset, or a close before the answer came. */
export function connectionLostFailure(step: StepId, e: unknown, ctx: TargetContext): LoginFailure {
  const code = errorCode(e);
  const how = code === 'ECONNRESET' || code === 'EPIPE' ? 'reset the connection' : 'closed the connection';
  if (step === 'hello') return notCsmockFailure(`it ${how} without a Hello`, ctx);
  return new LoginFailure(
    'unreachable',
    `${describeTarget(ctx.host, ctx.port)} ${how} before answering ${STEP_LABELS[step]}`,
    'The server stopped or dropped the connection: check that it is still running (and its log), then try again.',
    { stepDetail: `connection ${code === 'ECONNRESET' ? 'reset' : 'closed'} by the server` },
  );
}

/** The TLS handshake itself failed (before any certificate could be checked). */
export function tlsHandshakeFailure(e: unknown, ctx: TargetContext): LoginFailure {
  const code = errorCode(e);
  const target = describeTarget(ctx.host, ctx.port);
  const reason = errorText(e);
  if (code === 'ECONNRESET' || code === 'EPIPE' || /socket disconnected|socket hang up/i.test(reason))
    return new LoginFailure(
      'tls-failed',
      `${target} closed the connection during the TLS handshake`,
      "The port may not be a TLS port (turn TLS off, or use the TLS port), or it refuses this client's TLS versions and ciphers.",
      { stepDetail: 'closed during the handshake' },
    );
  if (
    /WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|HTTP_REQUEST|RECORD_LAYER|UNEXPECTED_RECORD|wrong version number|packet length too long/i.test(
      code + ' ' + reason,
    )
  )
    return new LoginFailure(
      'tls-failed',
      `${target} does not answer in TLS (${reason})`,
      "This port speaks plain TCP: turn TLS off, or use the server's TLS port.",
      { stepDetail: `the answer is not TLS (${code || reason})` },
    );
  return new LoginFailure(
    'tls-failed',
    `the TLS handshake with ${target} failed: ${reason}`,
    "Check that the server's TLS port and certificate are set up, and that it accepts TLS 1.2 or 1.3.",
    { stepDetail: code || reason },
  );
}
