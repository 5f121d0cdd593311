// The stress report: each part's checks (figure, target, PASS/FAIL), the summary table printed at the
// end, and the JSON file with every figure, the targets and the machine.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { mb, round } from './stats.js';

/**
 * One judged line of the table. `judged: false` keeps the figure and its target in the report without
 * letting it decide the run (QUICK mode does that for latency and memory, which a short smoke run on
 * a shared machine cannot judge fairly); such a line shows "info" instead of PASS/FAIL.
 */
export function check(name, { value, target, pass, judged = true }) {
  return { name, value, target, pass: Boolean(pass), judged };
}

/** "No socket left open": the server's own count and the child's open files (stress/server.js waitForNoSockets). */
export function socketsCheck(sockets) {
  const value = sockets
    ? `${sockets.connections} connections, ${sockets.openFiles ?? '?'} open files (start ${sockets.baselineFiles ?? '?'})`
    : 'not measured (server down)';
  const pass = sockets !== null && sockets.connections === 0 && (sockets.openFiles === null || sockets.openFiles <= sockets.baselineFiles);
  return check('sockets left open on the server', { value, target: '0 connections, open files back to start', pass });
}

export function resultOf(c) {
  if (!c.judged) return c.pass ? 'info (met)' : 'info (not met)';
  return c.pass ? 'PASS' : 'FAIL';
}

export function partPassed(part) {
  return part.checks.every((c) => !c.judged || c.pass);
}

export function machine() {
  const cpuList = cpus();
  return {
    cpus: cpuList.length,
    cpuModel: cpuList[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    totalMemoryMb: mb(totalmem()),
    loadavg: loadavg().map((v) => round(v)),
  };
}

/** The summary table: part, figure, value, target, result; one row per check. */
export function summaryTable(parts, { quick }) {
  const rows = parts.flatMap((p) => p.checks.map((c) => [p.part, c.name, c.value, c.target, resultOf(c)]));
  const head = ['part', 'figure', 'value', 'target', 'result'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells
      .map((c, i) => String(c).padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  const out = [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  const judged = parts.flatMap((p) => p.checks.filter((c) => c.judged));
  const failed = judged.filter((c) => !c.pass).length;
  out.push('');
  out.push(
    `${judged.length - failed} targets met, ${failed} missed${quick ? ' — QUICK smoke run: short durations, correctness judged, latency and memory shown as info; not the real run' : ''}`,
  );
  return out.join('\n');
}

export function writeReport(file, report) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
