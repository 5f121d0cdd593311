#!/usr/bin/env node
// npm run stress: the mock CS on loopback, in its own process, under protocol fuzz, connection churn
// with slow clients, and a soak; each part's figures against their targets, a summary table at the
// end and a JSON report. Not part of the test command (test/stress runs the --quick smoke run).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChurn } from '../stress/churn.js';
import { runFuzz } from '../stress/fuzz.js';
import { check, machine, partPassed, summaryTable, writeReport } from '../stress/report.js';
import { openFilesLimit } from '../stress/server.js';
import { runSoak } from '../stress/soak.js';

const PARTS = ['fuzz', 'churn', 'soak'];
const ROOT = fileURLToPath(new URL('../', import.meta.url));

const HELP = `usage: node scripts/stress.js [--quick] [--only PART[,PART…]] [--json FILE] [--seed N] [--soak-minutes N]

The full run: fuzz 60 s (after a 20 s warm-up) from 20 connections; churn 50,000 cycles, then 2,000
slow clients against maxConnections 1000 / registerTimeoutSeconds 5; soak 10 min at 2,000 logins/s.

  --quick           a short smoke run (fuzz 5 s after a 2 s warm-up, churn 2,000 cycles + 100 slow
                    clients against maxConnections 60 / registerTimeoutSeconds 3, soak 20 s);
                    it judges correctness (no failed good login, no socket left) and shows latency
                    and memory as info. Labelled QUICK everywhere; never the real run.
  --only PART       run only these parts: ${PARTS.join(', ')} (comma-separated)
  --json FILE       where the JSON report goes (default test-results/stress-report.json)
  --seed N          the fuzz seed (default: random, printed), to repeat a run's frames
  --soak-minutes N  how long the soak runs (default 10; the targets compare its first and last minute)
  --help            this text

The full run takes about 13 minutes and wants a quiet machine. Exit 0 when every target is met,
1 when one is missed, 2 on bad arguments.`;

/** Full-run and QUICK settings of each part. */
function settingsOf({ quick, seed, soakMinutes }) {
  return quick
    ? {
        fuzz: { seconds: 5, warmupSeconds: 2, connections: 20, writeIntervalMs: 10, seed },
        churn: { cycles: 2000, concurrency: 20, slowClients: 100, maxConnections: 60, registerTimeoutSeconds: 3 },
        soak: { seconds: 20, windowSeconds: 5, rate: 2000, connections: 50 },
      }
    : {
        fuzz: { seconds: 60, warmupSeconds: 20, connections: 20, writeIntervalMs: 10, seed },
        churn: { cycles: 50_000, concurrency: 50, slowClients: 2000, maxConnections: 1000, registerTimeoutSeconds: 5 },
        soak: { seconds: Math.round(soakMinutes * 60), windowSeconds: 60, rate: 2000, connections: 50 },
      };
}

class UsageError extends Error {}

function parseArgs(argv) {
  const args = { quick: false, only: PARTS, json: resolve(ROOT, 'test-results/stress-report.json'), seed: null, soakMinutes: 10, help: false };
  const valueOf = (i, flag) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') args.help = true;
    else if (a === '--quick') args.quick = true;
    else if (a === '--only') {
      const names = valueOf(i++, a)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const unknown = names.find((n) => !PARTS.includes(n));
      if (unknown !== undefined || names.length === 0)
        throw new UsageError(`--only takes ${PARTS.join(', ')} (comma-separated), not "${(unknown ?? '').slice(0, 20)}"`);
      args.only = PARTS.filter((p) => names.includes(p));
    } else if (a === '--json') args.json = resolve(valueOf(i++, a));
    else if (a === '--seed') {
      const v = valueOf(i++, a);
      if (!/^\d{1,9}$/.test(v)) throw new UsageError(`--seed takes a whole number below 1,000,000,000, not "${v.slice(0, 20)}"`);
      args.seed = Number(v);
    } else if (a === '--soak-minutes') {
      const v = valueOf(i++, a);
      const n = Number(v);
      if (!/^\d+(\.\d+)?$/.test(v) || n < 1 || n > 240) throw new UsageError(`--soak-minutes takes minutes from 1 to 240, not "${v.slice(0, 20)}"`);
      args.soakMinutes = n;
    } else throw new UsageError(`unknown option "${a.slice(0, 40)}" (see --help)`);
  }
  if (args.quick && argv.includes('--soak-minutes')) throw new UsageError('--soak-minutes is for the full run; --quick soaks for 20 s');
  return args;
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`stress: ${err.message}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const seed = args.seed ?? Math.floor(Math.random() * 1e9);
  const settings = settingsOf({ quick: args.quick, seed, soakMinutes: args.soakMinutes });
  const log = (text) => process.stdout.write(`${text}\n`);
  const machineAtStart = machine();
  const limit = openFilesLimit();
  const mode = args.quick ? 'QUICK' : 'full';
  log(`GAX Token Lab stress — ${args.quick ? 'QUICK smoke run (short durations, correctness only; NOT the real run)' : 'full run'}`);
  log(
    `node ${machineAtStart.node}, ${machineAtStart.cpus} × ${machineAtStart.cpuModel}, load ${machineAtStart.loadavg.join(' ')}, open files limit ${limit ?? 'unknown'}, seed ${seed}`,
  );
  // Latency targets judge the server; on a busy machine they judge the neighbours too. Say so up front.
  const busy = machineAtStart.loadavg[0] > machineAtStart.cpus * 0.5;
  if (busy) log(`note: the machine is busy (load ${machineAtStart.loadavg[0]} on ${machineAtStart.cpus} cores); latency figures will show it`);

  const startedAt = new Date().toISOString();
  const parts = [];
  const runners = { fuzz: runFuzz, churn: runChurn, soak: runSoak };
  for (const name of args.only) {
    const partStarted = new Date().toISOString();
    let part;
    try {
      part = await runners[name]({ ...settings[name], quick: args.quick, openFilesLimit: limit, log });
    } catch (err) {
      // A part that could not run is a failed part, in one line; the other parts still run.
      const reason = err instanceof Error ? err.message : String(err);
      log(`${name}: could not run: ${reason}`);
      part = {
        part: name,
        settings: settings[name],
        figures: {},
        checks: [check('part ran to the end', { value: reason.slice(0, 160), target: 'ran', pass: false })],
      };
    }
    part.mode = mode;
    part.startedAt = partStarted;
    part.endedAt = new Date().toISOString();
    part.passed = partPassed(part);
    parts.push(part);
    log(`${name}: ${part.passed ? 'PASS' : 'FAIL'}`);
  }

  const table = summaryTable(parts, { quick: args.quick });
  const passed = parts.every((p) => p.passed);
  log(`\n${args.quick ? 'QUICK smoke run — ' : ''}summary\n${table}`);
  const report = {
    tool: 'GAX Token Lab stress',
    mode,
    quick: args.quick,
    note: args.quick
      ? 'QUICK smoke run: short durations; correctness targets judged, latency and memory shown as info. Not the real run.'
      : 'full run: every target judged',
    seed,
    startedAt,
    endedAt: new Date().toISOString(),
    machine: {
      ...machineAtStart,
      busyAtStart: busy,
      loadavgStart: machineAtStart.loadavg,
      loadavgEnd: machine().loadavg,
      openFilesLimit: limit === Infinity ? 'unlimited' : limit,
    },
    passed,
    parts: Object.fromEntries(parts.map((p) => [p.part, p])),
    summary: parts.flatMap((p) => p.checks.map((c) => ({ part: p.part, ...c }))),
  };
  delete report.machine.loadavg;
  writeReport(args.json, report);
  log(`report: ${args.json}`);
  return passed ? 0 : 1;
}

try {
  process.exitCode = await main();
} catch (err) {
  // A fault of the load generator itself: one line, not a stack trace (the parts catch their own).
  process.stderr.write(`stress: the run stopped: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
