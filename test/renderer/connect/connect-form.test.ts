import { describe, it, expect } from 'vitest';
import { ConnectForm, fingerprintError, pemError } from '../../../src-renderer/lib/connect/connect-form.svelte.js';
import { requests } from '../../../src-main/ipc/contract/index.js';

const FP = 'AB:'.repeat(31) + 'CD';
const PEM = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n';
const parses = (input: unknown) => requests['login.run'].input.safeParse(input).success;

describe('ConnectForm', () => {
  it('builds a GAX login to the mock CS that the contract accepts', () => {
    const f = new ConnectForm();
    const req = f.request('run-1')!;
    expect(req).toEqual({
      runId: 'run-1',
      target: { kind: 'mockcs' },
      userName: 'default',
      credentials: { kind: 'gax', confservTrusted: true, tokenLifeMinutes: 60, tokenUuid: { kind: 'mockcs' }, preamble: '{PXZ}' },
    });
    expect(parses(req)).toBe(true);
    f.listenerId = 'tls 127.0.0.1:2021';
    f.gaxOffset = '-300';
    expect(f.gaxOffsetWords).toBe('GAX clock 5 min behind');
    const again = f.request('run-2')!;
    expect(again.target).toEqual({ kind: 'mockcs', listenerId: 'tls 127.0.0.1:2021' });
    expect(again.credentials).toMatchObject({ gaxClockOffsetSeconds: -300 });
    // TLS settings are for host targets only: main pins a mock CS listener itself
    f.tlsMode = 'pin';
    expect(f.request('run-3')!.tls).toBeUndefined();
  });

  it('shows a missing value as an error only once a run is tried, a wrong one at once', () => {
    const f = new ConnectForm();
    f.targetKind = 'host';
    f.host = '';
    f.port = '99999';
    expect(f.errorFor('host')).toBeNull();
    expect(f.errorFor('port')).toBe('the port is at most 65535');
    expect(f.request('r')).toBeNull();
    expect(f.errorFor('host')).toBe('enter the host name or address of the CS');
    f.host = 'cs.example.com';
    f.port = '2020';
    f.who = 'password';
    expect(f.request('r')).toBeNull();
    expect(f.errorFor('password')).toBe('enter the password');
    f.password = 'pw';
    expect(f.request('r')).toEqual({
      runId: 'r',
      target: { kind: 'host', host: 'cs.example.com', port: 2020 },
      userName: 'default',
      credentials: { kind: 'password', password: 'pw' },
    });
  });

  it('pins a fingerprint or trusts a CA file for a host target, with the server name when given', async () => {
    const f = new ConnectForm();
    f.targetKind = 'host';
    f.tlsMode = 'pin';
    f.fingerprint = 'AB:CD';
    expect(f.errorFor('fingerprint')).toBe('a SHA-256 fingerprint has 64 hex digits; this has 4');
    f.fingerprint = ` ${FP} `;
    f.servername = 'localhost';
    const pinned = f.request('r')!;
    expect(pinned.tls).toEqual({ fingerprint256: FP, servername: 'localhost' });
    expect(parses(pinned)).toBe(true);

    f.tlsMode = 'ca';
    f.servername = '';
    expect(f.request('r')).toBeNull();
    expect(f.errorFor('caPem')).toBe('choose the CA certificate file (PEM)');
    await f.loadCaFile(new File(['not a certificate'], 'ca.txt'));
    expect(f.errorFor('caPem')).toMatch(/^ca\.txt: this is not a PEM certificate/);
    await f.loadCaFile(new File([PEM], 'lab-ca.pem'));
    expect(f.errorFor('caPem')).toBeNull();
    expect(f.request('r')!.tls).toEqual({ caPem: PEM });
    f.clearCaFile();
    expect(f.caPem).toBe('');
    expect(fingerprintError('zz'.repeat(32))).toBe('a fingerprint holds only hex digits (and colons)');
    expect(pemError('x'.repeat(70_000))).toMatch(/larger than 64 KiB/);
  });

  it('checks GAX settings: user, token life, preamble, token-uuid; a password when not trusted', () => {
    const f = new ConnectForm();
    f.userName = 'a\u0007b';
    f.tokenLife = '0';
    f.preamble = 'has space';
    f.uuid.setKind('typed');
    f.uuid.setTyped('not-a-uuid');
    expect(f.errorFor('userName')).toBe('the username holds a control character');
    expect(f.errorFor('tokenLife')).toBe('token_life_in_minutes is at least 1');
    expect(f.errorFor('preamble')).toMatch(/printable ASCII without spaces/);
    expect(f.errorFor('tokenUuid')).toMatch(/^not a UUID/);
    f.userName = 'bob';
    f.tokenLife = '10';
    f.preamble = '{PXZ}';
    f.uuid.setTyped('123e4567-e89b-12d3-a456-426614174000');
    expect(f.request('r')!.credentials).toEqual({
      kind: 'gax',
      confservTrusted: true,
      tokenLifeMinutes: 10,
      tokenUuid: { kind: 'typed', value: '123e4567-e89b-12d3-a456-426614174000' },
      preamble: '{PXZ}',
    });
    f.confservTrusted = false;
    expect(f.request('r')).toBeNull();
    expect(f.errorFor('gaxPassword')).toMatch(/^with confserv_trusted=false GAX sends its password/);
    f.gaxPassword = 'secret';
    const plain = f.request('r')!;
    expect(plain.credentials).toMatchObject({ kind: 'gax', confservTrusted: false, password: 'secret' });
    expect(parses(plain)).toBe(true);
  });

  it('names the target for the history', () => {
    const f = new ConnectForm();
    expect(f.describeTarget('127.0.0.1:2020')).toBe('mock CS 127.0.0.1:2020');
    f.targetKind = 'host';
    f.host = 'cs1';
    f.port = '2021';
    f.tlsMode = 'pin';
    expect(f.describeTarget(null)).toBe('cs1:2021 (TLS)');
    expect(f.probeRequest()).toBeNull();
    f.tlsMode = 'off';
    expect(f.probeRequest()).toEqual({ target: { kind: 'host', host: 'cs1', port: 2021 }, samples: 8 });
  });
});
