/** Small helpers that keep the doctor's messages consistent and never quote a secret. */
import { isSecretOptionName } from '../options/index.js';

/** "line 3", "lines 3 and 7", "lines 3, 7, 9 and 4 more". */
export function formatLines(lines: readonly number[]): string {
  if (lines.length === 0) return 'lines';
  if (lines.length === 1) return `line ${lines[0]}`;
  const shown = lines.slice(0, 3);
  if (lines.length <= 3) return `lines ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
  return `lines ${shown.join(', ')} and ${lines.length - 3} more`;
}

/** A value in a message: quoted, with control characters escaped so a message stays one line. */
export function quote(value: string): string {
  return JSON.stringify(value);
}

/** `name=value` for a message, the value masked when the option holds a secret. */
export function shownAssignment(name: string, value: string): string {
  return `${name}=${isSecretOptionName(name) ? '(secret, not shown)' : quote(value)}`;
}

/** " (line 7)" or "" */
export function atLine(line: number | null): string {
  return line === null ? '' : ` (line ${line})`;
}

export function appName(application: 'cs' | 'gax'): string {
  return application === 'cs' ? 'CS' : 'GAX';
}

/** The application as the subject of a sentence: "the CS", "GAX". */
export function theApp(application: 'cs' | 'gax'): string {
  return application === 'cs' ? 'the CS' : 'GAX';
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
