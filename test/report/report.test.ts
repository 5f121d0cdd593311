/**
 * Each kind of report rendered from real results: the doctor run on the fixtures, logins against a
 * real mock CS on 127.0.0.1 port 0 (TLS, so the chain is there), the wizard's settings. Each must
 * say what happened, show whose word each finding is, and be one file with nothing outside it.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runLogin } from '../../src-main/client/index.js';
import { diagnose } from '../../src-main/core/doctor/index.js';
import { renderReport, reportFileName, type ReportDoctor } from '../../src-main/core/report/index.js';
import { gax, useMockCs, WRONG_UUID } from '../client/mockcs-fixture.js';
import { expectSelfContained } from './self-contained.js';

const META = { appVersion: '9.8.7', createdAt: Date.UTC(2026, 11, 7, 21, 30, 5), madeBy: 'test' };
const start = useMockCs();

async function fixture(name: string, file: string): Promise<{ name: string; text: string }> {
  return { name: `${name}/${file}`, text: await readFile(`test/fixtures/options/${name}/${file}`, 'utf8') };
}

describe('the doctor report', () => {
  it('from a real diagnosis: verdict, every finding, the corrected lines, version and time', async () => {
    const result = diagnose({ files: [await fixture('misspelt-ttl-too-short', 'cs.cfg'), await fixture('misspelt-ttl-too-short', 'gax.cfg')] });
    expect(result.findings.length).toBeGreaterThan(1);
    const html = renderReport({ kind: 'doctor', meta: META, doctor: result });
    expectSelfContained(html);
    expect(html).toContain('Token login will fail');
    for (const f of result.findings) expect(html).toContain(`<code>${f.id}</code>`);
    expect(html).toContain('token-ttl=20');
    expect(html).toContain('Corrected lines');
    expect(html).toContain('GAX Token Lab 9.8.7');
    expect(html).toContain('2026-12-07 21:30:05 UTC');
  });

  it("shows a finding's source kind and what was not checked, and no empty source line for a finding without one", async () => {
    const result = diagnose({ files: [await fixture('misspelt-ttl-too-short', 'cs.cfg'), await fixture('misspelt-ttl-too-short', 'gax.cfg')] });
    const kinds = [
      { kind: 'genesys', id: 'CSP-SYSTEM' },
      { kind: 'model', id: 'GAX-SIDE' },
      { kind: 'advice', id: 'TOOL-ADVICE' },
    ] as const;
    const doctor: ReportDoctor = {
      ...result,
      findings: result.findings.map((f, i) => ({ ...f, source: kinds[i % kinds.length] })),
      notChecked: ['whether GAX runs against the primary master CS'],
    };
    const html = renderReport({ kind: 'doctor', meta: META, doctor });
    expect(html).toContain('<span class="tag genesys">Genesys doc</span>');
    expect(html).toContain('Configuration Server Proxy, [system] section');
    expect(html).toContain('<span class="tag model">tool&#39;s model</span>');
    expect(html).toContain('Not checked');
    expect(html).toContain('whether GAX runs against the primary master CS');
    expect(html).toContain('Each finding names whose word it is');
    // the doctor's own result names its sources and what it could not check
    const real = renderReport({ kind: 'doctor', meta: META, doctor: result });
    expect(real).toContain('Source:');
    expect(real).toContain('Not checked');
    // findings without a source (the wizard's warnings) get no empty source line
    const bare: ReportDoctor = { ...result, findings: result.findings.map(({ source: _source, ...f }) => f), notChecked: [] };
    const plain = renderReport({ kind: 'doctor', meta: META, doctor: bare });
    expect(plain).not.toContain('Source:');
    expect(plain).not.toContain('Each finding names whose word it is');
  });

  it('escapes everything that came from input: a hostile file name and option values stay text', () => {
    const name = '<img src=x onerror=alert(1)>"&\'.cfg';
    const result = diagnose({ files: [{ name, text: '[system]\ntoken-authentication-mode=<b>on</b>\n' }] });
    const html = renderReport({ kind: 'doctor', meta: META, doctor: result });
    expectSelfContained(html);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&amp;&#39;.cfg');
    expect(html).not.toContain('<b>on</b>');
  });

  it('a file name to offer', () => {
    expect(reportFileName('doctor', META.createdAt)).toBe('gax-doctor-report-20261207T213005Z.html');
  });
});

describe('the login report', () => {
  it('one run over TLS: verdict, the trace with timings, clock offset, the chain, the token redacted', async () => {
    const { port, fingerprint256 } = await start({ clockOffsetSeconds: 42 }, true);
    const startedAt = Date.now();
    const result = await runLogin(gax(port, {}, { tls: { fingerprint256: fingerprint256! } }));
    expect(result.outcome).toBe('accepted');
    const html = renderReport({
      kind: 'login',
      meta: META,
      runs: [{ target: `127.0.0.1:${port} (TLS)`, userName: 'alice', how: 'token', startedAt, result, command: 'gax-token login --host 127.0.0.1' }],
    });
    expectSelfContained(html);
    expect(html).toMatch(/<div class="verdict good"><p class="headline">accepted: /);
    for (const s of result.steps) expect(html).toContain(`<td class="nowrap">${s.label}</td>`);
    const connect = result.steps.find((s) => s.id === 'connect')!;
    expect(html).toContain(`${connect.durationMs!.toFixed(1)} ms`);
    expect(html).toMatch(/\+4[12]\.\d{3} s \(the server&#39;s clock is ahead/);
    expect(html).toContain('Certificate 1 of 1');
    expect(html).toContain(fingerprint256!);
    expect(html).toContain('IP Address:127.0.0.1');
    expect(html).toContain(result.token!.redacted);
    expect(html).toMatch(/<th scope="row">Token expires<\/th><td>20\d\d-\d\d-\d\d \d\d:\d\d:\d\d UTC by the server/);
    expect(html).toContain('gax-token login --host 127.0.0.1');
  });

  it('the whole history: a summary of every run, then each run in full', async () => {
    const { port } = await start();
    const good = await runLogin(gax(port));
    const bad = await runLogin(gax(port, { tokenUuid: WRONG_UUID }));
    expect(bad.server?.code).toBe('BAD_SIGNATURE');
    const html = renderReport({
      kind: 'login',
      meta: META,
      runs: [
        { target: `127.0.0.1:${port}`, userName: 'alice', how: 'token', startedAt: Date.now(), result: good },
        { target: `127.0.0.1:${port}`, userName: 'alice', how: 'token', startedAt: Date.now(), result: bad },
      ],
    });
    expectSelfContained(html);
    expect(html).toContain('1 of 2 logins accepted');
    expect(html).toContain('Run 2: alice at 127.0.0.1:');
    expect(html).toContain('BAD_SIGNATURE');
    expect(html).toContain('No certificate: the run did not use TLS');
  });
});

describe('the setup report', () => {
  it('the options to set (token-uuid masked even if given whole), what they imply, every warning with its source', () => {
    const uuid = '3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42';
    const html = renderReport({
      kind: 'setup',
      meta: META,
      setup: {
        options: [
          { application: 'cs', title: 'Configuration Server: [system]', text: `[system]\ntoken-authentication-mode=enable\ntoken-uuid=${uuid}\n` },
          { application: 'gax', title: 'GAX: [general]', text: '[general]\nconfserv_trusted=true\ntoken_life_in_minutes=20\n' },
        ],
        facts: [{ label: 'Sample token length', value: '48 of 64 bytes' }],
        warnings: [
          {
            id: 'TTL_SHORTER_THAN_LIFE',
            severity: 'error',
            message: 'token-ttl is short',
            why: 'because',
            fix: '[system]\ntoken-ttl=20',
            source: { kind: 'genesys', id: 'CSP-SYSTEM' },
          },
        ],
      },
    });
    expectSelfContained(html);
    expect(html).toContain('These settings will not work as they are');
    expect(html).toContain('token-uuid=••••••••-••••-••••-••••-••••••••1e42');
    expect(html).not.toContain(uuid);
    expect(html).toContain('48 of 64 bytes');
    expect(html).toContain('<span class="tag genesys">Genesys doc</span>');
  });
});
