/**
 * The CS's validity window against GAX's token life and the hosts' clocks, computed with the token
 * core's `validityWindow` so the doctor and the CS can never disagree:
 *   validFrom = exp − ttl × 60 − tolerance,  validUntil = exp + tolerance.
 * A token GAX mints at its clock g lives [g, g + life]; GAX sends it at once.
 */
import { effectiveTolerance, effectiveTtl, validityWindow } from '../../window.js';
import { humanDuration } from '../../time-format.js';
import { acceptedNumber, effective, pairs, timeOptions } from '../model.js';
import { LIFE_MAX_MINUTES, TOLERANCE_MAX_SECONDS, TOLERANCE_MIN_SECONDS } from '../thresholds.js';
import type { AppModel, Draft, Edit, RuleContext } from '../types.js';
import { atLine } from '../wording.js';

function ttlShorterThanLife(cs: AppModel, gax: AppModel): Draft | null {
  const ttl = acceptedNumber(cs, 'token-ttl');
  const life = acceptedNumber(gax, 'token_life_in_minutes');
  if (!ttl || !life) return null;
  const options = timeOptions(cs, gax);
  if (effectiveTtl(options).source !== 'token-ttl') return null;
  const exp = life * 60; // minted at 0
  const w = validityWindow(exp, options);
  const refused = w.validFrom; // seconds after minting before the CS accepts it
  if (refused <= 0) return null;
  const ttlLine = effective(cs, 'token-ttl')?.entry.line ?? null;
  const lifeLine = effective(gax, 'token_life_in_minutes')?.entry.line ?? null;
  return {
    id: 'TTL_SHORTER_THAN_LIFE',
    severity: 'error',
    message: `[system] token-ttl=${ttl}${atLine(ttlLine)} is shorter than GAX token_life_in_minutes=${life}${atLine(lifeLine)} in ${gax.fileName}`,
    why: `token-ttl is counted back from the token's expiry (documented for Configuration Server Proxy): a token GAX mints for ${life} min is accepted only in its last ${humanDuration(ttl * 60 + w.toleranceSeconds)} (token-ttl plus token-tolerance ${w.toleranceSeconds} s), so for its first ${humanDuration(refused)} it is refused as not yet valid (NOT_YET_VALID). GAX mints a fresh token for each login and sends it at once, so GAX logins fail.`,
    edits: [
      // The life LIFE_TOO_LONG will leave GAX with, so the corrected files agree with each other.
      { kind: 'set', application: 'cs', file: cs.fileName, name: 'token-ttl', value: String(Math.min(life, LIFE_MAX_MINUTES)) },
      {
        kind: 'note',
        application: null,
        file: null,
        text: `or leave token-ttl out, so the CS follows token_life_in_minutes (documented for Configuration Server Proxy); or lower GAX [general] token_life_in_minutes to ${ttl}`,
      },
    ],
    application: 'cs',
    file: cs.fileName,
    line: ttlLine,
    option: 'token-ttl',
  };
}

function lifeTooLong(gax: AppModel, cs: AppModel | undefined): Draft | null {
  const life = acceptedNumber(gax, 'token_life_in_minutes');
  if (life === null || life <= LIFE_MAX_MINUTES) return null;
  const line = effective(gax, 'token_life_in_minutes')?.entry.line ?? null;
  const tol = effectiveTolerance(timeOptions(cs, gax)).seconds;
  return {
    id: 'LIFE_TOO_LONG',
    severity: 'warning',
    message: `[general] token_life_in_minutes=${life}${atLine(line)}: each token stays valid for ${humanDuration(life * 60)}`,
    why: `GAX mints a new token for every login and uses it at once, so a long life helps only someone who copies a token (from a log, a network capture, a screen): until it expires, plus token-tolerance (${tol} s), the CS accepts that token for that user as it would the password. Past ${LIFE_MAX_MINUTES} min the life is longer than any example Genesys gives (the limit is the tool's advice); Genesys recommends the default.`,
    edits: [
      { kind: 'set', application: 'gax', file: gax.fileName, name: 'token_life_in_minutes', value: String(LIFE_MAX_MINUTES) },
      { kind: 'note', application: null, file: null, text: "or delete the option to use GAX's default, as Genesys recommends" },
    ],
    application: 'gax',
    file: gax.fileName,
    line,
    option: 'token_life_in_minutes',
  };
}

function toleranceOutOfBounds(cs: AppModel): Draft | null {
  const tol = acceptedNumber(cs, 'token-tolerance');
  if (tol === null || tol === 0) return null; // unset or 0 means the default, 60 s
  const line = effective(cs, 'token-tolerance')?.entry.line ?? null;
  const edits: Edit[] = [{ kind: 'set', application: 'cs', file: cs.fileName, name: 'token-tolerance', value: '60' }];
  const common = { application: 'cs' as const, file: cs.fileName, line, option: 'token-tolerance', edits };
  if (tol > TOLERANCE_MAX_SECONDS)
    return {
      ...common,
      id: 'TOLERANCE_TOO_LARGE',
      severity: 'warning',
      message: `[system] token-tolerance=${tol}${atLine(line)}: ${humanDuration(tol)} at each end of every token's window`,
      why: `token-tolerance widens every token's window at both ends (documented for Configuration Server Proxy): an expired token is still accepted for ${humanDuration(tol)} after its expiry, and one from a clock ${humanDuration(tol)} fast is accepted early. Kerberos allows 5 min of clock skew by default for the same trade-off; in the tool's advice more than ${TOLERANCE_MAX_SECONDS} s covers a broken clock, not drift — fix the clock (NTP) instead.`,
    };
  if (tol < TOLERANCE_MIN_SECONDS)
    return {
      ...common,
      id: 'TOLERANCE_TOO_SMALL',
      severity: 'warning',
      message: `[system] token-tolerance=${tol}${atLine(line)}: only ${tol} s of allowance for clocks that differ`,
      why: `With token-ttl unset (or equal to the token life), the CS accepts a fresh token from ${tol} s before its issue time: if the CS clock falls more than ${tol} s behind GAX's, every fresh token is refused as not yet valid, and if it runs ahead, tokens expire early. Two hosts that lose their NTP sync drift apart by up to ~9 s a day; the published default is 60 s, and ${TOLERANCE_MIN_SECONDS} s is the tool's advice for a floor.`,
    };
  return null;
}

function clockSkew(cs: AppModel | undefined, gax: AppModel | undefined, measured: number): Draft | null {
  // The CS decides in whole seconds; a measured offset's fraction changes nothing it would say.
  const offset = Math.round(measured);
  const configured = timeOptions(cs, gax);
  const tol = effectiveTolerance(configured).seconds;
  if (Math.abs(offset) <= tol) return null;
  const lifeSet = acceptedNumber(gax, 'token_life_in_minutes');
  const ttl = effectiveTtl(configured).minutes;
  const life = lifeSet ?? ttl;
  const assumed = lifeSet === null ? ` (token life taken as ${life} min: no GAX token_life_in_minutes given)` : '';
  // The skew's own effect: a token-ttl shorter than the life is TTL_SHORTER_THAN_LIFE's to report,
  // so the window is taken as if token-ttl were at least the life.
  const options = { ...configured, tokenTtlMinutes: Math.max(ttl, life) };
  const exp = life * 60; // minted at GAX clock 0; the CS clock then reads `offset`
  const w = validityWindow(exp, options);
  const skew = humanDuration(offset);
  const side = offset > 0 ? 'ahead of' : 'behind';
  let severity: Draft['severity'] = 'error';
  let why: string;
  if (offset < 0 && offset < w.validFrom)
    why = `GAX stamps each token with its own clock. At the CS a fresh token is not valid for another ${humanDuration(w.validFrom - offset)} (NOT_YET_VALID), and GAX sends it at once, so GAX logins fail${assumed}.`;
  else if (offset > 0 && offset > w.validUntil)
    why = `GAX stamps each token with its own clock. At the CS every fresh token has already expired (EXPIRED): the skew is more than the token's life plus token-tolerance${assumed}.`;
  else if (offset > 0) {
    severity = 'warning';
    why = `Fresh tokens are still accepted, but each expires at the CS ${humanDuration(offset - tol)} before GAX expects: it is good for ${humanDuration(w.validUntil - offset)} after it is minted instead of ${humanDuration(exp + tol)}${assumed}.`;
  } else {
    severity = 'warning';
    why = `Fresh tokens are still accepted only because the CS's window (token-ttl ${w.ttlMinutes} min) is longer than the token's life${assumed}; with token-ttl equal to the life they would be refused as not yet valid.`;
  }
  const notes: Edit[] = [
    {
      kind: 'note',
      application: null,
      file: null,
      text: 'synchronise the CS and GAX hosts with NTP (tokens carry UTC seconds: check the time zone settings too)',
    },
  ];
  if (Math.ceil(Math.abs(offset)) <= TOLERANCE_MAX_SECONDS)
    notes.push({
      kind: 'note',
      application: null,
      file: null,
      text: `until then, CS [system] token-tolerance=${Math.ceil(Math.abs(offset))} or more would absorb it`,
    });
  return {
    id: 'CLOCK_SKEW_EXCEEDS_TOLERANCE',
    severity,
    message: `The CS clock is ${skew} ${side} GAX's, more than token-tolerance (${tol} s)`,
    why,
    edits: notes,
    application: 'cs',
    file: cs?.fileName ?? null,
    line: effective(cs, 'token-tolerance')?.entry.line ?? null,
    option: 'token-tolerance',
  };
}

export function timesRule(ctx: RuleContext): Draft[] {
  const drafts: Draft[] = [];
  for (const { cs, gax } of pairs(ctx)) {
    if (cs && gax) {
      const d = ttlShorterThanLife(cs, gax);
      if (d) drafts.push(d);
    }
    if (ctx.clockOffsetSeconds !== undefined && Number.isFinite(ctx.clockOffsetSeconds)) {
      const d = clockSkew(cs, gax, ctx.clockOffsetSeconds);
      if (d) drafts.push(d);
    }
  }
  for (const gax of ctx.gax) {
    const d = lifeTooLong(gax, ctx.cs[0]);
    if (d) drafts.push(d);
  }
  for (const cs of ctx.cs) {
    const d = toleranceOutOfBounds(cs);
    if (d) drafts.push(d);
  }
  return drafts;
}
