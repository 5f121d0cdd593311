/**
 * The server certificate: what the trace shows of it, and the checks the client makes itself.
 * The TLS socket is opened with `rejectUnauthorized: false` so that the certificate can be shown
 * even when it is refused, and so that a wrong pin, an untrusted issuer, an expired certificate
 * and a wrong name are each told apart. The connection is used only after `verifyCertificate`
 * has returned null.
 */
import { checkServerIdentity, type DetailedPeerCertificate, type PeerCertificate, type TLSSocket } from 'node:tls';
import { isoSeconds } from '../core/index.js';
import type { CertificateInfo, ChainCertificate } from './types.js';

const HEX64 = /^[0-9a-f]{64}$/;

/** "AB:CD:…" or plain hex, any case → 64 lower-case hex digits, or null when it is not a SHA-256 */
export function normalizeFingerprint(input: string): string | null {
  const hex = input
    .trim()
    .replace(/^sha-?256[:=/ ]?/i, '')
    .replace(/[:\s]/g, '')
    .toLowerCase();
  return HEX64.test(hex) ? hex : null;
}

/** 64 hex digits → "AB:CD:…" */
export function formatFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/../g) ?? []).join(':');
}

/** the first groups of a fingerprint, enough to tell two apart on screen */
export function fingerprintHead(hex: string, groups = 4): string {
  return `${formatFingerprint(hex).split(':').slice(0, groups).join(':')}:…`;
}

function formatName(name: Record<string, string | string[] | undefined> | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`)
    .join(', ');
}

function parseCertDate(text: string): number {
  return new Date(text).getTime();
}

function isoOrRaw(text: string): string {
  const ms = parseCertDate(text);
  return Number.isFinite(ms) ? isoSeconds(Math.floor(ms / 1000)) : text;
}

function chainEntry(cert: PeerCertificate, nowMs: number): ChainCertificate {
  const validTo = parseCertDate(cert.valid_to);
  return {
    subject: formatName(cert.subject as unknown as Record<string, string | string[]>),
    issuer: formatName(cert.issuer as unknown as Record<string, string | string[]>),
    validFrom: isoOrRaw(cert.valid_from),
    validTo: isoOrRaw(cert.valid_to),
    daysLeft: Number.isFinite(validTo) ? Math.floor((validTo - nowMs) / 86_400_000) : 0,
    fingerprint256: cert.fingerprint256.toUpperCase(),
    altNames: cert.subjectaltname ? cert.subjectaltname.split(/,\s*/).filter(Boolean) : [],
    pem: toPem(cert.raw),
  };
}

/** DER → PEM, 64 characters a line as RFC 7468 asks */
export function toPem(der: Buffer): string {
  const body = (der.toString('base64').match(/.{1,64}/g) ?? []).join('\n');
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}

/** The most certificates followed up a chain: real chains are 2–4 long; a loop in a broken one must still end. */
const MAX_CHAIN = 10;

/**
 * The chain as presented, leaf first. Node links each certificate to its issuer and a self-signed
 * one to itself, so the walk stops at the first certificate already seen.
 */
export function presentedChain(leaf: DetailedPeerCertificate, nowMs: number): ChainCertificate[] {
  const seen = new Set<string>();
  const out: ChainCertificate[] = [];
  for (let c: DetailedPeerCertificate | undefined = leaf; c && c.raw && out.length < MAX_CHAIN; c = c.issuerCertificate) {
    if (seen.has(c.fingerprint256)) break;
    seen.add(c.fingerprint256);
    out.push(chainEntry(c, nowMs));
  }
  return out;
}

export function certificateInfo(cert: DetailedPeerCertificate, socket: TLSSocket, nowMs: number): CertificateInfo {
  const { pem: _pem, ...leaf } = chainEntry(cert, nowMs);
  return {
    ...leaf,
    protocol: socket.getProtocol() ?? '',
    cipher: socket.getCipher()?.name ?? '',
    chain: presentedChain(cert, nowMs),
  };
}

export type CertificateProblem =
  | { kind: 'fingerprint-mismatch'; presented: string; pinned: string }
  | { kind: 'untrusted'; reason: string }
  | { kind: 'expired'; validTo: string; daysAgo: number }
  | { kind: 'not-yet-valid'; validFrom: string }
  | { kind: 'wrong-name'; name: string; holds: string[] };

/** OpenSSL's verdicts that are about dates or names: the client checks those itself, below */
const CHECKED_HERE = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_ALTNAME_INVALID']);

export interface VerifyInput {
  cert: DetailedPeerCertificate;
  /** Node's verdict on the chain (null when the chain is trusted) */
  authorizationError: string | null;
  /** 64 lower-case hex digits when pinned */
  pinned: string | null;
  /** the name the certificate must hold: the servername, else the host */
  name: string;
  nowMs: number;
}

/**
 * The first problem, in the order that makes the message true: a pin is the whole trust (so a
 * pinned self-signed certificate passes the chain check), then dates, then the name.
 */
export function verifyCertificate(v: VerifyInput): CertificateProblem | null {
  const presented = v.cert.fingerprint256.replace(/:/g, '').toLowerCase();
  if (v.pinned !== null) {
    if (presented !== v.pinned) return { kind: 'fingerprint-mismatch', presented, pinned: v.pinned };
  } else if (v.authorizationError && !CHECKED_HERE.has(v.authorizationError)) {
    return { kind: 'untrusted', reason: v.authorizationError };
  }
  const from = parseCertDate(v.cert.valid_from);
  const to = parseCertDate(v.cert.valid_to);
  if (Number.isFinite(to) && v.nowMs > to)
    return { kind: 'expired', validTo: isoOrRaw(v.cert.valid_to), daysAgo: Math.floor((v.nowMs - to) / 86_400_000) };
  if (Number.isFinite(from) && v.nowMs < from) return { kind: 'not-yet-valid', validFrom: isoOrRaw(v.cert.valid_from) };
  if (v.authorizationError === 'CERT_HAS_EXPIRED') return { kind: 'expired', validTo: isoOrRaw(v.cert.valid_to), daysAgo: 0 };
  if (v.authorizationError === 'CERT_NOT_YET_VALID') return { kind: 'not-yet-valid', validFrom: isoOrRaw(v.cert.valid_from) };
  const nameError = checkServerIdentity(v.name, v.cert);
  if (nameError) return { kind: 'wrong-name', name: v.name, holds: namesIn(v.cert) };
  return null;
}

function namesIn(cert: PeerCertificate): string[] {
  const alt = cert.subjectaltname ? cert.subjectaltname.split(/,\s*/).filter(Boolean) : [];
  if (alt.length) return alt;
  const cn = (cert.subject as unknown as Record<string, string | undefined> | undefined)?.CN;
  return cn ? [`CN=${cn}`] : [];
}

/** OpenSSL's chain verdicts in words */
export function untrustedReason(code: string): string {
  switch (code) {
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return 'it is self-signed';
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return 'its chain ends in a self-signed CA that is not trusted';
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
      return 'its issuer is not a trusted CA';
    case 'CERT_SIGNATURE_FAILURE':
      return 'its signature does not verify';
    case 'CERT_REVOKED':
      return 'it has been revoked';
    default:
      return `it does not verify (${code})`;
  }
}
