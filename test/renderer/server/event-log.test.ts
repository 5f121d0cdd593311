import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { EventLog, LOG_CAPACITY } from '../../../src-renderer/lib/server/event-log.svelte.js';
import { RingBuffer } from '../../../src-renderer/lib/server/ring-buffer.js';
import { compileFilter, entryMatches, makeEntry, type LogFilter } from '../../../src-renderer/lib/server/log-filter.js';
import { connectEvent, mixedEvents, registerEvent } from './events.js';

const shownUsers = (log: EventLog) => log.rows(0, log.visibleCount).map((r) => r.event.userName);
const shownCodes = (log: EventLog) => log.rows(0, log.visibleCount).map((r) => r.event.code);

describe('RingBuffer', () => {
  it('keeps the newest items under their sequence numbers and drops the oldest past capacity', () => {
    const b = new RingBuffer<string>(3);
    for (const s of ['a', 'b', 'c', 'd', 'e']) b.push(s);
    expect(b.length).toBe(3);
    expect([b.firstSeq, b.nextSeq]).toEqual([2, 5]);
    expect([b.at(1), b.at(2), b.at(4), b.at(5)]).toEqual([undefined, 'c', 'e', undefined]);
    expect([...b]).toEqual(['c', 'd', 'e']);
    expect(b.clear()).toBe(3);
    expect(b.length).toBe(0);
    expect(b.push('f')).toBe(5);
    expect([...b]).toEqual(['f']);
  });
});

describe('EventLog: filtering', () => {
  it('filters by user, by code and by words (any case, all words), and combines them', () => {
    const log = new EventLog();
    log.append([
      connectEvent(0),
      registerEvent(1, 'alice'),
      registerEvent(2, 'bob', 'EXPIRED'),
      registerEvent(3, 'alice', 'BAD_SIGNATURE'),
      registerEvent(4, 'carol'),
    ]);
    expect(log.total).toBe(5);
    expect(log.users).toEqual(['alice', 'bob', 'carol']);
    expect(log.codes).toEqual(['OK', 'BAD_SIGNATURE', 'EXPIRED']);

    log.setFilter({ user: 'alice' });
    expect(shownUsers(log)).toEqual(['alice', 'alice']);
    log.setFilter({ code: 'BAD_SIGNATURE' });
    expect(shownCodes(log)).toEqual(['BAD_SIGNATURE']);
    expect(log.matching).toBe(1);
    expect(log.filtered).toBe(true);

    log.setFilter({ user: null, code: null, text: 'MSGCFG_ERROR' });
    expect(shownCodes(log)).toEqual(['EXPIRED', 'BAD_SIGNATURE']);
    // every word must appear, in any case; the hint is searched too
    log.setFilter({ text: 'msgcfg_error  CLOCKS' });
    expect(shownCodes(log)).toEqual(['EXPIRED']);
    log.setFilter({ text: "user 'carol'" });
    expect(shownUsers(log)).toEqual(['carol']);
    log.setFilter({ text: '' });
    expect(log.visibleCount).toBe(5);
    expect(log.filtered).toBe(false);
  });

  it('tests new events against the filter as they arrive', () => {
    const log = new EventLog();
    log.setFilter({ code: 'EXPIRED' });
    log.append([registerEvent(1, 'alice'), registerEvent(2, 'bob', 'EXPIRED')]);
    log.append([registerEvent(3, 'carol', 'EXPIRED')]);
    expect(shownUsers(log)).toEqual(['bob', 'carol']);
    expect([log.total, log.matching]).toEqual([3, 2]);
  });

  it('gives the same rows whether a filter is reached step by step (incrementally) or at once', () => {
    const events = mixedEvents(400);
    const filterArb = fc.record({
      user: fc.constantFrom(null, 'alice', 'bob', 'carol'),
      code: fc.constantFrom(null, 'OK', 'EXPIRED', 'BAD_SIGNATURE'),
      text: fc.constantFrom('', 'm', 'msg', 'msgcfg', 'msgcfg_error', 'gax', 'clock', 'sent to', 'registered'),
    });
    fc.assert(
      fc.property(fc.array(filterArb, { minLength: 1, maxLength: 6 }), (steps: LogFilter[]) => {
        const stepped = new EventLog();
        stepped.append(events);
        for (const f of steps) stepped.setFilter(f);
        const last = steps[steps.length - 1]!;
        const compiled = compileFilter(last);
        const expected = events.filter((e, i) => entryMatches(makeEntry(i, e), compiled)).map((e) => e.logLine);
        expect(stepped.rows(0, stepped.visibleCount).map((r) => r.event.logLine)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});

describe('EventLog: pause', () => {
  it('freezes the rows shown while events keep arriving and counting, with "N new" for the matching ones', () => {
    const log = new EventLog();
    log.append([registerEvent(1, 'alice'), registerEvent(2, 'bob')]);
    log.setFilter({ user: 'alice' });
    log.pause();
    log.append([registerEvent(3, 'alice'), registerEvent(4, 'bob'), registerEvent(5, 'alice')]);
    expect(log.paused).toBe(true);
    expect(log.total).toBe(5);
    expect(log.matching).toBe(3);
    expect(log.visibleCount).toBe(1);
    expect(log.newWhilePaused).toBe(2);
    expect(log.shownEvents().map((e) => e.time % 1000)).toEqual([1]);
    // a filter change while paused still keeps the later events back
    log.setFilter({ user: null });
    expect([log.visibleCount, log.newWhilePaused]).toEqual([2, 3]);
    log.resume();
    expect([log.visibleCount, log.newWhilePaused]).toEqual([5, 0]);
  });
});

describe('EventLog: ring buffer cap', () => {
  it(`keeps at most ${LOG_CAPACITY.toLocaleString('en-US')} events, dropping the oldest, and keeps filters and lists right`, () => {
    const log = new EventLog();
    const first = mixedEvents(LOG_CAPACITY);
    log.append(first);
    log.setFilter({ user: 'alice' });
    const aliceBefore = log.matching;
    expect(log.total).toBe(LOG_CAPACITY);

    // 600 more in one batch, as main sends them: the 600 oldest go
    const more = mixedEvents(600, LOG_CAPACITY);
    log.append(more);
    expect(log.total).toBe(LOG_CAPACITY);
    const all = [...first.slice(600), ...more];
    const expectedAlice = all.filter((e) => e.userName === 'alice').length;
    expect(log.matching).toBe(expectedAlice);
    expect(Math.abs(log.matching - aliceBefore)).toBeLessThan(10);
    expect(log.rows(0, 1)[0]!.event.userName).toBe('alice');
    expect(log.rows(log.visibleCount - 1, log.visibleCount)[0]!.event).toBe(all.filter((e) => e.userName === 'alice').at(-1));
    log.setFilter({ user: null });
    expect(log.row(0)!.event).toBe(first[600]);
    expect(log.row(LOG_CAPACITY - 1)!.event).toBe(all.at(-1));
  });

  it('forgets a user or code once no event held has it', () => {
    const log = new EventLog(3);
    log.append([registerEvent(1, 'zed', 'EXPIRED'), registerEvent(2, 'alice'), registerEvent(3, 'alice')]);
    expect(log.users).toEqual(['alice', 'zed']);
    log.append([registerEvent(4, 'bob')]);
    expect(log.users).toEqual(['alice', 'bob']);
    expect(log.codes).toEqual(['OK']);
  });
});

describe('EventLog: snapshot then live batches', () => {
  it('skips exactly the live events the snapshot already holds', () => {
    const stream = mixedEvents(50);
    const log = new EventLog();
    // the snapshot holds events 0–39; the first live batches repeat 30–39, then carry on
    log.load(stream.slice(0, 40));
    log.append(stream.slice(30, 45));
    log.append(stream.slice(45, 50));
    expect(log.rows(0, log.visibleCount).map((r) => r.event)).toEqual(stream);
  });

  it('keeps every live event when none was in the snapshot', () => {
    const stream = mixedEvents(20);
    const log = new EventLog();
    log.load(stream.slice(0, 10));
    log.append(stream.slice(10));
    expect(log.total).toBe(20);
  });

  it('clears everything, and the lists with it', () => {
    const log = new EventLog();
    log.append(mixedEvents(30));
    log.clear();
    expect([log.total, log.matching, log.visibleCount]).toEqual([0, 0, 0]);
    expect(log.users).toEqual([]);
  });
});
