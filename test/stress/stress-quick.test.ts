// `npm run stress` itself must not rot: its QUICK smoke run (fuzz 5 s, churn 2,000 cycles + 100 slow
// clients, soak 20 s) runs here as a real process against a real mock CS child on loopback, and the
// JSON report must hold every part with its figures and targets. The full run is not part of the tests.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, ROOT } from '../helpers/cli.js';

const SCRIPT = join(ROOT, 'scripts/stress.js');
const RUN_LIMIT_MS = 110_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runStress(args: string[]): Promise<Run> {
  assertBuilt();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`stress ${args.join(' ')} did not finish within ${RUN_LIMIT_MS} ms:\n${stdout}`));
    }, RUN_LIMIT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

interface Check {
  part: string;
  name: string;
  value: string;
  target: string;
  pass: boolean;
  judged: boolean;
}
interface Part {
  part: string;
  mode: string;
  passed: boolean;
  settings: Record<string, unknown>;
  figures: Record<string, any>;
  checks: Check[];
  startedAt: string;
  endedAt: string;
}
interface Report {
  mode: string;
  quick: boolean;
  note: string;
  passed: boolean;
  seed: number;
  startedAt: string;
  endedAt: string;
  machine: { cpus: number; node: string; loadavgStart: number[]; loadavgEnd: number[]; openFilesLimit: number | string | null };
  parts: Record<string, Part>;
  summary: Check[];
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gax-stress-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run stress --quick', () => {
  it(
    'passes, prints the summary table labelled QUICK, and writes a report with every part, figure and target',
    { timeout: RUN_LIMIT_MS + 10_000 },
    async () => {
      const file = join(dir, 'report.json');
      const run = await runStress(['--quick', '--json', file]);
      expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).toContain('QUICK smoke run');
      expect(run.stdout).toMatch(/part\s+figure\s+value\s+target\s+result/);
      expect(run.stdout).toMatch(/\d+ targets met, 0 missed — QUICK/);

      const text = await readFile(file, 'utf8');
      const report = JSON.parse(text) as Report;
      expect(report).toMatchObject({ mode: 'QUICK', quick: true, passed: true });
      expect(report.note).toMatch(/^QUICK smoke run/);
      expect(Date.parse(report.endedAt)).toBeGreaterThanOrEqual(Date.parse(report.startedAt));
      expect(report.machine.cpus).toBeGreaterThan(0);
      expect(report.machine.node).toBe(process.version);
      expect(report.machine.loadavgStart).toHaveLength(3);
      expect(report.machine.loadavgEnd).toHaveLength(3);
      expect(Object.keys(report.parts)).toEqual(['fuzz', 'churn', 'soak']);

      for (const part of Object.values(report.parts)) {
        expect(part.mode).toBe('QUICK');
        expect(part.passed).toBe(true);
        expect(part.checks.length).toBeGreaterThan(2);
        for (const c of part.checks) {
          expect(typeof c.name).toBe('string');
          expect(c.value).not.toBe('');
          expect(c.target).not.toBe('');
          if (c.judged) expect(c.pass, `${part.part}: ${c.name} = ${c.value}`).toBe(true);
        }
      }
      // Every check is also in the flat summary, and every one is in the printed table.
      expect(report.summary).toHaveLength(Object.values(report.parts).reduce((n, p) => n + p.checks.length, 0));
      for (const c of report.summary) expect(run.stdout).toContain(c.name);

      const { fuzz, churn, soak } = report.parts as Record<'fuzz' | 'churn' | 'soak', Part>;
      // fuzz: the good client logged in and never failed; the hostile traffic really ran and was answered.
      expect(fuzz.figures['goodLogins'].failed).toBe(0);
      expect(fuzz.figures['goodLogins'].ok).toBeGreaterThan(0);
      expect(fuzz.figures['fuzzTraffic'].writes).toBeGreaterThan(100);
      expect(fuzz.figures['fuzzTraffic'].answers['BAD_FRAME']).toBeGreaterThan(0);
      expect(fuzz.figures['fuzzTraffic'].invalidAnswers).toBe(0);
      expect(fuzz.figures['serverUp']).toBe(true);
      expect(fuzz.figures['sockets'].connections).toBe(0);
      expect(fuzz.figures['memory'].rule).toMatch(/RSS/);
      // churn: every cycle, the slow clients split between SERVER_BUSY and IDLE_TIMEOUT, nothing left open.
      expect(churn.figures['cycles'].outcomes['hello'] + churn.figures['cycles'].outcomes['reset']).toBe(churn.settings['cycles']);
      const slow = churn.figures['slowClients'];
      const server = churn.settings['server'] as { maxConnections: number };
      expect(slow.outcomes['SERVER_BUSY']).toBeGreaterThanOrEqual((churn.settings['slowClients'] as number) - server.maxConnections);
      expect(slow.outcomes['SERVER_BUSY'] + slow.outcomes['IDLE_TIMEOUT']).toBe(churn.settings['slowClients']);
      expect(churn.figures['sockets'].connections).toBe(0);
      expect(churn.figures['goodLoginsDuringFlood']).toMatchObject({ failed: 0, longestWaitMs: expect.any(Number) });
      // soak: every request answered, per-window figures, latency and memory shown but not judged in QUICK.
      expect(soak.figures['answered']).toBe(soak.figures['offered']);
      expect(soak.figures['windows']).toHaveLength(4);
      for (const w of soak.figures['windows'])
        expect(w).toMatchObject({ p50: expect.any(Number), p99: expect.any(Number), rssMb: expect.any(Number) });
      expect(soak.checks.filter((c) => /p99 latency|RSS growth/.test(c.name)).map((c) => c.judged)).toEqual([false, false]);

      // The report and the output never hold a token-uuid or a whole token.
      for (const out of [text, run.stdout]) {
        expect(out).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
        expect(out).not.toMatch(/\{PXZ\}[A-Za-z0-9_-]{20}/);
      }
    },
  );

  it('answers a bad option with one line and exit 2, and --help with the usage', async () => {
    const bad = await runStress(['--only', 'everything']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe('stress: --only takes fuzz, churn, soak (comma-separated), not "everything"\n');
    const help = await runStress(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: node scripts\/stress\.js/);
    expect(help.stdout).toContain('--soak-minutes');
  });
});
