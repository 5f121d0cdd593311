/**
 * What each drawn part of a token is: its name, its bytes and what they mean — e.g.
 * issued = 0x6955ec0f = 2026-01-01 03:37:51 UTC. The segments come from the core (token.decode's
 * `decoded.segments`); this only reads their bytes for people.
 */
import type { DecisionView } from '../../../src-main/ipc/contract/tokens.js';
import { formatUtc } from '../app/time-format.js';

export type Decoded = NonNullable<DecisionView['decoded']>;
export type Segment = Decoded['segments'][number];
export type TokenPart = Segment['part'];

export const PART_LABEL: Record<TokenPart, string> = {
  preamble: 'preamble',
  version: 'version',
  issued: 'issued',
  expires: 'expires',
  username: 'username',
  signature: 'signature',
};

export interface PartDescription {
  /** e.g. "issued" */
  label: string;
  /** the bytes as spaced hex pairs: "69 55 ec 0f" */
  hex: string;
  /** what the bytes mean, in one line */
  meaning: string;
  /** where it sits: characters and bytes */
  where: string;
}

export function spacedHex(hex: string): string {
  return (hex.match(/../g) ?? []).join(' ');
}

function uint32(hex: string): number {
  return parseInt(hex.slice(0, 8), 16);
}

function instant(seconds: number): string {
  return formatUtc(new Date(seconds * 1000), true);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function describePart(segment: Segment, decoded: Decoded): PartDescription {
  const label = PART_LABEL[segment.part];
  const chars = `characters ${segment.charStart + 1}–${segment.charEnd}`;
  const byteCount = segment.bytesHex.length / 2;
  const where =
    segment.part === 'preamble'
      ? `${chars}, sent as plain text`
      : `${chars} · body bytes ${segment.byteStart}–${segment.byteEnd - 1} (${plural(byteCount, 'byte')})`;
  const hex = spacedHex(segment.bytesHex);
  switch (segment.part) {
    case 'preamble':
      return { label, hex, where, meaning: `ASCII "${decoded.preamble}": the CS's token-preambula, which marks the Password as a token` };
    case 'version':
      return { label, hex, where, meaning: `0x${segment.bytesHex} = PXZ-1, the token format version` };
    case 'issued': {
      const iat = uint32(segment.bytesHex);
      return { label, hex, where, meaning: `0x${segment.bytesHex} = ${iat} = ${instant(iat)} (seconds since 1970, big-endian)` };
    }
    case 'expires': {
      const exp = uint32(segment.bytesHex);
      const life = exp - decoded.iat;
      const lifeText = life % 60 === 0 ? `${life / 60} min` : `${life} s`;
      return { label, hex, where, meaning: `0x${segment.bytesHex} = ${exp} = ${instant(exp)}, ${lifeText} after issue` };
    }
    case 'username':
      return { label, hex, where, meaning: `UTF-8 "${decoded.username}", ${plural(byteCount, 'byte')}` };
    case 'signature':
      return {
        label,
        hex,
        where,
        meaning: 'the first 16 bytes of HMAC-SHA256 over version, issued, expires and username, keyed from the token-uuid',
      };
  }
}
