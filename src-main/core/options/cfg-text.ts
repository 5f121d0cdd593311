/**
 * Writing options as a Genesys option file (`.cfg` on Windows, `.conf` on UNIX — the same syntax,
 * GAX Help "File Formats"): `[section]` lines followed by `name=value` lines.
 *
 * What is written always reads back to the same options with the doctor's reader
 * (`core/doctor/reader.ts`), which trims spaces around names and values and takes a value wrapped
 * in matching quotes literally: so a value with spaces at either end, or that starts with a quote,
 * is written inside double quotes. A line break or a NUL cannot be written in this format at all.
 */
import type { OptionSet } from './option-set.js';

export type LineEnding = '\n' | '\r\n';

export interface WriteOptions {
  /** default `\n`; Windows `.cfg` files are usually `\r\n` */
  lineEnding?: LineEnding;
  /** start with a UTF-8 byte order mark, as some Windows editors do */
  bom?: boolean;
  /** comment lines written first, each prefixed with `# ` */
  comments?: readonly string[];
}

export type WriteResult = { ok: true; text: string } | { ok: false; reason: string };

const UNWRITABLE = /[\r\n\u0000]/;

export function checkWritableSectionName(name: string): string | null {
  if (name.length === 0) return 'a section name is empty';
  if (UNWRITABLE.test(name)) return 'a section name holds a line break or a NUL';
  if (name !== name.trim()) return `the section name "${name.trim()}" has spaces at an end`;
  return null;
}

export function checkWritableOptionName(name: string): string | null {
  if (name.length === 0) return 'an option name is empty';
  if (UNWRITABLE.test(name)) return 'an option name holds a line break or a NUL';
  if (name !== name.trim()) return `the option name "${name.trim()}" has spaces at an end`;
  if (name.includes('=')) return `the option name "${name}" holds "="`;
  if (/^[[#;]/.test(name)) return `the option name "${name}" starts with "${name[0]}", which marks a section or a comment`;
  return null;
}

export function checkWritableValue(value: string): string | null {
  return UNWRITABLE.test(value) ? 'a value holds a line break or a NUL, which an option file cannot hold' : null;
}

/** The value as written after `=`: quoted only when the reader would otherwise change it. */
export function formatValue(value: string): string {
  return value !== value.trim() || /^["']/.test(value) ? `"${value}"` : value;
}

export function formatOptionLine(name: string, value: string): string {
  return `${name}=${formatValue(value)}`;
}

export function formatSectionLine(name: string): string {
  return `[${name}]`;
}

/** Every section with its options, in the set's order; a blank line between sections. */
export function writeOptionsText(set: OptionSet, options: WriteOptions = {}): WriteResult {
  const eol = options.lineEnding ?? '\n';
  const lines: string[] = [];
  for (const comment of options.comments ?? []) {
    if (UNWRITABLE.test(comment)) return { ok: false, reason: 'a comment holds a line break or a NUL' };
    lines.push(`# ${comment}`);
  }
  for (const [section, values] of Object.entries(set.sections)) {
    const badSection = checkWritableSectionName(section);
    if (badSection) return { ok: false, reason: badSection };
    if (lines.length > 0) lines.push('');
    lines.push(formatSectionLine(section));
    for (const [name, value] of Object.entries(values)) {
      const bad = checkWritableOptionName(name) ?? checkWritableValue(value);
      if (bad) return { ok: false, reason: `[${section}] ${bad}` };
      lines.push(formatOptionLine(name, value));
    }
  }
  return { ok: true, text: (options.bom ? '\uFEFF' : '') + lines.map((l) => l + eol).join('') };
}
