/**
 * Genesys option files (`.cfg`/`.conf`) and pasted text: `[section]` and `name=value` lines, read
 * liberally, every normalisation listed with its lines. An error never quotes a line of the file:
 * a stray line may hold a secret.
 */
import { isSecretOptionName } from '../options/index.js';
import {
  readFailure as fail,
  withApplication,
  type Normalisation,
  type NormalisationKind,
  type OptionTextInput,
  type ParsedOption,
  type ParsedSection,
  type ReadResult,
} from './read-result.js';
import { formatLines } from './wording.js';

class Notes {
  private byKind = new Map<NormalisationKind, number[]>();
  add(kind: NormalisationKind, line?: number): void {
    const lines = this.byKind.get(kind) ?? [];
    // Lines arrive in order, so a repeat can only be the last one: no scan (a file may have millions of lines).
    if (line !== undefined && lines[lines.length - 1] !== line) lines.push(line);
    this.byKind.set(kind, lines);
  }
  has(kind: NormalisationKind): boolean {
    return this.byKind.has(kind);
  }
  list(messages: Record<NormalisationKind, (lines: number[]) => string>): Normalisation[] {
    return [...this.byKind].map(([kind, lines]) => ({ kind, lines, message: messages[kind](lines) }));
  }
}

interface SectionBuilder {
  name: string;
  line: number;
  lines: number[];
  options: ParsedOption[];
}

export function readOptionsFile(input: OptionTextInput, text: string): ReadResult {
  const notes = new Notes();
  if (input.encoding) notes.add('encoding');
  let rest = text;
  if (rest.startsWith('\uFEFF')) {
    notes.add('bom', 1);
    rest = rest.slice(1);
  }
  if (rest.includes('\r')) notes.add('crlf');
  const lines = rest.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop(); // the final line break

  const sections = new Map<string, SectionBuilder>();
  let current: SectionBuilder | null = null;
  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    const raw = lines[i] ?? '';
    const t = raw.trim();
    if (t === '') {
      notes.add('blank-lines', n);
      continue;
    }
    if (t.startsWith('#') || t.startsWith(';')) {
      notes.add('comments', n);
      continue;
    }
    if (t.startsWith('[')) {
      if (!t.endsWith(']')) return fail('BAD_SECTION_LINE', input.name, n, 'a section line must end with "]": write it as [section]');
      const inner = t.slice(1, -1);
      const sectionName = inner.trim();
      if (sectionName === '') return fail('BAD_SECTION_LINE', input.name, n, 'the section name is empty: write it as [section]');
      if (sectionName !== inner) notes.add('section-spaces', n);
      if (raw !== t) notes.add('indentation', n);
      const existing = sections.get(sectionName);
      if (existing) {
        existing.lines.push(n);
        notes.add('repeated-section', n);
        current = existing;
      } else {
        current = { name: sectionName, line: n, lines: [n], options: [] };
        sections.set(sectionName, current);
      }
      continue;
    }
    const eq = raw.indexOf('=');
    if (eq < 0) return fail('BAD_LINE', input.name, n, 'this line is neither a [section] line, a name=value line nor a # comment: fix or delete it');
    const rawName = raw.slice(0, eq);
    const rawValue = raw.slice(eq + 1);
    const optionName = rawName.trim();
    if (optionName === '') return fail('BAD_LINE', input.name, n, 'the line starts with "=": an option line is name=value');
    if (!current)
      return fail(
        'OPTION_OUTSIDE_SECTION',
        input.name,
        n,
        `option "${optionName}" comes before any [section] line: put [system] (Configuration Server) or [general] (GAX) above it`,
      );
    if (rawName.trimStart() !== rawName) notes.add('indentation', n);
    if (rawName.trimEnd() !== rawName || rawValue.trimStart() !== rawValue) notes.add('spaces-around-equals', n);
    if (rawValue.trimEnd() !== rawValue) notes.add('trailing-spaces', n);
    let value = rawValue.trim();
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) {
      value = value.slice(1, -1);
      notes.add('quoted-values', n);
    }
    current.options.push({ section: current.name, name: optionName, value, line: n, secret: isSecretOptionName(optionName) });
  }
  if (sections.size === 0)
    return fail('EMPTY', input.name, null, "no [section] and no option in it: export the application's options again, or paste them");

  const parsed: ParsedSection[] = [...sections.values()].map((s) => ({ name: s.name, line: s.line, options: s.options }));
  const repeated = [...sections.values()].filter((s) => s.lines.length > 1);
  const normalised = notes.list({
    encoding: () => `read as ${input.encoding} text`,
    bom: () => 'a byte order mark at the start was skipped',
    crlf: () => 'Windows line endings (CRLF) read as line breaks',
    'blank-lines': (l) => `blank ${formatLines(l)} skipped`,
    comments: (l) => `comment ${formatLines(l)} skipped`,
    indentation: (l) => `spaces at the start of ${formatLines(l)} removed`,
    'spaces-around-equals': (l) => `spaces around "=" removed on ${formatLines(l)}`,
    'trailing-spaces': (l) => `spaces at the end of ${formatLines(l)} removed`,
    'quoted-values': (l) =>
      `quotes around the value removed on ${formatLines(l)}: Genesys option files hold values without quotes, and an import may keep them as part of the value`,
    'section-spaces': (l) => `spaces inside [ ] removed on ${formatLines(l)}`,
    'repeated-section': () =>
      repeated.map((s) => `[${s.name}] appears ${s.lines.length} times (${formatLines(s.lines)})`).join('; ') + ': read as one section each',
  });
  return withApplication(input, 'options-file', parsed, normalised);
}
