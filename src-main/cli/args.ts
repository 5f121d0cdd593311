/**
 * A small, strict argument parser for gax-token. Strict because the CLI is a door: every unknown
 * option, missing value or out-of-range number is a one-line usage error (exit 2), never a guess.
 */

export class UsageError extends Error {
  override name = 'UsageError';
}

export type OptionType = 'string' | 'integer' | 'boolean' | 'list';

export interface OptionSpec<T extends OptionType = OptionType> {
  type: T;
  /** shown in --help, e.g. "MINUTES" */
  value?: string;
  description: string;
  /** integers: inclusive bounds */
  min?: number;
  max?: number;
  /** `list`: the option may be given several times */
}

export interface PositionalSpec {
  name: string;
  description: string;
  required?: boolean;
  /** collects every remaining positional */
  variadic?: boolean;
  /** the values it may take, offered by shell completion */
  choices?: readonly string[];
}

export type OptionSpecs = Record<string, OptionSpec>;

/** What an option of that type parses to: the value types come from the spec, so a typo fails tsc. */
export type OptionValue<T extends OptionType> = T extends 'integer' ? number : T extends 'boolean' ? true : T extends 'list' ? string[] : string;

export type OptionValues<O extends OptionSpecs> = { -readonly [K in keyof O]?: OptionValue<O[K]['type']> };

export interface CommandSpec<O extends OptionSpecs = OptionSpecs> {
  name: string;
  summary: string;
  options: O;
  positionals?: PositionalSpec[];
  /** extra paragraphs for --help: examples, exit codes */
  notes?: string;
}

export interface ParsedArgs<O extends OptionSpecs = OptionSpecs> {
  options: OptionValues<O>;
  positionals: string[];
  help: boolean;
}

/**
 * The arguments a helper reads, by option name and type: `ArgsWith<{ port: 'integer' }>` accepts
 * the parsed arguments of any command whose spec has an integer --port, and nothing else.
 */
export type ArgsWith<T extends Record<string, OptionType>> = ParsedArgs<{ [K in keyof T]: OptionSpec<T[K]> }>;

export function parseArgs<O extends OptionSpecs>(argv: readonly string[], spec: CommandSpec<O>): ParsedArgs<O> {
  // Filled from the spec's own names and types below; the one place values are untyped.
  const options: Record<string, string | number | true | string[]> = {};
  const positionals: string[] = [];
  let help = false;
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyPositionals || arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (!arg.startsWith('--')) throw new UsageError(`unknown option ${truncate(arg)} for '${spec.name}' (options are spelled --name)`);
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    // Own options only: `--constructor` or `--toString` must not find Object.prototype's members.
    const opt = Object.hasOwn(spec.options, name) ? spec.options[name] : undefined;
    if (!opt) throw new UsageError(`unknown option --${truncate(name)} for '${spec.name}'${suggest(name, Object.keys(spec.options))}`);
    let raw: string | undefined;
    if (opt.type === 'boolean') {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      options[name] = true;
      continue;
    }
    if (eq !== -1) raw = arg.slice(eq + 1);
    else {
      raw = argv[i + 1];
      if (raw === undefined || (raw.startsWith('--') && raw.length > 2)) throw new UsageError(`--${name} needs a value (${opt.value ?? 'VALUE'})`);
      i++;
    }
    if (opt.type === 'list') {
      const list = options[name];
      if (Array.isArray(list)) list.push(raw);
      else options[name] = [raw];
    } else {
      if (options[name] !== undefined) throw new UsageError(`--${name} is given twice`);
      options[name] = opt.type === 'integer' ? parseInteger(name, raw, opt) : raw;
    }
  }
  if (!help) checkPositionals(spec, positionals);
  return { options: options as OptionValues<O>, positionals, help };
}

function parseInteger(name: string, raw: string, opt: OptionSpec): number {
  const trimmed = raw.trim();
  if (!/^[+-]?\d+$/.test(trimmed)) throw new UsageError(`--${name} must be a whole number, not "${truncate(raw)}"`);
  const n = Number(trimmed);
  const min = opt.min ?? Number.MIN_SAFE_INTEGER;
  const max = opt.max ?? Number.MAX_SAFE_INTEGER;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be from ${min} to ${max}, not ${truncate(trimmed)}`);
  return n;
}

function checkPositionals(spec: CommandSpec, positionals: string[]): void {
  const specs = spec.positionals ?? [];
  const variadic = specs.some((p) => p.variadic);
  const required = specs.filter((p) => p.required);
  if (positionals.length < required.length) {
    const missing = required[positionals.length]!;
    throw new UsageError(`'${spec.name}' needs ${missing.name} (${missing.description})`);
  }
  if (!variadic && positionals.length > specs.length)
    throw new UsageError(
      `'${spec.name}' takes ${specs.length === 0 ? 'no arguments' : `at most ${specs.length}`}; unexpected "${truncate(positionals[specs.length]!)}"`,
    );
}

/** Part of an argument, quoted in a one-line message: at most 40 characters, line breaks and controls as "?". */
function truncate(s: string): string {
  const clean = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 37)}…` : clean;
}

/** " (did you mean --x?)" for a near miss, else "". */
function suggest(name: string, known: string[]): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    // The distance is at least the difference in length: a 100 kB argument costs nothing to rule out.
    if (Math.abs(name.length - k.length) >= bestDistance) continue;
    const d = editDistance(name, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best ? ` (did you mean --${best}?)` : ``;
}

export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** The --help text of a command, built from its spec so the two cannot disagree. */
export function formatHelp(spec: CommandSpec): string {
  const pos = (spec.positionals ?? []).map((p) => (p.required ? p.name : `[${p.name}]`) + (p.variadic ? '…' : ''));
  const lines = [`gax-token ${spec.name} — ${spec.summary}`, '', `usage: gax-token ${spec.name} ${pos.join(' ')} [options]`.replace(/\s+/g, ' ')];
  if (spec.positionals?.length) {
    lines.push('', 'arguments:');
    for (const p of spec.positionals) lines.push(`  ${p.name.padEnd(22)}  ${p.description}`);
  }
  lines.push('', 'options:');
  const left = Object.entries(spec.options).map(
    ([name, o]) => [`--${name}${o.type === 'boolean' ? '' : ` ${o.value ?? 'VALUE'}`}`, o.description] as const,
  );
  left.push(['--help', 'this text']);
  const width = Math.max(...left.map(([l]) => l.length)) + 2;
  for (const [l, description] of left) lines.push(`  ${l.padEnd(width)}${description}`);
  if (spec.notes) lines.push('', spec.notes.trim());
  return lines.join('\n') + '\n';
}
