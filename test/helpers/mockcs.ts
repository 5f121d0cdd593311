/** A mock CS for tests that log in to it: one plain and one TLS listener on free loopback ports. */
import { MockCs, type MockCsOptions } from '../../src-main/mockcs/index.js';

export interface PlainAndTls {
  cs: MockCs;
  port: number;
  tlsPort: number;
  /** the TLS listener's certificate, SHA-256, as the CLI's --fingerprint takes it */
  fingerprint: string;
}

/** Starts `new MockCs({ dataDir, options })` with a plain and a TLS listener added to `options`. */
export async function startPlainAndTls(options: Partial<MockCsOptions>, dataDir?: string): Promise<PlainAndTls> {
  const cs = new MockCs({
    ...(dataDir === undefined ? {} : { dataDir }),
    options: {
      ...options,
      listeners: [
        { host: '127.0.0.1', port: 0 },
        { host: '127.0.0.1', port: 0, tls: true },
      ],
    },
  });
  const [plain, secure] = await cs.start();
  if (!plain || !secure?.fingerprint256) throw new Error('the mock CS did not start both listeners');
  return { cs, port: plain.port, tlsPort: secure.port, fingerprint: secure.fingerprint256 };
}
