/**
 * The JSON shape of a CS decision, the one every door answers with (token.decode and token.verify
 * over IPC; the CLI's verify --json is to use it too): no Buffers, nothing a person typed but the
 * token's own public parts.
 */
import type { CheckStep, Decision } from './decision.js';
import { tokenSegments, type TokenSegment } from './segments.js';
import type { Source } from './sources.js';
import type { ValidityWindow } from './window.js';

export interface DecisionView {
  code: string;
  message: string;
  hint: string;
  /** whose word the explanation is */
  source: Source;
  now: number;
  warnings: string[];
  steps: CheckStep[];
  decoded?: {
    preamble: string;
    version: number;
    iat: number;
    exp: number;
    username: string;
    length: number;
    tagHex: string;
    segments: TokenSegment[];
  };
  window?: ValidityWindow;
}

/** A decision as plain JSON: the tag as hex, the token's parts located for highlighting. */
export function decisionView(value: string, d: Decision): DecisionView {
  return {
    code: d.code,
    message: d.message,
    hint: d.hint,
    source: d.source,
    now: d.now,
    warnings: d.warnings,
    steps: d.steps,
    ...(d.decoded
      ? {
          decoded: {
            preamble: d.decoded.preamble,
            version: d.decoded.version,
            iat: d.decoded.iat,
            exp: d.decoded.exp,
            username: d.decoded.username,
            length: d.decoded.length,
            tagHex: d.decoded.tag.toString('hex'),
            segments: tokenSegments(value, d.decoded),
          },
        }
      : {}),
    ...(d.window ? { window: d.window } : {}),
  };
}
