/** What cannot be checked when only one application's options were given. */
import type { Draft, RuleContext } from '../types.js';

export function coverageRule(ctx: RuleContext): Draft[] {
  if (ctx.cs.length && !ctx.gax.length)
    return [
      {
        id: 'OTHER_APPLICATION_MISSING',
        severity: 'info',
        message: "Only the CS's options were given, not GAX's [general] options",
        why: "Without them the doctor cannot check whether GAX sends tokens at all (MODE_NOT_ENABLED, TOKEN_AUTH_UNUSED), whether token-ttl is shorter than the token life GAX uses (TTL_SHORTER_THAN_LIFE), or whether that life is too long (LIFE_TOO_LONG). Add the GAX application's exported options.",
        edits: [],
        application: 'gax',
        file: null,
        line: null,
        option: null,
      },
    ];
  if (ctx.gax.length && !ctx.cs.length)
    return [
      {
        id: 'OTHER_APPLICATION_MISSING',
        severity: 'info',
        message: "Only GAX's options were given, not the CS's [system] options",
        why: "Without them the doctor cannot check whether the CS accepts tokens (MODE_NOT_ENABLED, TOKEN_AUTH_UNUSED), its preamble and token-uuid, or its token-ttl and token-tolerance against the token life (TTL_SHORTER_THAN_LIFE); token lengths are checked with the default preamble. Add the CS application's exported options.",
        edits: [],
        application: 'cs',
        file: null,
        line: null,
        option: null,
      },
    ];
  return [];
}
