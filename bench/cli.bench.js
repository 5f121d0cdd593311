// The CLI's start-up cost: a whole `gax-token decode TOKEN` process (node start, module loading,
// the command, exit) against a bare `node -e 0`, both spawned in interleaved rounds in this run.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './measure.js';

const BIN = fileURLToPath(new URL('../bin/gax-token.js', import.meta.url));
const CPU_HOOK = fileURLToPath(new URL('./cpu-at-exit.cjs', import.meta.url));
const TOKEN = '{PXZ}AWlV7A9pVfC_ZGVmYXVsdDUEHO_lfXwaJe3X_HKNUvI';
const TARGET = 1.3;

/** One whole process: its wall time (spawn to exit) and, by the preloaded hook, its own CPU time. */
function timeProcess(args) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${String(r.stderr).split('\n')[0]}`);
  const cpu = Number(/cpu-ms ([\d.]+)/.exec(String(r.stderr))?.[1]);
  return { wall, cpu };
}

/** Median wall and CPU ms of each subject over `rounds` interleaved rounds (A B C A B C …), after a warm-up each. */
export function interleavedProcessMs(subjects, rounds = 25) {
  const names = Object.keys(subjects);
  for (const n of names) timeProcess(subjects[n]);
  const runs = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < rounds; i++) for (const n of names) runs[n].push(timeProcess(subjects[n]));
  return Object.fromEntries(names.map((n) => [n, { wall: median(runs[n].map((x) => x.wall)), cpu: median(runs[n].map((x) => x.cpu)) }]));
}

export async function run(report) {
  const ms = interleavedProcessMs({
    bare: ['-r', CPU_HOOK, '-e', '0'],
    decode: ['-r', CPU_HOOK, BIN, 'decode', TOKEN],
    help: ['-r', CPU_HOOK, BIN, '--help'],
  });
  const wall = { name: 'node -e 0', value: ms.bare.wall };
  const cpu = { name: 'node -e 0, CPU', value: ms.bare.cpu };
  report({ section: 'cli', name: 'gax-token --help, whole process (wall)', value: ms.help.wall, unit: 'ms', baseline: wall });
  report({
    section: 'cli',
    name: 'gax-token decode TOKEN, whole process (wall)',
    value: ms.decode.wall,
    unit: 'ms',
    baseline: wall,
    target: `≤ ${TARGET} × node -e 0`,
    pass: ms.decode.wall <= TARGET * ms.bare.wall,
  });
  // CPU time: what the process itself spent, so a machine shared with other work still gives the ratio.
  report({ section: 'cli', name: 'gax-token decode TOKEN, process CPU (user+sys)', value: ms.decode.cpu, unit: 'ms', baseline: cpu });
}
