import { describe, it, expect, vi, afterEach } from 'vitest';
import { SecondClock } from '../../../src-renderer/lib/tokens/second-clock.svelte.js';
import { TokenShelf, type WatchedTokenInput } from '../../../src-renderer/lib/tokens/shelf.svelte.js';
import { countdownAt, relative, tokenState } from '../../../src-renderer/lib/tokens/countdown.js';
import type { Scheduler } from '../../../src-renderer/lib/tokens/scheduler.js';
import { validityWindow } from '../../../src-main/core/window.js';

// 2026-01-01T03:37:51.250Z: deliberately not on a second boundary
const T0 = 1_767_238_671_250;
const T0S = Math.floor(T0 / 1000);

const realTimers: Scheduler = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** a scheduler whose timers fire late by `lateness(n)` ms for the n-th timer, like a busy renderer */
function lateScheduler(lateness: (n: number) => number): Scheduler {
  let n = 0;
  return {
    setTimeout: (fn, ms) => setTimeout(fn, ms + lateness(n++)),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  };
}

function token(iat: number, lifeMinutes: number, options = {}): WatchedTokenInput {
  const exp = iat + lifeMinutes * 60;
  return {
    token: `{PXZ}token-${iat}-${lifeMinutes}-${JSON.stringify(options)}`,
    preamble: '{PXZ}',
    username: 'alice',
    iat,
    exp,
    window: validityWindow(exp, { gaxTokenLifeMinutes: lifeMinutes, ...options }),
    origin: 'minted',
    windowNote: 'test',
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('SecondClock', () => {
  it('ticks on every wall-clock second boundary, and only while someone listens', () => {
    vi.useFakeTimers({ now: T0 });
    const clock = new SecondClock(() => Date.now(), realTimers);
    const ticks: number[] = [];
    const stop = clock.subscribe((ms) => ticks.push(ms));
    expect(clock.running).toBe(true);
    vi.advanceTimersByTime(10_000);
    expect(ticks).toEqual(Array.from({ length: 10 }, (_, i) => (T0S + 1 + i) * 1000));
    expect(clock.seconds).toBe(T0S + 10);
    stop();
    expect(clock.running).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(5000);
    expect(ticks).toHaveLength(10);
  });

  it('re-aligns after a late tick: the next one is still on the next boundary', () => {
    vi.useFakeTimers({ now: T0 });
    // every third timer fires 700 ms late
    const clock = new SecondClock(
      () => Date.now(),
      lateScheduler((n) => (n % 3 === 1 ? 700 : 0)),
    );
    const ticks: number[] = [];
    clock.subscribe((ms) => ticks.push(ms));
    vi.advanceTimersByTime(30_000);
    expect(ticks.length).toBe(30);
    for (const t of ticks) expect([0, 700]).toContain(t % 1000);
    // a late tick never delays the following one: it lands on the very next boundary, exactly
    for (let i = 1; i < ticks.length; i++) {
      expect(Math.floor(ticks[i]! / 1000)).toBe(Math.floor(ticks[i - 1]! / 1000) + 1);
      if (ticks[i - 1]! % 1000 === 700) expect(ticks[i]! % 1000).toBe(0);
    }
    expect(ticks.filter((t) => t % 1000 === 700).length).toBe(10);
  });

  it('delayToNextSecond is the distance to the next boundary, a whole second when on one', () => {
    expect(SecondClock.delayToNextSecond(1_000_250)).toBe(750);
    expect(SecondClock.delayToNextSecond(1_000_999)).toBe(1);
    expect(SecondClock.delayToNextSecond(1_001_000)).toBe(1000);
  });
});

describe('countdowns on the shelf', () => {
  it('do not drift over an hour of ticks: after 3600 ticks the remaining time is exactly exp − now', () => {
    vi.useFakeTimers({ now: T0 });
    const clock = new SecondClock(() => Date.now(), realTimers);
    const shelf = new TokenShelf(clock);
    const entry = shelf.add(token(T0S, 120));
    let ticks = 0;
    clock.subscribe(() => ticks++);
    // 0.75 s to the first boundary, then one tick a second
    vi.advanceTimersByTime(750 + 3599 * 1000);
    expect(ticks).toBe(3600);
    const now = Math.floor(Date.now() / 1000);
    expect(now).toBe(T0S + 3600);
    const row = shelf.rows[0]!;
    expect(row.countdown.toExpiry).toBe(entry.exp - now);
    expect(row.countdown.toExpiry).toBe(3600);
    expect(row.countdown.toToleranceEnd).toBe(entry.window.validUntil - now);
    expect(Date.now() % 1000).toBe(0);
  });

  it('stay exact and aligned over an hour when many ticks fire late', () => {
    vi.useFakeTimers({ now: T0 });
    // pseudo-random lateness 0–900 ms, fixed seed so a failure can be replayed
    let seed = 42;
    const lateness = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 10 < 4 ? seed % 900 : 0);
    const clock = new SecondClock(() => Date.now(), lateScheduler(lateness));
    const shelf = new TokenShelf(clock);
    const entry = shelf.add(token(T0S, 90));
    const seen: { at: number; toExpiry: number }[] = [];
    clock.subscribe((ms) => seen.push({ at: ms, toExpiry: shelf.rows[0]!.countdown.toExpiry }));
    vi.advanceTimersByTime(3600 * 1000);
    // one tick per second: a late tick is not followed by a second-late chain
    expect(seen.length).toBeGreaterThanOrEqual(3598);
    expect(seen.length).toBeLessThanOrEqual(3600);
    for (const s of seen) {
      expect(s.at % 1000).toBeLessThan(900);
      expect(s.toExpiry).toBe(entry.exp - Math.floor(s.at / 1000));
    }
    // consecutive ticks fall in consecutive seconds: no second is shown twice, none skipped
    for (let i = 1; i < seen.length; i++) expect(Math.floor(seen[i]!.at / 1000) - Math.floor(seen[i - 1]!.at / 1000)).toBe(1);
    const final = shelf.rows[0]!.countdown.toExpiry;
    expect(final).toBe(entry.exp - clock.seconds);
  });

  it('change state exactly at validFrom, exp and validUntil, and announce each change once', () => {
    // a token whose GAX clock ran 90 s ahead: not yet valid for 30 s (tolerance 60 s)
    const start = (T0S + 1) * 1000;
    vi.useFakeTimers({ now: start });
    const clock = new SecondClock(() => Date.now(), realTimers);
    const shelf = new TokenShelf(clock);
    const iat = T0S + 1 + 90;
    const e = shelf.add({ ...token(iat, 2), username: 'bob' });
    const { validFrom, validUntil } = e.window;
    expect(validFrom).toBe(iat - 60);
    expect(validUntil).toBe(e.exp + 60);
    // Jump the wall clock (as after a sleep) to one second before `s`; the pending tick, due a second
    // later, then lands exactly on `s`.
    const stateAt = (s: number) => {
      vi.setSystemTime((s - 1) * 1000);
      vi.advanceTimersToNextTimer();
      expect(clock.seconds).toBe(s);
      return shelf.rows[0]!.countdown.state;
    };
    expect(shelf.rows[0]!.countdown.state).toBe('not-yet-valid');
    expect(stateAt(validFrom - 1)).toBe('not-yet-valid');
    expect(stateAt(validFrom)).toBe('valid');
    expect(shelf.announcement).toBe('Token for bob: now valid — inside the CS window: on time.');
    expect(stateAt(e.exp)).toBe('valid');
    expect(stateAt(e.exp + 1)).toBe('tolerance');
    expect(shelf.announcement).toMatch(/now inside tolerance/);
    expect(stateAt(validUntil)).toBe('tolerance');
    expect(stateAt(validUntil + 1)).toBe('expired');
    expect(shelf.announcement).toMatch(/bob: now expired — the CS refuses it \(EXPIRED\)/);
    expect(shelf.rows[0]!.countdown.toToleranceEnd).toBe(-1);
    expect(shelf.rows[0]!.countdown.progress).toBe(1);
  });
});

describe('the shelf', () => {
  it('lists newest first, keeps one entry per token, removes one, clears all and then stops ticking', () => {
    vi.useFakeTimers({ now: T0 });
    const clock = new SecondClock(() => Date.now(), realTimers);
    const shelf = new TokenShelf(clock);
    expect(shelf.ticking).toBe(false);
    const a = shelf.add({ ...token(T0S, 60), username: 'a' });
    const b = shelf.add({ ...token(T0S, 61), username: 'b' });
    const c = shelf.add({ ...token(T0S, 62), username: 'c' });
    expect(shelf.rows.map((r) => r.entry.username)).toEqual(['c', 'b', 'a']);
    shelf.add({ ...token(T0S, 60), username: 'a' });
    expect(shelf.rows.map((r) => r.entry.id)).toEqual([a.id, c.id, b.id]);
    shelf.remove(c.id);
    expect(shelf.rows.map((r) => r.entry.username)).toEqual(['a', 'b']);
    expect(shelf.ticking).toBe(true);
    shelf.clear();
    expect(shelf.rows).toEqual([]);
    expect(shelf.ticking).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('never shows a whole token: the preview is preamble + 6 characters + … + length', () => {
    vi.useFakeTimers({ now: T0 });
    const shelf = new TokenShelf(new SecondClock(() => Date.now(), realTimers));
    const e = shelf.add({ ...token(T0S, 60), token: '{PXZ}AWlV7A9pVfofYWxpY2WxcmQA2V1_IzbFb71pxPAp' });
    expect(e.preview).toBe('{PXZ}AWlV7A… (45 chars)');
    shelf.clear();
  });
});

describe('tokenState and relative', () => {
  const t = { iat: 1000, exp: 4600, validFrom: 940, validUntil: 4660 };
  it('follows the CS window, both ends inclusive', () => {
    expect(tokenState(939, t)).toBe('not-yet-valid');
    expect(tokenState(940, t)).toBe('valid');
    expect(tokenState(4600, t)).toBe('valid');
    expect(tokenState(4601, t)).toBe('tolerance');
    expect(tokenState(4660, t)).toBe('tolerance');
    expect(tokenState(4661, t)).toBe('expired');
  });
  it('derives every figure from the instants', () => {
    const c = countdownAt(970, t);
    expect(c).toEqual({ state: 'valid', toExpiry: 3630, toToleranceEnd: 3690, toValidFrom: -30, progress: 30 / 3720, issuedAhead: 30 });
  });
  it('says when in words', () => {
    expect(relative(0)).toBe('now');
    expect(relative(249)).toBe('in 4 min 09 s');
    expect(relative(-12)).toBe('12 s ago');
    expect(relative(3725)).toBe('in 1 h 02 min 05 s');
  });
});
