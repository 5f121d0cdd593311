/**
 * Whose word each claim is. Everything the tool says about how Genesys behaves is one of three kinds:
 * `genesys` (a published Genesys document, named by id), `model` (the tool's own reference model:
 * the PXZ-1 token bytes, the csmock/1 protocol and the mock CS's log, how GAX obtains token-uuid and
 * the preamble, and everything derived from them) or `advice` (the tool's own judgement).
 * Nothing is `genesys` without a source below that says it. Browser-safe: no Node APIs.
 */
import { SOURCE_LABEL, type Source, type SourceId, type SourceKind } from './source-kinds.js';

export * from './source-kinds.js';

export interface SourceEntry {
  id: SourceId;
  kind: SourceKind;
  title: string;
  /** where a reader finds it (a Genesys document's location, or the project's own doc) */
  where: string;
  /** what the tool relies on it for, in one sentence */
  establishes: string;
}

export const SOURCES: Readonly<Record<SourceId, SourceEntry>> = {
  'GAX-SECURE': {
    id: 'GAX-SECURE',
    kind: 'genesys',
    title: 'GAX Deployment Guide: Secure Communication with Configuration Server (GAX 8.5.25+)',
    where: 'docs.genesys.com/Documentation/GA/latest/Dep/TokenBasedCSConns',
    establishes:
      'GAX signs the username and expiry with HMAC-SHA256 using token-uuid as a salt and prefixes the preamble; the CS [system] options token-authentication-mode (enable), token-preambula (default {PXZ}) and token-uuid; the GAX [general] options confserv_trusted and token_life_in_minutes; the token must fit the Password field of the GAX interface (approximately 64 bytes, preamble included); token authentication is off by default: enable it on the CS first, then on GAX.',
  },
  'CSP-SYSTEM': {
    id: 'CSP-SYSTEM',
    kind: 'genesys',
    title: 'Framework Configuration Options Reference: Configuration Server Proxy, [system] section',
    where: 'docs.genesys.com/Documentation/FR/Current/CORM/CSPCSSystemSect',
    establishes:
      'token-tolerance (seconds, default 60, 1–2147483647, takes effect immediately, unset or 0 means the default) widens the window at both ends; token-ttl (minutes, default 1440, 1–2147483647, takes effect immediately) is a window ending at the expiry GAX set, and when unset or 0 GAX token_life_in_minutes is used, else 1440. Documented for Configuration Server Proxy.',
  },
  'CS-SYSTEM': {
    id: 'CS-SYSTEM',
    kind: 'genesys',
    title: 'Framework Configuration Options Reference: Configuration Server, [system] section',
    where: 'docs.genesys.com/Documentation/FR/Current/CORM/CSSystemSect',
    establishes:
      "Some master CS options must be set in the CS's local configuration file and need a restart, so a local file can hold a [system] section.",
  },
  'GAX-FILES': {
    id: 'GAX-FILES',
    kind: 'genesys',
    title: 'GAX Help: File Formats (option export and import files)',
    where: 'GAX Help, "File Formats"',
    establishes:
      'Option export/import files are .cfg (Windows) and .conf (UNIX) with the same syntax: [section] lines and name=value lines; string options only.',
  },
  'FW-LOGIN': {
    id: 'FW-LOGIN',
    kind: 'genesys',
    title: 'Framework Deployment Guide: Standard Login',
    where: 'Framework Deployment Guide, "Standard Login"',
    establishes: 'The master account is default, with the password password until it is changed.',
  },
  'SEC-TLS': {
    id: 'SEC-TLS',
    kind: 'genesys',
    title: 'Genesys Security Deployment Guide: TLS connections',
    where: 'Genesys Security Deployment Guide',
    establishes: 'A secure port has tls=1 in its transport parameters, and a certificate.',
  },
  'TEN-SECAUTH': {
    id: 'TEN-SECAUTH',
    kind: 'genesys',
    title: 'Framework Configuration Options Reference: Tenant/Person annex [security-authentication-rules]',
    where: 'docs.genesys.com/Documentation/FR/Current/CORM/TenSecAuthSect',
    establishes:
      'Account lockout and account expiration are configured in [security-authentication-rules]; a login can be refused for them even when the token is good.',
  },
  'SYS-LASTLOGIN': {
    id: 'SYS-LASTLOGIN',
    kind: 'genesys',
    title: 'Genesys Security Deployment Guide: Last Logged In',
    where: 'docs.genesys.com/Documentation/System/latest/SDG/LLogIn',
    establishes: 'Account expiration needs last-login and last-login-synchronization on the master CS and every CS Proxy.',
  },
  'PXZ-1': {
    id: 'PXZ-1',
    kind: 'model',
    title: "PXZ-1, the tool's reference token format",
    where: 'docs/pxz1-token.md',
    establishes:
      'The byte layout of a token, its key derivation, its encoding and every length, username limit and decode error that follows from them. Genesys does not publish its token format: real GAX tokens cannot be decoded or verified with it.',
  },
  'CSMOCK-1': {
    id: 'CSMOCK-1',
    kind: 'model',
    title: "csmock/1, the mock Configuration Server's protocol, answers and log",
    where: 'docs/csmock-protocol.md',
    establishes:
      "How the mock CS frames messages, the error codes and texts it answers with, its limits and its log lines. Genesys's CS speaks a proprietary protocol; its error texts and log event numbers are not published.",
  },
  'GAX-SIDE': {
    id: 'GAX-SIDE',
    kind: 'model',
    title: "The tool's model of GAX's side",
    where: 'docs/gax-side-model.md',
    establishes:
      "GAX has no token-uuid or preamble option of its own: it signs with the token-uuid and preamble of the CS it is configured against (the primary master CS's [system] values, or the value that CS generated when token-uuid is unset). Genesys implies that GAX and the CS derive the same key but does not publish how GAX obtains them.",
  },
  'TOOL-ADVICE': {
    id: 'TOOL-ADVICE',
    kind: 'advice',
    title: "The tool's advice",
    where: 'GAX Token Lab',
    establishes:
      "The tool's own judgement of what is safe or sensible (for example a token-tolerance over 300 s is too wide, a token life over 8 hours is long); never a Genesys rule.",
  },
};

/** The one-sentence model of GAX's side that every door repeats (doctor, labs, wizard, Connect, mock CS). */
export const GAX_SIDE_MODEL = SOURCES['GAX-SIDE'].establishes;

export function sourceEntry(source: Source): SourceEntry {
  return SOURCES[source.id];
}

/** "Genesys doc: GAX Deployment Guide: …" — the label and the title, for a tooltip or a text line. */
export function describeSource(source: Source): string {
  return `${SOURCE_LABEL[source.kind]}: ${SOURCES[source.id].title}`;
}

/** True when the pair is consistent with the registry (a genesys id is a Genesys document, and so on). */
export function isKnownSource(value: unknown): value is Source {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, id } = value as { kind?: unknown; id?: unknown };
  if (typeof id !== 'string' || !Object.prototype.hasOwnProperty.call(SOURCES, id)) return false;
  return SOURCES[id as SourceId].kind === kind;
}
