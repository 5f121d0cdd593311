// Fuzz target 3: the option-file reader (core/doctor: decodeOptionBytes → readOptionText) and the doctor
// on whatever was read, plus the .cfg writer (core/options/cfg-text.ts) read back. Any bytes — other
// encodings, BOMs, NULs, long lines, CR/LF mixes, JSON — → a parsed file or a typed read error naming
// the file and line, and `diagnose` never throws; a token-uuid in a file never reaches its answers.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULE_IDS, SEVERITIES, decodeOptionBytes, diagnose, readOptionText, type ReadResult } from '../../src-main/core/doctor/index.js';
import { OPTION_DEFINITIONS, writeOptionsText, type ApplicationKind, type OptionSet } from '../../src-main/core/options/index.js';
import { FUZZ_TEST_TIMEOUT, bounded, check, fuzz, mix } from './fuzz-kit.js';
import { randomJson } from './json-mutators.js';
import { NASTY_STRINGS, Rng, generatedBy, mutateBytes, mutatedFrom, randomBytes, randomString } from './mutators.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/options/', import.meta.url));
const samples: { name: string; bytes: Buffer }[] = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
  .filter((p) => /\.(cfg|conf|json)$/.test(p) && p !== 'manifest.json')
  .map((p) => ({ name: relative(FIXTURES, join(FIXTURES, p)), bytes: readFileSync(join(FIXTURES, p)) }));
const pool = samples.map((s) => s.bytes);

/** Distinctive, so that any trace of it in an answer is a leak. */
const SECRET_UUID = '5d1c7a3e-8b42-4f09-9e6d-2a7f3c8b1e90';
const SECRET_FORMS = [SECRET_UUID, SECRET_UUID.replace(/-/g, ''), SECRET_UUID.toUpperCase()];

const OPTION_NAMES = OPTION_DEFINITIONS.map((d) => d.name);
const NAMES = [
  ...OPTION_NAMES,
  'token_ttl',
  'Token-UUID',
  'token-preamble',
  'token-authentification-mode',
  'confserv-trusted',
  'token_life',
  'port',
  'password',
  'db-password',
  '__proto__',
  'constructor',
  '',
];
const SECTIONS = ['system', 'general', 'SYSTEM', ' system ', 'confserv', 'hca', 'asd', 'log', '__proto__', 'constructor', ''];
const VALUES = [
  'enable',
  'disable',
  'Enable',
  'true',
  'false',
  '1',
  '0',
  '-5',
  '60',
  '1440',
  '99999999999',
  '{PXZ}',
  '"{PXZ}"',
  "'x'",
  '{P Z}',
  '[TKN]',
  'x'.repeat(20),
  ' 30 ',
  '',
  ...NASTY_STRINGS,
];
const READ_CODES = new Set([
  'NOT_TEXT',
  'EMPTY',
  'BAD_SECTION_LINE',
  'BAD_LINE',
  'OPTION_OUTSIDE_SECTION',
  'BAD_JSON',
  'NOT_A_PROFILE',
  'APPLICATION_UNKNOWN',
  'APPLICATION_AMBIGUOUS',
  'APPLICATION_CONFLICT',
]);
const ENCODINGS = ['utf8', 'utf16le', 'utf16be', 'latin1'] as const;

interface FileCase {
  name: string;
  bytes: Buffer;
  application?: ApplicationKind;
}
interface DoctorCase {
  files: FileCase[];
  users?: string[];
  clockOffsetSeconds?: number;
}

function encode(text: string, encoding: (typeof ENCODINGS)[number], rng: Rng): Buffer {
  const bom = rng.chance(0.3);
  if (encoding === 'utf16be') {
    const le = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
    for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
    return le;
  }
  return Buffer.from((bom && encoding !== 'latin1' ? '\ufeff' : '') + text, encoding);
}

/** An option file made from nothing: sections, options (the secret among them), comments, blanks, any line ends. */
function optionText(rng: Rng): string {
  const lines: string[] = [];
  for (let n = rng.int(14); n > 0; n--) {
    const pad = () => (rng.chance(0.2) ? rng.pick([' ', '\t', '  ', '\u00a0']) : '');
    switch (rng.int(6)) {
      case 0:
        lines.push(`${pad()}[${pad()}${rng.chance(0.9) ? rng.pick(SECTIONS) : randomString(rng, 10)}${pad()}${rng.chance(0.95) ? ']' : ''}`);
        break;
      case 1:
        lines.push(rng.pick(['#', ';', '  #']) + randomString(rng, 20));
        break;
      case 2:
        lines.push(rng.chance(0.5) ? '' : pad());
        break;
      case 3:
        lines.push(`${pad()}token-uuid${pad()}=${pad()}${rng.chance(0.2) ? `{${SECRET_UUID}}` : SECRET_UUID}${pad()}`);
        break;
      default: {
        const name = rng.chance(0.85) ? rng.pick(NAMES) : randomString(rng, 12);
        const value = rng.chance(0.01) ? 'v'.repeat(1 + rng.int(200_000)) : rng.chance(0.85) ? rng.pick(VALUES) : randomString(rng, 16);
        lines.push(rng.chance(0.97) ? `${pad()}${name}${pad()}=${pad()}${value}${pad()}` : `${name}${value}`);
      }
    }
  }
  if (rng.chance(0.01)) lines.push(`${'n'.repeat(1 + rng.int(200_000))}=1`);
  const eol = () => rng.pick(['\n', '\r\n', '\r', '\n\n']);
  return lines.map((l) => l + eol()).join('');
}

/** A JSON file the reader takes for a profile (or nearly): the shapes it knows, altered. */
function profileText(rng: Rng): string {
  const keys = ['kind', 'system', 'general', 'options', 'application', 'sections', 'profiles', 'name', 'cs', 'gax', 'token-uuid', ...OPTION_NAMES];
  const value = rng.chance(0.5)
    ? {
        kind: rng.pick(['cs', 'gax', 'pair', 'x']),
        [rng.pick(['system', 'general', 'options'])]: { 'token-uuid': SECRET_UUID, [rng.pick(OPTION_NAMES)]: randomJson(rng, { keys }, 0) },
      }
    : randomJson(rng, { keys }, 4);
  const wrapped = rng.chance(0.3) ? { profiles: [value, randomJson(rng, { keys }, 2)] } : value;
  return JSON.stringify(wrapped, null, rng.chance(0.5) ? 2 : 0) ?? 'null';
}

const oneFile = (rng: Rng, bytes: Buffer, name: string): FileCase => ({
  name,
  bytes,
  ...(rng.chance(0.25) ? { application: rng.pick(['cs', 'gax'] as const) } : {}),
});

function around(files: FileCase[], rng: Rng): DoctorCase {
  return {
    files,
    ...(rng.chance(0.3)
      ? {
          users: Array.from({ length: 1 + rng.int(3) }, () =>
            rng.chance(0.7) ? rng.pick(['default', 'alice', 'józef.kowalski']) : randomString(rng, 70),
          ),
        }
      : {}),
    ...(rng.chance(0.3) ? { clockOffsetSeconds: rng.pick([0, -75, 300, 1e9, -1e9, 2.5]) } : {}),
  };
}

const mutated = mutatedFrom(samples, (s, rng) => {
  const files = [oneFile(rng, mutateBytes(s.bytes, rng, pool, 1 << 18), s.name)];
  if (rng.chance(0.4)) {
    const other = rng.pick(samples);
    files.push(oneFile(rng, rng.chance(0.5) ? other.bytes : mutateBytes(other.bytes, rng, pool, 1 << 18), other.name));
  }
  return around(files, rng);
});

const generated = generatedBy((rng) => {
  const make = (): FileCase => {
    const kind = rng.int(10);
    const bytes =
      kind < 6 ? encode(optionText(rng), rng.pick(ENCODINGS), rng) : kind < 9 ? encode(profileText(rng), 'utf8', rng) : randomBytes(rng, 300);
    return oneFile(rng, bytes, rng.pick(['cs.cfg', 'gax.conf', 'profile.json', 'pasted']));
  };
  return around(rng.chance(0.4) ? [make(), make()] : [make()], rng);
});

function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

function checkRead(name: string, text: string, read: ReadResult): void {
  const lines = lineCount(text);
  if (!read.ok) {
    const e = read.error;
    expect(READ_CODES.has(e.code), e.code).toBe(true);
    expect(e.file).toBe(name);
    if (e.line !== null) expect(Number.isInteger(e.line) && e.line >= 1 && e.line <= lines).toBe(true);
    expect(e.message.startsWith(name)).toBe(true);
    expect(e.message).not.toMatch(/[\r\n]/);
    return;
  }
  const f = read.file;
  expect(f.name).toBe(name);
  expect(['cs', 'gax']).toContain(f.application);
  for (const s of f.sections)
    for (const o of s.options) {
      check(o.name.length > 0 && o.name === o.name.trim(), `option name ${JSON.stringify(o.name)} is empty or not trimmed`);
      if (o.line !== null) check(o.line >= 1 && o.line <= lines, `option line ${o.line} is not in the file`);
    }
}

function checkDoctor(c: DoctorCase): void {
  const inputs = c.files.map((f) => {
    const decoded = bounded('decodeOptionBytes', () => decodeOptionBytes(f.bytes));
    expect(typeof decoded.text).toBe('string');
    const input = { name: f.name, text: decoded.text, application: f.application, encoding: decoded.encoding };
    checkRead(
      f.name,
      decoded.text,
      bounded('readOptionText', () => readOptionText(input)),
    );
    return input;
  });
  const result = bounded('diagnose', () => diagnose({ files: inputs, users: c.users, clockOffsetSeconds: c.clockOffsetSeconds }));
  expect(result.files.length + result.errors.length).toBeGreaterThanOrEqual(c.files.length);
  expect(result.corrected).toHaveLength(result.files.length);
  for (const f of result.findings) {
    expect(RULE_IDS).toContain(f.id);
    expect(SEVERITIES).toContain(f.severity);
    expect(f.message.length > 0 && typeof f.why === 'string' && typeof f.fix === 'string').toBe(true);
  }
  for (const e of result.errors) expect(READ_CODES.has(e.code)).toBe(true);
  // What the doctor says and writes never holds the token-uuid (revealSecrets is off).
  const said = JSON.stringify([result.findings, result.errors, result.corrected]);
  for (const form of SECRET_FORMS) expect(said.includes(form), "the token-uuid leaked into the doctor's answer").toBe(false);
}

/** An option set the writer is given: any names and values, sometimes ones it must refuse. */
const optionSets = generatedBy((rng): OptionSet => {
  const section = () => (rng.chance(0.7) ? rng.pick(SECTIONS) : randomString(rng, 8));
  const sections = Object.fromEntries(
    Array.from({ length: rng.int(4) }, () => [
      section(),
      Object.fromEntries(
        Array.from({ length: rng.int(5) }, () => [
          rng.chance(0.7) ? rng.pick(NAMES) : randomString(rng, 10),
          rng.chance(0.6) ? rng.pick(VALUES) : randomString(rng, 20),
        ]),
      ),
    ]),
  ) as OptionSet['sections'];
  return { application: rng.pick(['cs', 'gax'] as const), sections };
});

function checkRoundTrip(set: OptionSet): void {
  const bom = set.application === 'cs';
  const written = bounded('writeOptionsText', () =>
    writeOptionsText(set, { lineEnding: bom ? '\r\n' : '\n', bom, comments: ['made by the fuzzer'] }),
  );
  if (!written.ok) {
    expect(written.reason).not.toMatch(/[\r\n]/);
    return;
  }
  const read = readOptionText({ name: 'written.cfg', text: written.text, application: set.application });
  if (Object.keys(set.sections).length === 0) {
    expect(read.ok === false && read.error.code).toBe('EMPTY');
    return;
  }
  expect(read.ok, read.ok ? '' : read.error.message).toBe(true);
  if (!read.ok) return;
  const back = read.file.sections.map((s) => [s.name, s.options.map((o) => [o.name, o.value])]);
  expect(back).toEqual(Object.entries(set.sections).map(([name, options]) => [name, Object.entries(options)]));
}

describe('fuzz: option-file reader and doctor', () => {
  it('bytes → a parsed file or a typed read error; diagnose never throws and never repeats the token-uuid', { timeout: FUZZ_TEST_TIMEOUT }, () => {
    fuzz('option-file reader', mix(mutated, generated), checkDoctor);
  });

  it('a regression found by this fuzzer: a 200,000-character option name is read in time', () => {
    // suggestOptionName compared every name cell by cell with each known one: ~0.5 s per 20,000 characters.
    const line = `${'token_life_in_m'.repeat(13_334)}=5`;
    checkDoctor({ files: [{ name: 'gax.cfg', bytes: Buffer.from(`[general]\nconfserv_trusted=yes\n${line}\n`) }] });
  });

  it('regressions found by this fuzzer: thousands of repeated lines are read in linear time', () => {
    // Were quadratic: the reader's normalisation notes (a scan per blank line), the doctor's deletions
    // (a scan per repeated line) and a finding's fix (its edits copied once per edit).
    const file = (body: string): FileCase => ({ name: 'gax.cfg', bytes: Buffer.from(`[general]\nconfserv_trusted=true\n${body}`) });
    checkDoctor({ files: [file('\n'.repeat(100_000))] });
    checkDoctor({ files: [file('token_life_in_minutes=60\n'.repeat(8_000))] });
    checkDoctor({ files: [file('tin_minutes=60\n'.repeat(8_000))] });
  });

  it('the .cfg writer: what it writes reads back to the same options, or it says why it cannot write them', { timeout: FUZZ_TEST_TIMEOUT }, () => {
    fuzz('cfg writer round trip', optionSets, checkRoundTrip);
  });
});
