/**
 * Bytes of an exported file → text. Windows tools may save option files as UTF-16 (with a byte
 * order mark) or in the ANSI code page; the doctor reads all of them and says which it used.
 * TextDecoder exists in Node and in the renderer alike.
 */

export interface DecodedText {
  text: string;
  /** set when the bytes were not plain UTF-8, e.g. "UTF-16LE"; the reader lists it as a normalisation */
  encoding: string | undefined;
}

/** UTF-16 without a byte order mark: ASCII text has a NUL in every other byte. */
function looksLikeUtf16(bytes: Uint8Array, nulAt: 0 | 1): boolean {
  const n = Math.min(bytes.length - (bytes.length % 2), 128);
  if (n < 4) return false;
  for (let i = 0; i < n; i += 2) {
    const nul = bytes[i + nulAt];
    const other = bytes[i + 1 - nulAt];
    if (nul !== 0 || other === 0) return false;
  }
  return true;
}

export function decodeOptionBytes(bytes: Uint8Array): DecodedText {
  // ignoreBOM keeps a byte order mark in the text, so the reader reports it like a UTF-8 one.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes), encoding: 'UTF-16BE' };
  if (looksLikeUtf16(bytes, 1)) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'UTF-16LE' };
  if (looksLikeUtf16(bytes, 0)) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: undefined };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Windows-1252 (not valid UTF-8)' };
  }
}
