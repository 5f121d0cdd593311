/**
 * Zod issues as one line for a person: "cs.users[1].userName: appears twice; gax: unknown field
 * "tokenUID"" — at most three, then "and N more". The mock CS options and a lab's setup file word
 * them alike and differ only in what the whole input is called.
 */
import type { z } from 'zod';

export interface IssueWording {
  /** What an issue about the whole input is said to be about: `options`, `the setup`. */
  readonly root: string;
  /** An unknown field at the top level, given the quoted names; `ROOT: unknown field NAMES` unless set. */
  readonly unknownAtRoot?: (names: string) => string;
}

/** At most three issues, joined with "; ". */
export function describeZodIssues(issues: readonly z.core.$ZodIssue[], wording: IssueWording): string {
  const parts = issues.slice(0, 3).map((issue) => {
    const where = formatIssuePath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const names = issue.keys.map((k) => `"${printable(k)}"`).join(', ');
      if (where) return `${where}: unknown field ${names}`;
      return wording.unknownAtRoot ? wording.unknownAtRoot(names) : `${wording.root}: unknown field ${names}`;
    }
    return `${where || wording.root}: ${issue.message}`;
  });
  if (issues.length > 3) parts.push(`and ${issues.length - 3} more`);
  return parts.join('; ');
}

/** `users[1].userName` — where in the input an issue is. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

/** For quoting a value in a one-line message: no control characters, at most 40 characters. */
export function printable(s: string): string {
  // C1 controls too (\x9b starts a terminal escape) and the line separators, as the CLI's lab names had it.
  const clean = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}
