// LineReader: lines out of any chunking, `\r\n`, and the byte limit enforced as bytes arrive.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINE_TOO_LARGE, LineReader } from '../../src-main/mockcs/framing.js';

function readAll(reader: LineReader, chunks: Buffer[]): (string | 'TOO_LARGE')[] {
  const out: (string | 'TOO_LARGE')[] = [];
  for (const c of chunks) {
    reader.feed(c);
    for (;;) {
      const line = reader.next();
      if (line === null) break;
      if (line === LINE_TOO_LARGE) {
        out.push('TOO_LARGE');
        return out;
      }
      out.push(line.toString('latin1'));
    }
  }
  return out;
}

function splitAt(data: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (data.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let prev = 0;
  for (const p of points) {
    chunks.push(data.subarray(prev, p));
    prev = p;
  }
  chunks.push(data.subarray(prev));
  return chunks.filter((c) => c.length > 0);
}

describe('LineReader', { timeout: 20_000 }, () => {
  it('gives the same lines whatever the chunking, with \\r\\n and \\n alike', () => {
    const line = fc.string({ unit: fc.constantFrom('a', 'b', '{', '"', ' ', '\r', 'é'), maxLength: 40 });
    fc.assert(
      fc.property(fc.array(fc.tuple(line, fc.boolean()), { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 10 }), (lines, cuts) => {
        const text = lines.map(([l, crlf]) => `${l}${crlf ? '\r\n' : '\n'}`).join('');
        const data = Buffer.from(text, 'latin1');
        const got = readAll(new LineReader(1000), splitAt(data, cuts));
        // One trailing "\r" is the terminator's; any other "\r" is data.
        const want = lines.map(([l, crlf]) => (crlf ? l : l.endsWith('\r') ? l.slice(0, -1) : l));
        expect(got).toEqual(want);
      }),
    );
  });

  it('accepts exactly maxLineBytes (with or without \\r) and refuses one more', () => {
    expect(readAll(new LineReader(5), [Buffer.from('12345\r\n12345\n')])).toEqual(['12345', '12345']);
    expect(readAll(new LineReader(5), [Buffer.from('123456\n')])).toEqual(['TOO_LARGE']);
    expect(readAll(new LineReader(5), [Buffer.from('123456\r\n')])).toEqual(['TOO_LARGE']);
  });

  it('refuses a long line before its end arrives, holding at most maxLineBytes + 1 bytes', () => {
    const reader = new LineReader(10);
    const out = readAll(reader, [Buffer.from('12345'), Buffer.from('678901')]);
    expect(out).toEqual([]);
    expect(reader.pendingBytes).toBe(11); // 10 bytes and maybe a "\r"
    reader.feed(Buffer.from('2'));
    expect(reader.next()).toBe(LINE_TOO_LARGE);
    expect(reader.pendingBytes).toBe(0);
  });

  it('does not keep a view on a big chunk for a short unfinished line', () => {
    const big = Buffer.alloc(65536, 0x61);
    big[65534] = 0x0a; // one long line that ends, then one byte of the next line
    const reader = new LineReader(70000);
    reader.feed(big);
    expect((reader.next() as Buffer).length).toBe(65534);
    expect(reader.next()).toBeNull();
    reader.feed(Buffer.from('b\n'));
    const line = reader.next() as Buffer;
    expect(line.toString()).toBe('ab');
    expect(line.buffer.byteLength).toBeLessThan(65536);
  });

  it('a new limit applies from the next line', () => {
    const reader = new LineReader(100);
    expect(readAll(reader, [Buffer.from('0123456789\n')])).toEqual(['0123456789']);
    reader.setLimit(4);
    expect(readAll(reader, [Buffer.from('0123456789\n')])).toEqual(['TOO_LARGE']);
  });
});
