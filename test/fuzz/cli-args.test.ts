// Fuzz target 2: gax-token's argument parser (src-main/cli/args.ts) with every command's own spec. Any
// argv → parsed arguments that respect the spec, or a UsageError with one short line; never another
// throw, never a hang. A sample of the same argvs then goes through the real runCli, in process.
import fc from 'fast-check';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UsageError, parseArgs, type CommandSpec, type ParsedArgs } from '../../src-main/cli/args.js';
import { COMMANDS } from '../../src-main/cli/commands/index.js';
import { runCli } from '../../src-main/cli/main.js';
import { FUZZ_TEST_TIMEOUT, bounded, boundedAsync, fuzz, fuzzAsync, mix } from './fuzz-kit.js';
import { NASTY_STRINGS, Rng, generatedBy, mutateString, mutatedFrom, randomString } from './mutators.js';

const SPECS: CommandSpec[] = await Promise.all(Object.values(COMMANDS).map(async (c) => (await c.load()).spec));
const SPEC_NAMED = new Map(SPECS.map((s) => [s.name, s]));
const UUID = '3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42';
const TOKEN = '{PXZ}AWlV7A9pVfC_ZGVmYXVsdDUEHO_lfXwaJe3X_HKNUvI';
/** names every object answers to: a parser that looks options up with `in` or `[]` finds them */
const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];
const NUMBERS = [
  '0',
  '1',
  '-1',
  '+5',
  ' 7 ',
  '007',
  '1e3',
  '0x10',
  '1.5',
  '',
  '-0',
  '65535',
  '65536',
  '2147483647',
  '2147483648',
  '4294967295',
  '4294967296',
  '9007199254740991',
  '9007199254740993',
  '99999999999999999999999',
  'NaN',
  'Infinity',
];
const VALUES = [
  UUID,
  TOKEN,
  'default',
  'alice:pw',
  '127.0.0.1',
  'cs',
  'gax',
  'enable',
  'disable',
  '-',
  '--',
  '=',
  'a=b',
  'test/fixtures/options/good-unix/confserv.conf',
  'test/fixtures/options/good-windows/gax.cfg',
  'test/fixtures/options/utf16-windows/confserv.cfg',
  'test/fixtures',
  '.',
  '/nonexistent/x',
];

/** Words an argv is made of, for one command: its options spelt right and wrong, values, separators. */
function dictionary(spec: CommandSpec): string[] {
  const names = Object.keys(spec.options);
  return [
    ...names.flatMap((n) => [`--${n}`, `--${n}=`, `--${n}=${n.length}`, `--${n.slice(0, -1)}`, `--${n.toUpperCase()}`, `-${n[0]}`]),
    ...PROTOTYPE_NAMES.flatMap((n) => [`--${n}`, `--${n}=1`]),
    '--',
    '-',
    '---',
    '--=',
    '--=x',
    '-h',
    '--help',
    '--help=1',
    '--version',
    '-V',
    ...NUMBERS,
    ...VALUES,
    ...NASTY_STRINGS,
  ];
}

/** A valid argv for the spec: every option once (lists twice) with an in-range value, and its positionals. */
function validArgv(spec: CommandSpec, rng: Rng): string[] {
  const argv: string[] = [];
  for (const [name, o] of Object.entries(spec.options)) {
    if (rng.chance(0.4)) continue;
    if (o.type === 'boolean') argv.push(`--${name}`);
    else if (o.type === 'integer') argv.push(`--${name}`, String(Math.max(o.min ?? 0, Math.min(o.max ?? 100, 1 + rng.int(100)))));
    else if (o.type === 'list') argv.push(`--${name}`, 'a', `--${name}=b`);
    else argv.push(rng.chance(0.5) ? `--${name}=${rng.pick(VALUES)}` : `--${name}`, rng.pick(VALUES.filter((v) => !v.startsWith('--'))));
  }
  for (const p of spec.positionals ?? [])
    if (p.required || rng.chance(0.5)) argv.splice(rng.int(argv.length + 1) & ~1, 0, rng.pick([TOKEN, '-', 'x.cfg']));
  return argv;
}

/** the command by name (so a failure report shows the name, not the whole spec) and its arguments */
interface ArgvCase {
  command: string;
  argv: string[];
}

/** A valid argv with whole words inserted, dropped, doubled or swapped, and characters within words changed. */
const mutated = mutatedFrom(SPECS, (spec, rng): ArgvCase => {
  const argv = validArgv(spec, rng);
  const words = dictionary(spec);
  for (let k = 1 + rng.int(4); k > 0; k--) {
    const at = rng.int(argv.length + 1);
    switch (rng.int(5)) {
      case 0:
        argv.splice(at, 0, rng.pick(words));
        break;
      case 1:
        argv.splice(at, 1);
        break;
      case 2:
        if (argv[at] !== undefined) argv.splice(at, 0, argv[at]!);
        break;
      case 3:
        if (argv[at] !== undefined) argv[at] = mutateString(argv[at]!, rng, words, words, 4096);
        break;
      default:
        argv.reverse();
    }
  }
  return { command: spec.name, argv };
});

/** Words picked from the dictionary or made up, now and then one the size of the longest argument Linux passes. */
const generated = generatedBy((rng): ArgvCase => {
  const spec = rng.pick(SPECS);
  const words = dictionary(spec);
  const argv = Array.from({ length: rng.int(9) }, () => {
    if (rng.chance(0.01)) return `--${'x'.repeat(rng.int(128 * 1024))}`;
    return rng.chance(0.7) ? rng.pick(words) : randomString(rng, 16);
  });
  return { command: spec.name, argv };
});

/** One line for a terminal: no line break inside, and short (an argument is quoted at most in part). */
function expectOneShortLine(message: string): void {
  expect(message.length).toBeGreaterThan(0);
  expect(message).not.toMatch(/[\r\n\u2028\u2029]/);
  expect(message.length).toBeLessThan(400);
}

function optionWords(argv: readonly string[], name: string): number {
  return argv.filter((a) => a === `--${name}` || a.startsWith(`--${name}=`)).length;
}

function checkParsed(spec: CommandSpec, argv: readonly string[], parsed: ParsedArgs): void {
  for (const [name, value] of Object.entries(parsed.options)) {
    expect(Object.hasOwn(spec.options, name), `option --${name} is not in '${spec.name}'`).toBe(true);
    const o = spec.options[name]!;
    if (o.type === 'boolean') expect(value).toBe(true);
    if (o.type === 'string') expect(typeof value).toBe('string');
    if (o.type === 'list') expect(Array.isArray(value) && value.every((v) => typeof v === 'string')).toBe(true);
    if (o.type === 'integer') {
      expect(Number.isSafeInteger(value)).toBe(true);
      expect(value as number).toBeGreaterThanOrEqual(o.min ?? Number.MIN_SAFE_INTEGER);
      expect(value as number).toBeLessThanOrEqual(o.max ?? Number.MAX_SAFE_INTEGER);
    }
  }
  expect(parsed.positionals.every((p) => typeof p === 'string')).toBe(true);
  if (!parsed.help) {
    const ps = spec.positionals ?? [];
    expect(parsed.positionals.length).toBeGreaterThanOrEqual(ps.filter((p) => p.required).length);
    if (!ps.some((p) => p.variadic)) expect(parsed.positionals.length).toBeLessThanOrEqual(ps.length);
  }
  // Nothing is dropped: every word is an option, its value, a positional, "--" or a help flag.
  expect(parsed.positionals.length).toBeLessThanOrEqual(argv.length);
}

function checkArgv({ command, argv }: ArgvCase): void {
  const spec = SPEC_NAMED.get(command)!;
  const outcome = bounded('parseArgs', (): { parsed: ParsedArgs } | { err: unknown } => {
    try {
      return { parsed: parseArgs(argv, spec) };
    } catch (err) {
      return { err };
    }
  });
  if ('parsed' in outcome) return checkParsed(spec, argv, outcome.parsed);
  expect(outcome.err, `a ${(outcome.err as Error)?.name} is not a usage error: ${(outcome.err as Error)?.message}`).toBeInstanceOf(UsageError);
  const message = (outcome.err as UsageError).message;
  expectOneShortLine(message);
  const twice = /^--(.+) is given twice$/.exec(message);
  if (twice) expect(optionWords(argv, twice[1]!), message).toBeGreaterThanOrEqual(2);
  const unknown = /^unknown option --(.*?) for /.exec(message);
  if (unknown) expect(Object.hasOwn(spec.options, unknown[1]!), message).toBe(false);
}

// The sample for runCli: commands that neither listen nor connect (serve, login and time would).
const OFFLINE = ['mint', 'decode', 'verify', 'doctor'];
const COMMAND_WORDS = [...OFFLINE, 'help', '--help', '-h', '--version', '-V', '', 'MINT', 'mnit', ...PROTOTYPE_NAMES];

const cliArgv = fc
  .tuple(fc.constantFrom(...COMMAND_WORDS), mix(mutated, generated), fc.constantFrom(...COMMAND_WORDS, ...Object.keys(COMMANDS)))
  .map(([command, c, topic]) =>
    command === 'help'
      ? ['help', topic, ...c.argv.slice(0, 1)]
      : [command, ...(OFFLINE.includes(command) && c.command !== command ? c.argv.filter((a) => !a.startsWith('--')) : c.argv)],
  );

async function checkRunCli(argv: string[]): Promise<void> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from([]),
    env: {},
    stopSignal: new Promise<string>(() => {}),
  };
  const code = await boundedAsync(`runCli ${argv[0]}`, () => runCli(argv, io));
  expect([0, 1, 2]).toContain(code);
  expect(stderr, 'a stack trace').not.toMatch(/^\s+at /m);
  expect(stderr, 'an unexpected failure').not.toContain('unexpected failure');
  if (code === 2) expect(stderr.length).toBeGreaterThan(0);
  void stdout;
}

describe('fuzz: CLI argument parser', () => {
  it('parseArgs answers parsed arguments or a one-line UsageError for any argv, with each command spec', { timeout: FUZZ_TEST_TIMEOUT }, () => {
    fuzz('cli args', mix(mutated, generated), checkArgv);
  });

  it('regressions found by this fuzzer: Object.prototype names are no option and no command', async () => {
    // Were "--hasOwnProperty is given twice" (the spec's prototype was searched) and a TypeError with
    // a stack trace from runCli (`gax-token constructor`, `gax-token help toString`).
    checkArgv({ command: 'mint', argv: ['--hasOwnProperty', 'x'] });
    checkArgv({ command: 'doctor', argv: ['--constructor=1', 'a.cfg'] });
    for (const argv of [['constructor'], ['__proto__', '--help'], ['help', 'toString']]) await checkRunCli(argv);
    // Was the whole 29,000-character option name, and a line break of an argument, echoed in the message.
    checkArgv({ command: 'verify', argv: [`--${'x'.repeat(29_000)}`] });
    checkArgv({ command: 'decode', argv: ['-x\ny', 'tok'] });
    checkArgv({ command: 'mint', argv: ['--now', '1\n2'] });
  });

  it('runCli, in process, on a sample of 300 fuzzed argvs: exit 0, 1 or 2, never a stack trace', { timeout: FUZZ_TEST_TIMEOUT }, async () => {
    await fuzzAsync('runCli', cliArgv, checkRunCli, { sample: 300 });
  });
});
