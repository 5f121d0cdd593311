/**
 * Whether the two applications agree to use tokens: GAX sends them only with confserv_trusted=true,
 * the CS looks for them only with token-authentication-mode=enable.
 */
import { DEFAULT_PREAMBLE } from '../../constants.js';
import { effective, pairs } from '../model.js';
import type { Draft, RuleContext } from '../types.js';
import { atLine, quote } from '../wording.js';

export function modesRule(ctx: RuleContext): Draft[] {
  const drafts: Draft[] = [];
  for (const { cs, gax } of pairs(ctx)) {
    if (!cs || !gax) continue;
    const mode = effective(cs, 'token-authentication-mode');
    const trusted = effective(gax, 'confserv_trusted');
    const preamble = effective(cs, 'token-preambula')?.accepted ?? DEFAULT_PREAMBLE;
    if (trusted?.accepted === 'true' && mode?.accepted !== 'enable') {
      const state = !mode
        ? 'has no token-authentication-mode (token authentication is not enabled by default)'
        : `has token-authentication-mode=${quote(mode.entry.value)}${atLine(mode.entry.line)}`;
      drafts.push({
        id: 'MODE_NOT_ENABLED',
        severity: 'error',
        message: `GAX logs in with tokens (confserv_trusted=true${atLine(trusted.entry.line)} in ${gax.fileName}) but the CS ${state}`,
        why: `GAX puts a token (${preamble}…) in the Password field of every login. Genesys: token authentication is not enabled by default; enable it on the CS (token-authentication-mode=enable) first, then on GAX. Without it the CS does not look for the preamble: it compares the token with the user's password as a plain password, so every GAX login fails as a wrong password.`,
        edits: [
          { kind: 'set', application: 'cs', file: cs.fileName, name: 'token-authentication-mode', value: 'enable' },
          { kind: 'note', application: null, file: null, text: 'or, to go back to passwords: GAX [general] confserv_trusted=false' },
        ],
        application: 'cs',
        file: cs.fileName,
        line: mode?.entry.line ?? null,
        option: 'token-authentication-mode',
      });
    }
    if (mode?.accepted === 'enable' && trusted?.accepted !== 'true') {
      const state = !trusted
        ? "has no confserv_trusted (no default is published; the tool's model: GAX keeps sending passwords)"
        : `has confserv_trusted=${quote(trusted.entry.value)}${atLine(trusted.entry.line)}`;
      drafts.push({
        id: 'TOKEN_AUTH_UNUSED',
        severity: 'warning',
        message: `The CS accepts tokens (token-authentication-mode=enable${atLine(mode.entry.line)} in ${cs.fileName}) but GAX ${state}`,
        why: "GAX keeps sending each user's real password. Finding no preamble at the start of the Password field, the CS checks it as a plain password: logins work, but tokens are never used, so passwords still cross the network and GAX still has to hold them.",
        edits: [{ kind: 'set', application: 'gax', file: gax.fileName, name: 'confserv_trusted', value: 'true' }],
        application: 'gax',
        file: gax.fileName,
        line: trusted?.entry.line ?? null,
        option: 'confserv_trusted',
      });
    }
  }
  return drafts;
}
