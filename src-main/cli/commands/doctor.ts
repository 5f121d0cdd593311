/**
 * gax-token doctor FILE…: reads exported CS and GAX options (or the tool's profiles) and prints what
 * is wrong, why, and the corrected lines. Exit 0 no errors, 1 errors found, 2 usage or unreadable input.
 */
import { UINT32_MAX } from '../../core/index.js';
import {
  FILE_ROLE_LABEL,
  RULE_IDS,
  decodeOptionBytes,
  diagnose,
  type DoctorFileInput,
  type DoctorResult,
  type Finding,
  type ReadError,
  type Severity,
} from '../../core/doctor/index.js';
import type { ApplicationKind } from '../../core/options/index.js';
import { SOURCE_WORD, type Source } from '../../core/sources.js';
import { UsageError, type ArgsWith } from '../args.js';
import { EXIT, defineCommand } from '../command.js';
import { readFileBounded, tooLargeLine } from '../bounded-file.js';
import { describeFsError, printJson, type CliIo } from '../io.js';
import { appVersion, checkReportTarget, reportOption, writeReport } from '../report-file.js';

/** Real exports are a few kilobytes; anything this large is not an option file. */
const MAX_FILE_BYTES = 4 << 20;
const STDIN_NAME = 'stdin';

export const doctor = defineCommand({
  spec: {
    name: 'doctor',
    summary: 'check exported CS and GAX options: what is wrong, why, and the corrected lines',
    positionals: [
      {
        name: 'FILE',
        description: 'an exported .cfg/.conf file, a profile .json, or - for standard input',
        required: true,
        variadic: true,
      },
    ],
    options: {
      users: { type: 'list', value: 'NAME,NAME', description: 'usernames whose tokens must fit the Password field (repeatable)' },
      'clock-offset': {
        type: 'string',
        value: 'SECONDS',
        description: "measured CS clock minus GAX clock (e.g. from 'gax-token time'); positive: the CS is ahead",
      },
      app: {
        type: 'list',
        value: 'cs|gax',
        description: 'which application the files are: once for all files, or once per file in order (default: detected)',
      },
      json: { type: 'boolean', description: 'one JSON object on stdout: files (with role), findings (with source), corrected, notChecked' },
      ...reportOption,
    },
    notes: `examples:
  gax-token doctor confserv.cfg gax.cfg
  gax-token doctor cs.conf gax.conf --users default,alice --clock-offset -75
  pbpaste | gax-token doctor - --app cs --json
  gax-token doctor confserv.cfg gax.cfg --report diagnosis.html

Rule ids: ${RULE_IDS.join(', ')}.
Give every file of the deployment at once (primary and backup CS, CS Proxy, GAX, a master CS's
local confserv.cfg): each file's role is stated with its reason, and the CSs are compared.
Each finding names its source: [genesys ID] a Genesys document, [model] the tool's reference
model, [advice] the tool's advice. What the files cannot show is listed under NOT CHECKED.
A token-uuid is never printed (masked where compared), and no fix changes one.
Exit: 0 no errors found, 1 errors found, 2 bad arguments or a file that cannot be read.`,
  },
  async run(args, io) {
    const files = args.positionals;
    const apps = applications(args, files.length);
    const users = usernames(args);
    const clockOffsetSeconds = clockOffset(args);
    if (files.filter((f) => f === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
    const reportPath = args.options['report'];
    if (reportPath !== undefined) await checkReportTarget(reportPath);
    const inputs: DoctorFileInput[] = [];
    for (const [i, file] of files.entries()) {
      const bytes = file === '-' ? await readStdinBytes(io) : await readFileBytes(file);
      const decoded = decodeOptionBytes(bytes);
      inputs.push({ name: file === '-' ? STDIN_NAME : file, text: decoded.text, application: apps[i], encoding: decoded.encoding });
    }
    const result = diagnose({ files: inputs, users, clockOffsetSeconds });
    if (reportPath !== undefined)
      await writeReport(reportPath, {
        kind: 'doctor',
        meta: { appVersion: appVersion(), createdAt: Date.now(), madeBy: 'gax-token doctor' },
        doctor: { ...result, users, clockOffsetSeconds },
      });
    if (result.errors.length) return unreadable(io, result.errors, args.options['json'] === true);
    if (args.options['json']) printJson(io, jsonReport(result));
    else io.stdout.write(textReport(result));
    return result.findings.some((f) => f.severity === 'error') ? EXIT.REJECTED : EXIT.OK;
  },
});

function applications(args: ArgsWith<{ app: 'list' }>, count: number): (ApplicationKind | undefined)[] {
  const given = args.options['app'] ?? [];
  for (const a of given) if (a !== 'cs' && a !== 'gax') throw new UsageError(`--app must be cs or gax, not "${a.slice(0, 20)}"`);
  const kinds = given as ApplicationKind[];
  if (kinds.length === 0) return Array.from({ length: count }, () => undefined);
  if (kinds.length === 1) return Array.from({ length: count }, () => kinds[0]);
  if (kinds.length === count) return kinds;
  throw new UsageError(`--app is given ${kinds.length} times for ${count} files: give it once for all files, or once per file`);
}

function usernames(args: ArgsWith<{ users: 'list' }>): string[] | undefined {
  const lists = args.options['users'];
  if (!lists) return undefined;
  const names = lists
    .flatMap((l) => l.split(','))
    .map((n) => n.trim())
    .filter((n) => n !== '');
  if (names.length === 0) throw new UsageError('--users needs at least one username (NAME,NAME)');
  return names;
}

function clockOffset(args: ArgsWith<{ 'clock-offset': 'string' }>): number | undefined {
  const raw = args.options['clock-offset'];
  if (raw === undefined) return undefined;
  const t = raw.trim();
  if (!/^[+-]?\d+(\.\d+)?$/.test(t) || Math.abs(Number(t)) > UINT32_MAX)
    throw new UsageError(`--clock-offset must be a number of seconds such as -75 or 2.5, not "${t.slice(0, 20)}"`);
  return Number(t);
}

async function readFileBytes(path: string): Promise<Uint8Array> {
  const read = await readFileBounded(path, MAX_FILE_BYTES);
  if (read.ok) return read.bytes;
  if (read.tooLarge) throw new UsageError(tooLargeLine(path, MAX_FILE_BYTES, 'it is not an option export'));
  throw new UsageError(`cannot read ${path}: ${describeFsError(read.error)}`);
}

async function readStdinBytes(io: CliIo): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > MAX_FILE_BYTES) throw new UsageError(tooLargeLine('standard input', MAX_FILE_BYTES, 'it is not an option export'));
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

function unreadable(io: CliIo, errors: ReadError[], json: boolean): number {
  for (const e of errors) {
    const hint = e.code === 'APPLICATION_UNKNOWN' || e.code === 'APPLICATION_AMBIGUOUS' ? ' (--app cs or --app gax)' : '';
    io.stderr.write(`gax-token doctor: ${e.message}${hint}\n`);
  }
  if (json) printJson(io, { errors: errors.map((e) => ({ code: e.code, file: e.file, line: e.line, message: e.message })) });
  return EXIT.USAGE;
}

function jsonReport(r: DoctorResult): unknown {
  return {
    files: r.files.map((f) => ({
      name: f.name,
      application: f.application,
      applicationReason: f.applicationReason,
      role: f.role ?? f.application,
      roleReason: f.roleReason ?? f.applicationReason,
      normalised: f.normalised.map((n) => n.message),
    })),
    findings: r.findings.map((f) => ({
      id: f.id,
      severity: f.severity,
      source: { kind: f.source.kind, id: f.source.id },
      message: f.message,
      why: f.why,
      fix: f.fix,
      file: f.file,
      line: f.line,
      application: f.application,
      option: f.option,
      afterFixes: f.afterFixes,
    })),
    corrected: r.corrected.map((c) => ({ application: c.application, fileName: c.fileName, changed: c.changed, text: c.text })),
    notChecked: r.notChecked,
  };
}

const HEADINGS: Record<Severity, [string, string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['note', 'notes'],
};

function count(n: number, severity: Severity): string {
  const [one, many] = HEADINGS[severity];
  return `${n} ${n === 1 ? one : many}`;
}

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((l) => by + l)
    .join('\n');
}

/** `[genesys GAX-SECURE]`, `[model]`, `[advice]`: whose word the finding is, in a word. */
function sourceTag(source: Source): string {
  return source.kind === 'genesys' ? `[${SOURCE_WORD.genesys} ${source.id}]` : `[${SOURCE_WORD[source.kind]}]`;
}

function findingText(f: Finding): string {
  const where = f.file === null ? '' : `  ${f.file}${f.line === null ? '' : `:${f.line}`}`;
  const lines = [
    `  ${f.id}${where}  ${sourceTag(f.source)}${f.afterFixes ? '  (once the other fixes are applied)' : ''}`,
    indent(f.message, '    '),
    indent(`why: ${f.why}`, '    '),
  ];
  if (f.fix) lines.push('    fix:', indent(f.fix, '      '));
  return lines.join('\n');
}

function textReport(r: DoctorResult): string {
  const out: string[] = [];
  for (const f of r.files) {
    const role = f.role ?? f.application;
    out.push(`${f.name}: ${FILE_ROLE_LABEL[role]} (${f.roleReason ?? f.applicationReason})`);
    for (const n of f.normalised) out.push(`  read: ${n.message}`);
  }
  const by = (s: Severity) => r.findings.filter((f) => f.severity === s);
  const totals = (['error', 'warning', 'info'] as const).map((s) => count(by(s).length, s)).join(', ');
  out.push('', `${totals}.`);
  if (by('error').length === 0)
    out.push(
      'No error in these files; that is not "logins will work": see NOT CHECKED below, first the token-uuid GAX signs with, which no export shows.',
    );
  for (const severity of ['error', 'warning', 'info'] as const) {
    const group = by(severity);
    if (group.length === 0) continue;
    out.push('', `${count(group.length, severity).toUpperCase()}`, ...group.map(findingText));
  }
  out.push('', 'CORRECTED OPTIONS');
  for (const c of r.corrected) {
    if (!c.changed) {
      out.push(`  ${c.fileName}: no change needed`);
      continue;
    }
    out.push(`  ${c.fileName}:`, indent(c.text.trimEnd(), '    '));
  }
  out.push('', 'NOT CHECKED (the files cannot show these)', ...r.notChecked.map((n) => `  - ${n}`));
  out.push('', "Sources: [genesys ID] a Genesys document, [model] the tool's reference model, [advice] the tool's advice.");
  return out.join('\n') + '\n';
}
