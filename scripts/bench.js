#!/usr/bin/env node
// npm run bench: every bench/*.bench.js in one run, each figure beside the baseline measured in the
// same run, as a table. Wall-clock figures live here and nowhere in the tests.
//   node scripts/bench.js [NAME…] [--json FILE]   NAME filters by file name (e.g. token, mockcs)
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

const argv = process.argv.slice(2);
const jsonAt = argv.indexOf('--json');
const jsonFile = jsonAt >= 0 ? argv[jsonAt + 1] : undefined;
const filters = argv.filter((a, i) => !a.startsWith('--') && (jsonAt < 0 || i !== jsonAt + 1));
const dir = new URL('../bench/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.js'))
  .filter((f) => filters.length === 0 || filters.some((n) => f.includes(n)))
  .sort();

const rows = [];
console.log(`GAX Token Lab bench — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`);
for (const f of files) {
  const mod = await import(new URL(f, dir).href);
  process.stdout.write(`running ${f} …\n`);
  await mod.run((row) => rows.push(row));
}

const fmt = (v) => (typeof v !== 'number' ? String(v) : v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(v >= 10 ? 1 : 2));
const table = rows.map((r) => [
  r.section,
  r.name,
  `${fmt(r.value)} ${r.unit}`,
  r.baseline ? `${fmt(r.baseline.value)} ${r.unit} (${r.baseline.name})` : '',
  r.baseline ? `${(r.value / r.baseline.value).toFixed(2)}×` : '',
  r.target ?? '',
  r.pass === undefined ? '' : r.pass ? 'PASS' : 'FAIL',
]);
const head = ['section', 'measure', 'value', 'baseline (same run)', 'ratio', 'target', ''];
const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
const line = (cells) =>
  cells
    .map((c, i) => c.padEnd(widths[i]))
    .join('  ')
    .trimEnd();
console.log('\n' + line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of table) console.log(line(r));
const failed = rows.filter((r) => r.pass === false);
console.log(`\n${rows.filter((r) => r.pass === true).length} targets met, ${failed.length} missed`);
if (jsonFile) writeFileSync(jsonFile, JSON.stringify({ node: process.version, rows }, null, 2));
