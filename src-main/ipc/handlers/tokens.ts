/** Token requests: mint, decode, verify — thin over the core. */
import { decide, mintAt, mintedView, passwordFieldFit, decisionView } from '../../core/index.js';
import type { TokenUuidSource } from '../contract/tokens.js';
import type { HandlersOf } from '../contract/index.js';
import type { tokenRequests } from '../contract/tokens.js';
import { HandlerError } from '../result.js';

export interface TokenDeps {
  /** the main side's clock, ms */
  clock: () => number;
  /** resolves a token-uuid source to the secret, or throws a HandlerError saying why it cannot */
  resolveTokenUuid(source: TokenUuidSource): Promise<string>;
}

export function tokenHandlers(deps: TokenDeps): HandlersOf<typeof tokenRequests> {
  return {
    async 'token.mint'(input) {
      const tokenUuid = await deps.resolveTokenUuid(input.tokenUuid);
      const settings = {
        tokenUuid,
        username: input.username,
        preamble: input.preamble,
        lifeMinutes: input.lifeMinutes,
        gaxClockOffsetSeconds: input.gaxClockOffsetSeconds,
      };
      const minted = mintAt(settings, input.now ?? Math.floor(deps.clock() / 1000));
      if (!minted.ok)
        throw new HandlerError(minted.code, minted.reason, minted.code === 'INVALID_TIMES' ? 'Use a smaller clock offset or token life.' : undefined);
      const t = minted.value;
      return { ...mintedView(t), fit: passwordFieldFit(t.preamble, t.username, input.passwordFieldLimit) };
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
