// The mockcs.status throttle on fake timers: the same clock drives the throttle and its timers, so
// the test says exactly when each status goes out — it fails only if the throttle is wrong.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MockCsView } from '../../src-main/ipc/contract/mockcs.js';
import { mockCsView } from './mockcs-view.js';
import type { EventChannel } from '../../src-main/ipc/contract/index.js';
import { IpcEvents } from '../../src-main/ipc/events.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('mockcs.status throttling (fake timers)', () => {
  it('a change goes out at once; counters moving every 5 ms for 350 ms, exactly once per 100 ms with the state at that moment', () => {
    let accepted = 0;
    const events = new IpcEvents(
      () => mockCsView(accepted),
      { batchMs: 10, batchMax: 500, statusIntervalMs: 100 },
      () => Date.now(),
    );
    const sent: { event: EventChannel; at: number; accepted: number }[] = [];
    events.subscribe((event, payload) => sent.push({ event, at: Date.now(), accepted: (payload as MockCsView).counters.accepted }));

    events.mockCsChanged();
    for (let t = 5; t < 350; t += 5) {
      vi.advanceTimersByTime(5);
      accepted++;
      events.mockCsCountersMoved();
    }
    vi.advanceTimersByTime(150);

    expect(sent.map((s) => s.event)).toEqual(Array(5).fill('mockcs.status'));
    expect(sent.map((s) => s.at)).toEqual([0, 100, 200, 300, 400]);
    // each status reads the state when it is sent: 19 moves before t=100 (at 5…95), and so on
    expect(sent.map((s) => s.accepted)).toEqual([0, 19, 39, 59, 69]);
    events.dispose();
  });

  it('a change while a throttled status waits sends at once and cancels the wait', () => {
    let accepted = 0;
    const events = new IpcEvents(
      () => mockCsView(accepted),
      { batchMs: 10, batchMax: 500, statusIntervalMs: 100 },
      () => Date.now(),
    );
    const at: number[] = [];
    events.subscribe(() => at.push(Date.now()));
    events.mockCsChanged();
    vi.advanceTimersByTime(10);
    accepted++;
    events.mockCsCountersMoved(); // due at 100
    vi.advanceTimersByTime(20);
    events.mockCsChanged(); // at 30: now, and the wait for 100 is dropped
    vi.advanceTimersByTime(200);
    expect(at).toEqual([0, 30]);
    events.dispose();
  });
});
