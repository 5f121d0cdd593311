/**
 * The TLS listeners' certificate: self-signed for `localhost`, 127.0.0.1 and ::1, made with the
 * maintained `selfsigned` package (X.509 via @peculiar/x509), kept in `<dataDir>/tls/` and made
 * again only when missing, damaged or expired. Clients pin its SHA-256 fingerprint, or use the
 * certificate file as their CA — so a new one is never made in silence: damaged files are set
 * aside (renamed *.damaged-<time>) and `replaced` says what happened, for the server to announce
 * with the new fingerprint.
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { ensurePrivateDir, setAside, writePrivateFile } from './persist.js';

export const TLS_DIR = 'tls';
export const CERT_FILE = 'mockcs-cert.pem';
export const KEY_FILE = 'mockcs-key.pem';
const VALID_DAYS = 365;
const DAY_MS = 86_400_000;

export interface TlsMaterial {
  cert: string;
  key: string;
  /** "AB:CD:…", SHA-256 of the DER certificate */
  fingerprint256: string;
  validFrom: Date;
  validTo: Date;
  /** where the certificate is kept; null when there is no data dir (kept in memory) */
  certPath: string | null;
  /** set when a kept certificate existed and this one replaces it: why, and where the old files went */
  replaced?: string;
}

type Kept = { ok: TlsMaterial } | { missing: true } | { damaged: string } | { expired: Date };

/**
 * The kept certificate, or a new one. `nowMs` is the real clock (not the simulated CS clock):
 * clients check certificates against their own time.
 */
export async function loadOrCreateTlsMaterial(dataDir: string | undefined, nowMs: number): Promise<TlsMaterial> {
  if (dataDir === undefined) return createTlsMaterial(nowMs, null);
  const dir = join(dataDir, TLS_DIR);
  const certPath = join(dir, CERT_FILE);
  const keyPath = join(dir, KEY_FILE);
  const kept = await readKept(certPath, keyPath, nowMs);
  if ('ok' in kept) return kept.ok;
  let replaced: string | undefined;
  if ('damaged' in kept) {
    const moved = [certPath, keyPath].map((f) => setAside(f, nowMs)).filter((f): f is string => f !== null);
    replaced = `the kept TLS certificate was damaged (${kept.damaged}): set aside as ${moved.join(' and ')}; a new certificate was made`;
  } else if ('expired' in kept)
    replaced = `the kept TLS certificate expired (valid to ${kept.expired.toISOString()}, or within a day): a new certificate was made`;
  const made = await createTlsMaterial(nowMs, certPath);
  ensurePrivateDir(dir);
  writePrivateFile(keyPath, made.key);
  writePrivateFile(certPath, made.cert);
  return replaced === undefined ? made : { ...made, replaced };
}

async function readKept(certPath: string, keyPath: string, nowMs: number): Promise<Kept> {
  const [cert, key] = await Promise.all([readOrNull(certPath), readOrNull(keyPath)]);
  if (cert === null && key === null) return { missing: true };
  if (cert === null) return { damaged: `${CERT_FILE} is missing or unreadable, ${KEY_FILE} is there` };
  if (key === null) return { damaged: `${KEY_FILE} is missing or unreadable, ${CERT_FILE} is there` };
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch {
    return { damaged: `${CERT_FILE} is not a PEM certificate` };
  }
  let matches: boolean;
  try {
    matches = x509.checkPrivateKey(createPrivateKey(key));
  } catch {
    return { damaged: `${KEY_FILE} is not a PEM private key` };
  }
  if (!matches) return { damaged: `${KEY_FILE} is not the key of ${CERT_FILE}` };
  const validFrom = new Date(x509.validFrom);
  const validTo = new Date(x509.validTo);
  // A day of margin: a certificate that expires during a lesson is as bad as an expired one.
  if (!(validFrom.getTime() <= nowMs && validTo.getTime() > nowMs + DAY_MS)) return { expired: validTo };
  return { ok: { cert, key, fingerprint256: x509.fingerprint256, validFrom, validTo, certPath } };
}

async function readOrNull(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}

async function createTlsMaterial(nowMs: number, certPath: string | null): Promise<TlsMaterial> {
  // Back-dated an hour so a client whose clock is a little behind still accepts it.
  const notBefore = new Date(Math.floor(nowMs / 1000) * 1000 - 3_600_000);
  const notAfter = new Date(notBefore.getTime() + VALID_DAYS * DAY_MS);
  const pems = await generate(
    [
      { name: 'commonName', value: 'localhost' },
      { name: 'organizationName', value: 'GAX Token Lab mock CS' },
    ],
    {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notBeforeDate: notBefore,
      notAfterDate: notAfter,
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
            { type: 7, ip: '::1' },
          ],
        },
      ],
    },
  );
  const x509 = new X509Certificate(pems.cert);
  return {
    cert: pems.cert,
    key: pems.private,
    fingerprint256: x509.fingerprint256,
    validFrom: new Date(x509.validFrom),
    validTo: new Date(x509.validTo),
    certPath,
  };
}
