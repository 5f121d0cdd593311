/** Token requests: mint, decode, verify — thin over the core. */
import {
  decide,
  mintToken,
  passwordFieldFit,
  tokenSegments,
  type Decision,
} from '../../core/index.js';
import type { DecisionView, TokenUuidSource } from '../contract/tokens.js';
import type { Handlers } from '../contract/index.js';
import { HandlerError } from '../result.js';

export interface TokenDeps {
  /** the main side's clock, ms */
  clock: () => number;
  /** resolves a token-uuid source to the secret, or throws a HandlerError saying why it cannot */
  resolveTokenUuid(source: TokenUuidSource): Promise<string>;
}

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

export function tokenHandlers(deps: TokenDeps): Pick<Handlers, 'token.mint' | 'token.decode' | 'token.verify'> {
  return {
    async 'token.mint'(input) {
      const tokenUuid = await deps.resolveTokenUuid(input.tokenUuid);
      const iat = (input.now ?? Math.floor(deps.clock() / 1000)) + input.gaxClockOffsetSeconds;
      const exp = iat + input.lifeMinutes * 60;
      if (iat < 0 || exp > 0xffffffff) throw new HandlerError('INVALID_TIMES', 'the issue time and life fall outside what a PXZ-1 token can hold', 'Use a smaller clock offset or token life.');
      const minted = mintToken({ tokenUuid, username: input.username, iat, exp, preamble: input.preamble });
      if (!minted.ok) throw new HandlerError(minted.code, minted.reason);
      const t = minted.value;
      return {
        token: t.token,
        username: t.username,
        preamble: t.preamble,
        iat: t.iat,
        exp: t.exp,
        length: t.length,
        fit: passwordFieldFit(t.preamble, t.username, input.passwordFieldLimit),
      };
    },
    async 'token.decode'(input) {
      return decisionView(input.value, decide({ value: input.value, preamble: input.preamble, now: deps.clock() / 1000 }));
    },
    async 'token.verify'(input) {
      const tokenUuid = await deps.resolveTokenUuid(input.tokenUuid);
      const d = decide({
        value: input.value,
        preamble: input.preamble,
        tokenUuid,
        userName: input.userName,
        now: input.now ?? deps.clock() / 1000,
        options: input.options,
      });
      return decisionView(input.value, d);
    },
  };
}
