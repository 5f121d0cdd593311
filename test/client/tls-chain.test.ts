/**
 * The whole chain the server presented, carried in the login result: the mock CS's self-signed
 * listener (a chain of one), and a leaf + CA the server sends together (a chain of two), each with
 * its PEM, which must be the very certificate the server holds.
 */
import { X509Certificate } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runLogin, type TlsTarget } from '../../src-main/client/index.js';
import { chainPem } from '../../src-main/core/report/index.js';
import { gax, useMockCs } from './mockcs-fixture.js';
import { csmockResponder, makeCertificate, tlsPeer, type CertificateSet, type Peer } from './peers.js';

const start = useMockCs();
const peers: Peer[] = [];
afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.stop()));
});

describe('the presented chain', () => {
  it("the mock CS's self-signed TLS listener: a chain of one, its PEM the listener's certificate", async () => {
    const { port, fingerprint256 } = await start({}, true);
    const r = await runLogin(gax(port, {}, { tls: { fingerprint256: fingerprint256! } }));
    expect(r.outcome).toBe('accepted');
    const chain = r.certificate!.chain!;
    expect(chain).toHaveLength(1);
    expect(chain[0]!.fingerprint256).toBe(fingerprint256);
    expect(chain[0]!.subject).toBe(chain[0]!.issuer);
    expect(chain[0]!.altNames).toEqual(expect.arrayContaining(['DNS:localhost', 'IP Address:127.0.0.1']));
    expect(chain[0]!.daysLeft).toBeGreaterThan(300);
    expect(new X509Certificate(chain[0]!.pem).fingerprint256).toBe(fingerprint256);
    expect(chain[0]!.pem).toMatch(/^-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=]{64}\n)+[A-Za-z0-9+/=]{1,64}\n-----END CERTIFICATE-----\n$/);
  });

  describe('a leaf and the CA that issued it, sent together', () => {
    let ca: CertificateSet;
    let leaf: CertificateSet;
    beforeAll(async () => {
      ca = await makeCertificate({ commonName: 'Chain Test CA', isCa: true });
      leaf = await makeCertificate({ ca: { cert: ca.cert, key: ca.key }, dnsNames: ['cs.example.test'], ips: ['127.0.0.1'] });
    });

    /** Logs in as `default` to a TLS peer that sends the leaf and its CA together, trusting it by `tls`. */
    async function loginToLeafAndCa(tls: TlsTarget) {
      const p = await tlsPeer({ ...leaf, cert: `${leaf.cert.trim()}\n${ca.cert.trim()}\n` }, csmockResponder());
      peers.push(p);
      return runLogin({ host: '127.0.0.1', port: p.port, tls, userName: 'default', credentials: { kind: 'password', password: 'password' } });
    }

    it('a chain of two, leaf first, each with subject, issuer, dates, fingerprint and names; saved as one PEM in order', async () => {
      const r = await loginToLeafAndCa({ caPem: ca.cert });
      expect(r.outcome).toBe('accepted');
      const chain = r.certificate!.chain!;
      expect(chain.map((c) => c.fingerprint256)).toEqual([leaf.fingerprint256, ca.fingerprint256]);
      expect(chain[0]).toMatchObject({
        subject: 'CN=localhost',
        issuer: 'CN=Chain Test CA',
        altNames: ['DNS:cs.example.test', 'IP Address:127.0.0.1'],
      });
      expect(chain[1]).toMatchObject({ subject: 'CN=Chain Test CA', issuer: 'CN=Chain Test CA', altNames: [] });
      for (const c of chain) {
        expect(Date.parse(c.validTo)).toBeGreaterThan(Date.parse(c.validFrom));
        expect(c.daysLeft).toBeGreaterThan(300);
      }
      const pem = chainPem(chain);
      const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n/g)!;
      expect(blocks.map((b) => new X509Certificate(b).fingerprint256)).toEqual([leaf.fingerprint256, ca.fingerprint256]);
      expect(new X509Certificate(blocks[0]!).verify(new X509Certificate(blocks[1]!).publicKey)).toBe(true);
    });

    it('the chain is kept when the certificate is refused (pinned to another one)', async () => {
      const r = await loginToLeafAndCa({ fingerprint256: ca.fingerprint256 });
      expect(r.outcome).toBe('tls-failed');
      expect(r.certificate!.chain!.map((c) => c.fingerprint256)).toEqual([leaf.fingerprint256, ca.fingerprint256]);
    });
  });
});
