/**
 * gax-token time: the server's clock against this machine's, as NTP measures it — several
 * GetServerTime round trips; the best is the one with the lowest round trip.
 */
import { humanDurationMs } from '../../core/time-format.js';
import { probeServerTime } from '../../client/index.js';
import { UsageError } from '../args.js';
import { EXIT, defineCommand } from '../command.js';
import { printJson } from '../io.js';
import { cancelOnStop, targetOf, targetOptions, tlsOf } from './login.js';

const DEFAULT_SAMPLES = 5;

export const time = defineCommand({
  spec: {
    name: 'time',
    summary: "the server's clock offset and round trip, as NTP measures them",
    options: {
      ...targetOptions,
      samples: { type: 'integer', value: 'N', min: 1, max: 100, description: `how many round trips (default ${DEFAULT_SAMPLES})` },
      json: { type: 'boolean', description: 'one JSON object on stdout' },
    },
    notes: `offset = server clock − this machine's clock; each sample stamps the request when it leaves and
assumes the server read its clock half-way through the round trip.

examples:
  gax-token time --host 127.0.0.1 --port 2020
  gax-token time --host 127.0.0.1 --port 2021 --tls --fingerprint AB:CD:… --samples 10 --json

Exit: 0 measured, 1 the server could not be reached or is not csmock/1, 2 bad arguments.`,
  },
  async run(args, io) {
    const { host, port } = targetOf(args, 'time');
    const samples = args.options['samples'] ?? DEFAULT_SAMPLES;
    const timeoutMs = args.options['timeout'];
    const r = await probeServerTime({
      host,
      port,
      tls: await tlsOf(args),
      samples,
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      signal: cancelOnStop(io),
    });
    if (!r.ok && r.outcome === 'invalid-input') throw new UsageError(`${r.message.replace(/^invalid input: /, '')} — ${r.fix}`);
    if (args.options['json']) {
      printJson(io, r);
      return r.ok ? EXIT.OK : EXIT.REJECTED;
    }
    if (!r.ok) {
      io.stdout.write(`${r.outcome}: ${r.message}\n${r.fix ? `fix: ${r.fix}\n` : ''}`);
      return EXIT.REJECTED;
    }
    const best = r.samples.findIndex((s) => s.roundTripMs === r.roundTripMs && s.offsetMs === r.offsetMs);
    const lines = [
      `server clock at ${host}:${port}: ${signed(r.offsetMs)} from this machine's (${describe(r.offsetMs)}), ` +
        `round trip ${r.roundTripMs.toFixed(2)} ms — best of ${r.samples.length}`,
      `server time ${new Date(r.serverTime).toISOString()}`,
      ...r.samples.map(
        (s, i) =>
          `  sample ${String(i + 1).padStart(2)}  offset ${signed(s.offsetMs).padStart(14)}  ` +
          `round trip ${s.roundTripMs.toFixed(2).padStart(7)} ms${i === best ? '  ← best' : ''}`,
      ),
    ];
    io.stdout.write(lines.join('\n') + '\n');
    return EXIT.OK;
  },
});

function signed(ms: number): string {
  return `${ms >= 0 ? '+' : '−'}${Math.abs(ms).toFixed(1)} ms`;
}

function describe(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 1) return 'in step';
  const amount = humanDurationMs(abs);
  return `${amount} ${ms > 0 ? 'ahead' : 'behind'}`;
}
