/** PXZ-1's test vectors (test/fixtures/pxz1-vectors.json; the format is docs/pxz1-token.md), read once and typed. */
import { readFileSync } from 'node:fs';

export interface Pxz1ValidateRow {
  token: string;
  preamble: string;
  tokenUuid: string;
  userName: string;
  now: number;
  options: { tokenTtlMinutes: number | null; gaxTokenLifeMinutes: number | null; tokenToleranceSeconds: number | null };
  note: string;
  expect: string;
}

export interface Pxz1Vectors {
  format: string;
  uuidParsing: { input: string; valid: boolean; bytesHex?: string; error?: string }[];
  keys: { tokenUuid: string; keyHex: string }[];
  mint: {
    tokenUuid: string;
    username: string;
    preamble: string;
    iat: number;
    exp: number;
    bodyHex: string;
    tagHex: string;
    token: string;
    length: number;
  }[];
  decode: { token: string; preamble: string; expect?: { iat: number; exp: number; username: string }; error?: string }[];
  validate: Pxz1ValidateRow[];
}

export const PXZ1_VECTORS = JSON.parse(readFileSync(new URL('../fixtures/pxz1-vectors.json', import.meta.url), 'utf8')) as Pxz1Vectors;
