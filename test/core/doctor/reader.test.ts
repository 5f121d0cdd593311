import { describe, expect, it } from 'vitest';
import { decodeOptionBytes, detectApplication, readOptionText, type ParsedFile } from '../../../src-main/core/doctor/index.js';

function read(text: string, application?: 'cs' | 'gax'): ParsedFile {
  const r = readOptionText({ name: 'in.cfg', text, application });
  if (!r.ok) throw new Error(r.error.message);
  return r.file;
}

const options = (f: ParsedFile) => f.sections.flatMap((s) => s.options.map((o) => [s.name, o.name, o.value, o.line]));

describe('reading option files', () => {
  it('reads sections and options with their line numbers', () => {
    const f = read('[confserv]\nport=2020\n[system]\ntoken-ttl=30\n');
    expect(f.format).toBe('options-file');
    expect(f.sections.map((s) => [s.name, s.line])).toEqual([
      ['confserv', 1],
      ['system', 3],
    ]);
    expect(options(f)).toEqual([
      ['confserv', 'port', '2020', 2],
      ['system', 'token-ttl', '30', 4],
    ]);
    expect(f.normalised).toEqual([]);
  });

  it('accepts what Windows and hand edits add, and lists each normalisation with its lines', () => {
    const text = '\uFEFF; exported\r\n[ system ]\r\n\r\n  token-authentication-mode = enable \r\n# the preamble\r\ntoken-preambula="{PXZ}"\r\n';
    const f = read(text);
    expect(options(f)).toEqual([
      ['system', 'token-authentication-mode', 'enable', 4],
      ['system', 'token-preambula', '{PXZ}', 6],
    ]);
    const byKind = Object.fromEntries(f.normalised.map((n) => [n.kind, n]));
    expect(Object.keys(byKind).sort()).toEqual(
      ['blank-lines', 'bom', 'comments', 'crlf', 'indentation', 'quoted-values', 'section-spaces', 'spaces-around-equals', 'trailing-spaces'].sort(),
    );
    expect(byKind['comments']).toMatchObject({ lines: [1, 5], message: 'comment lines 1 and 5 skipped' });
    expect(byKind['quoted-values']?.message).toContain('line 6');
    expect(byKind['section-spaces']?.lines).toEqual([2]);
  });

  it('keeps what is inside quotes, spaces included, and leaves a lone quote alone', () => {
    const f = read('[system]\na=" enable "\nb=\'x\'\nc="half\nd=a=b\ne=\n');
    expect(options(f).map((o) => o[2])).toEqual([' enable ', 'x', '"half', 'a=b', '']);
  });

  it('merges a repeated section and says so', () => {
    const f = read('[system]\na=1\n[log]\nx=1\n[system]\nb=2\n');
    expect(f.sections.map((s) => [s.name, s.options.map((o) => o.name)])).toEqual([
      ['system', ['a', 'b']],
      ['log', ['x']],
    ]);
    expect(f.normalised.find((n) => n.kind === 'repeated-section')?.message).toBe(
      '[system] appears 2 times (lines 1 and 5): read as one section each',
    );
  });

  it('marks secrets so a view can mask them', () => {
    const f = read('[system]\ntoken-uuid=3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42\n[dbserver]\npassword=x\nport=1\n');
    expect(f.sections.flatMap((s) => s.options.map((o) => [o.name, o.secret]))).toEqual([
      ['token-uuid', true],
      ['password', true],
      ['port', false],
    ]);
  });

  it.each([
    ['[system]\ntoken-authentication-mode=enable\n3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42\n', 'BAD_LINE', 3],
    ['[system\n', 'BAD_SECTION_LINE', 1],
    ['[system]\n[  ]\n', 'BAD_SECTION_LINE', 2],
    ['token-ttl=5\n[system]\n', 'OPTION_OUTSIDE_SECTION', 1],
    ['[system]\n = x\n', 'BAD_LINE', 2],
    ['# only a comment\n\n', 'EMPTY', null],
    ['', 'EMPTY', null],
    ['[system]\nport=20\u000020\n', 'NOT_TEXT', 2],
    ['{"kind":"cs",', 'BAD_JSON', 1],
    ['{"kind":"cs","system":[]}', 'NOT_A_PROFILE', null],
  ])('refuses %j with %s at line %s, in one line that never quotes the file', (text, code, line) => {
    const r = readOptionText({ name: 'in.cfg', text, application: 'cs' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code, line, file: 'in.cfg' });
    expect(r.error.message).not.toContain('\n');
    expect(r.error.message).toMatch(line === null ? /^in\.cfg: / : new RegExp(`^in\\.cfg, line ${line}: `));
    expect(r.error.message).not.toContain('3f2b8c1e');
  });

  it('reads a profile and its plain shape, with lines located in the JSON', () => {
    const text = JSON.stringify({ kind: 'cs', name: 'Lab', system: { 'token-tolerance': 60, 'token-ttl': null } }, null, 2);
    const f = read(text);
    expect(f).toMatchObject({ format: 'profile-json', application: 'cs', applicationSource: 'profile' });
    expect(options(f)).toEqual([['system', 'token-tolerance', '60', 5]]);
    const plain = read('{"application":"gax","sections":{"general":{"confserv_trusted":"true"}}}');
    expect(plain.application).toBe('gax');
    const conflict = readOptionText({ name: 'p.json', text, application: 'gax' });
    expect(conflict.ok || conflict.error.code).toBe('APPLICATION_CONFLICT');
  });
});

describe('telling the application', () => {
  const detect = (text: string) => {
    const r = readOptionText({ name: 'x', text });
    return r.ok ? [r.file.application, r.file.applicationReason] : [r.error.code, r.error.message];
  };

  it.each([
    ['[confserv]\nport=2020\n[system]\ntoken-ttl=5\n', 'cs', 'it has a [system] section'],
    ['[general]\nconfserv_trusted=true\n[log]\nall=stdout\n', 'gax', 'it has confserv_trusted under [general]'],
    ['[general]\nconfserv-trusted=true\n', 'gax', 'it has confserv-trusted under [general]'],
    ['[general]\ninactivity_timeout=15\n', 'gax', 'it has a [general] section'],
    ['[confserv]\ntoken-uuid=x\n', 'cs', 'it has a [confserv] section'],
    ['[asd]\ninstall_path=/opt\n', 'gax', 'it has a [asd] section'],
    ['[token]\ntoken-ttl=5\n', 'cs', 'it holds only CS token options'],
  ])('%j is %s', (text, app, reason) => {
    expect(detect(text)).toEqual([app, reason]);
  });

  it.each([
    ['[system]\na=1\n[general]\nconfserv_trusted=true\n', 'APPLICATION_AMBIGUOUS'],
    ['[confserv]\nport=1\n[general]\nx=1\n', 'APPLICATION_AMBIGUOUS'],
    ['[log]\nverbose=all\n', 'APPLICATION_UNKNOWN'],
    ['[x]\ntoken-ttl=1\nconfserv_trusted=true\n', 'APPLICATION_UNKNOWN'],
  ])('%j needs the person to say (%s)', (text, code) => {
    const [got, message] = detect(text);
    expect(got).toBe(code);
    expect(message).toContain('say which application it is (CS or GAX)');
  });

  it("takes the caller's word over detection", () => {
    expect(read('[log]\nverbose=all\n', 'gax')).toMatchObject({ application: 'gax', applicationSource: 'caller' });
    expect(detectApplication([]).ok).toBe(false);
  });
});

describe('decoding the bytes of an export', () => {
  const ascii = '[system]\r\ntoken-ttl=30\r\n';

  it('reads UTF-8 as is, keeping a byte order mark for the reader to report', () => {
    const bytes = new TextEncoder().encode('\uFEFF' + ascii);
    expect(decodeOptionBytes(bytes)).toEqual({ text: '\uFEFF' + ascii, encoding: undefined });
  });

  it('reads UTF-16 with and without a byte order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ascii, 'utf16le')]);
    expect(decodeOptionBytes(le)).toEqual({ text: '\uFEFF' + ascii, encoding: 'UTF-16LE' });
    expect(decodeOptionBytes(Buffer.from(ascii, 'utf16le'))).toEqual({ text: ascii, encoding: 'UTF-16LE' });
    const be = Buffer.from(ascii, 'utf16le').swap16();
    expect(decodeOptionBytes(be)).toEqual({ text: ascii, encoding: 'UTF-16BE' });
    const f = readOptionText({ name: 'u16.cfg', ...decodeOptionBytes(le) });
    expect(f.ok && f.file.normalised.map((n) => n.message)).toEqual([
      'read as UTF-16LE text',
      'a byte order mark at the start was skipped',
      'Windows line endings (CRLF) read as line breaks',
    ]);
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8', () => {
    const bytes = Buffer.from('; r\xe9sum\xe9\n[system]\nx=1\n', 'latin1');
    const d = decodeOptionBytes(bytes);
    expect(d.text.startsWith('; résumé')).toBe(true);
    expect(d.encoding).toContain('Windows-1252');
  });
});
