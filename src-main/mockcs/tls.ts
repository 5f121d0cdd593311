/**
 * The TLS listeners' certificate: self-signed for `localhost`, 127.0.0.1 and ::1, made with the
 * maintained `selfsigned` package (X.509 via @peculiar/x509), kept in `<dataDir>/tls/` and made
 * again only when missing, unreadable, not matching its key, or expired. Clients pin its SHA-256
 * fingerprint, or use the certificate file as their CA.
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { ensurePrivateDir, writePrivateFile } from './persist.js';

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
}

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
  if (kept) return kept;
  const made = await createTlsMaterial(nowMs, certPath);
  ensurePrivateDir(dir);
  writePrivateFile(keyPath, made.key);
  writePrivateFile(certPath, made.cert);
  return made;
}

async function readKept(certPath: string, keyPath: string, nowMs: number): Promise<TlsMaterial | null> {
  try {
    const [cert, key] = await Promise.all([readFile(certPath, 'utf8'), readFile(keyPath, 'utf8')]);
    const x509 = new X509Certificate(cert);
    const validFrom = new Date(x509.validFrom);
    const validTo = new Date(x509.validTo);
    // A day of margin: a certificate that expires during a lesson is as bad as an expired one.
    if (!(validFrom.getTime() <= nowMs && validTo.getTime() > nowMs + DAY_MS)) return null;
    if (!x509.checkPrivateKey(createPrivateKey(key))) return null;
    return { cert, key, fingerprint256: x509.fingerprint256, validFrom, validTo, certPath };
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
