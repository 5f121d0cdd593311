/**
 * TTL_LOOKS_LIKE_SECONDS: token-ttl is in minutes (documented for Configuration Server Proxy), but
 * 3600 or 7200 are what people type for "an hour", "two hours" in seconds. A value is taken for
 * seconds when it is at least an hour's worth (3600) and is a whole number of hours in seconds, or
 * when it is 60 times GAX's token life or more (what the life would be, written in seconds).
 * Both readings are given; the fix takes the seconds reading only where that still covers the
 * token life, so it never causes TTL_SHORTER_THAN_LIFE.
 */
import { humanDuration } from '../../time-format.js';
import { acceptedNumber, effective, pairs } from '../model.js';
import type { AppModel, Draft, Edit, RuleContext } from '../types.js';
import { atLine } from '../wording.js';

const HOUR_SECONDS = 3600;

/** The seconds reading of a token-ttl, in minutes, or null when the value does not look like seconds. */
export function ttlAsSeconds(ttl: number, lifeMinutes: number | null): number | null {
  if (ttl < HOUR_SECONDS || ttl % 60 !== 0) return null;
  const wholeHours = ttl % HOUR_SECONDS === 0;
  const farAboveLife = lifeMinutes !== null && lifeMinutes > 0 && ttl >= lifeMinutes * 60;
  return wholeHours || farAboveLife ? ttl / 60 : null;
}

function looksLikeSeconds(cs: AppModel, gax: AppModel | undefined): Draft | null {
  const ttl = acceptedNumber(cs, 'token-ttl');
  const life = acceptedNumber(gax, 'token_life_in_minutes');
  if (ttl === null) return null;
  const minutes = ttlAsSeconds(ttl, life);
  if (minutes === null) return null;
  const line = effective(cs, 'token-ttl')?.entry.line ?? null;
  const covers = life === null || life <= 0 || minutes >= life;
  const edits: Edit[] = covers
    ? [{ kind: 'set', application: 'cs', file: cs.fileName, name: 'token-ttl', value: String(minutes) }]
    : [
        {
          kind: 'note',
          application: null,
          file: null,
          text: `if ${ttl} s was meant, token-ttl=${minutes} would be shorter than the token life (${life} min): write token-ttl=${life} or leave it out`,
        },
      ];
  const lifeText = life !== null && life > 0 ? ` next to a token life of ${life} min${gax ? ` (${gax.fileName})` : ''}` : '';
  return {
    id: 'TTL_LOOKS_LIKE_SECONDS',
    severity: 'warning',
    message: `[system] token-ttl=${ttl}${atLine(line)} reads like seconds${lifeText}: as minutes it is ${humanDuration(ttl * 60)}, as seconds ${humanDuration(ttl)}`,
    why: `token-ttl is a number of minutes (documented for Configuration Server Proxy): read as minutes, the CS accepts a token from ${humanDuration(ttl * 60)} before its expiry, so token-ttl no longer limits how far ahead a token's expiry may be. If ${ttl} was meant as seconds, the intended value is token-ttl=${minutes}. Taking it for seconds is the tool's guess (advice).`,
    edits,
    application: 'cs',
    file: cs.fileName,
    line,
    option: 'token-ttl',
  };
}

export function ttlUnitsRule(ctx: RuleContext): Draft[] {
  const drafts: Draft[] = [];
  const seen = new Set<AppModel>();
  for (const { cs, gax } of pairs(ctx)) {
    if (!cs || seen.has(cs)) continue;
    seen.add(cs);
    const d = looksLikeSeconds(cs, gax);
    if (d) drafts.push(d);
  }
  return drafts;
}
