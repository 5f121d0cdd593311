import { describe, it, expect } from 'vitest';
import { ConnectForm } from '../../../src-renderer/lib/connect/connect-form.svelte.js';
import { clipboardText, commandForRun } from '../../../src-renderer/lib/connect/copy-command.js';
import { setBridge } from '../../../src-renderer/lib/api.js';
import { LoginRunner } from '../../../src-renderer/lib/connect/login-runner.svelte.js';
import { RunHistory } from '../../../src-renderer/lib/connect/run-history.svelte.js';
import { reportRun } from '../../../src-renderer/lib/connect/run-report.js';
import { scriptedBridge } from './scripted-bridge.js';

const FP = 'AB:'.repeat(31) + 'CD';
const PEM = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n';
const SECRET_UUID = '3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42';

describe('Copy as command from the Connect form', () => {
  it('the mock CS target: the listener the run went to gives host, port and the pinned fingerprint', () => {
    const f = new ConnectForm();
    const input = f.request('r1')!;
    const c = commandForRun(input, { host: '127.0.0.1', port: 2021, tls: true, fingerprint256: FP })!;
    expect(c.command).toBe(
      `gax-token login --host 127.0.0.1 --port 2021 --tls --fingerprint ${FP} --user default --uuid-file ./token-uuid.txt --life 60`,
    );
    expect(c.notes).toEqual([expect.stringMatching(/^\.\/token-uuid\.txt: the mock CS's token-uuid .*mockcs-token-uuid/)]);
    // a listener that is gone: no command rather than a wrong one
    expect(commandForRun(input, null)).toBeNull();
    // bound to every interface: the command connects over loopback
    expect(commandForRun(input, { host: '0.0.0.0', port: 2020, tls: false })!.command).toContain('--host 127.0.0.1 --port 2020 --user');
  });

  it('a host target with a CA, a server name, a typed token-uuid, a preamble, a clock offset and a client name — the secret never in it', () => {
    const f = new ConnectForm();
    f.targetKind = 'host';
    f.host = 'cs1.example.com';
    f.port = '2021';
    f.tlsMode = 'ca';
    f.caPem = PEM;
    f.servername = 'confserv.example.com';
    f.clientName = "Ann's laptop";
    f.uuid.setKind('typed');
    f.uuid.typed = SECRET_UUID;
    f.preamble = '{ABC}';
    f.gaxOffset = '-90';
    f.tokenLife = '20';
    const input = f.request('r2')!;
    expect(input).not.toBeNull();
    const c = commandForRun(input, null)!;
    expect(c.command).toBe(
      "gax-token login --host cs1.example.com --port 2021 --tls --ca ./ca.pem --servername confserv.example.com --user default --client-name 'Ann'\\''s laptop' --uuid-file ./token-uuid.txt --life 20 --preamble '{ABC}' --gax-clock-offset -90",
    );
    expect(c.notes.join('\n')).toMatch(/\.\/ca\.pem: save the CA certificate/);
    expect(c.notes.join('\n')).toMatch(/the token-uuid you typed/);
    const copied = clipboardText(c);
    expect(copied).not.toContain(SECRET_UUID);
    expect(copied.trimEnd().split('\n').at(-1)).toBe(c.command);
    expect(
      copied
        .split('\n')
        .slice(0, -2)
        .every((l) => l.startsWith('# ')),
    ).toBe(true);
  });

  it('a password login: the password from $CS_PASSWORD, never the typed one', () => {
    const f = new ConnectForm();
    f.who = 'password';
    f.password = 'Hunter2-secret';
    const c = commandForRun(f.request('r3')!, { host: '127.0.0.1', port: 2020, tls: false })!;
    expect(c.command).toBe('gax-token login --host 127.0.0.1 --port 2020 --user default --password-env CS_PASSWORD');
    expect(clipboardText(c)).not.toContain('Hunter2-secret');
  });
});

describe('a run records its command as it starts', () => {
  it('the listener it went to, not the one picked later; a run report carries the command', async () => {
    setBridge(scriptedBridge(() => Date.now()));
    let port = 2020;
    const form = new ConnectForm();
    const runner = new LoginRunner(form, new RunHistory(5), {
      now: () => Date.now(),
      timers: { setTimeout: (cb, ms) => setTimeout(cb, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
      targetText: () => `mock CS 127.0.0.1:${port}`,
      commandFor: (input) => commandForRun(input, { host: '127.0.0.1', port, tls: false }),
    });
    runner.attach();
    const record = (await runner.runOnce())!;
    port = 2099;
    expect(record.command!.command).toContain('--port 2020 ');
    const run = reportRun(record);
    expect(run).toMatchObject({ target: 'mock CS 127.0.0.1:2020', userName: 'default', how: 'token', command: record.command!.command });
    runner.detach();
  });
});
