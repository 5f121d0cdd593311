/**
 * Reading exported options: Genesys option files (`.cfg`/`.conf`: `[section]` and `name=value`
 * lines), pasted text, and the tool's own profile JSON. Liberal in what it accepts — a byte order
 * mark, CRLF, blank lines, spaces around names and `=`, `#`/`;` comment lines, quoted values — and
 * it lists everything it normalised, so the person knows what the doctor read. Input it cannot
 * read is a typed error naming the line, never a throw.
 *
 * An error message never quotes a line of the file: a stray line may hold a secret.
 */
import { readOptionsFile } from './read-options-file.js';
import { readProfileJson } from './read-profile-json.js';
import { lineAt, readFailure as fail, type OptionTextInput, type ReadResult } from './read-result.js';

export * from './read-result.js';
export { readOptionSet } from './read-profile-json.js';

export function readOptionText(input: OptionTextInput): ReadResult {
  const { name, text } = input;
  const nul = text.indexOf('\u0000');
  if (nul >= 0)
    return fail(
      'NOT_TEXT',
      name,
      lineAt(text, nul),
      'this is not a text file (it holds NUL bytes): give the exported .cfg or .conf file, or paste its text',
    );
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trimStart().startsWith('{')) return readProfileJson(input, body);
  return readOptionsFile(input, text);
}
