// The event side on its own: mock CS events batched, status throttled, listeners isolated; and the
// ring buffer that keeps the newest events. Real timers, short intervals.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { mockCsView } from './mockcs-view.js';
import type { EventChannel } from '../../src-main/ipc/contract/index.js';
import { EventRing } from '../../src-main/workbench/event-ring.js';
import { IpcEvents } from '../../src-main/ipc/events.js';
import type { MockCsEvent } from '../../src-main/mockcs/index.js';

function mockEvent(i: number): MockCsEvent {
  return {
    time: i,
    kind: 'connect',
    listener: '127.0.0.1:2020',
    remote: `127.0.0.1:${1000 + i}`,
    userName: null,
    authMethod: null,
    code: 'OK',
    message: 'connected',
    latencyMs: null,
    logLine: `line ${i}`,
  };
}

function record(events: IpcEvents) {
  const got: { event: EventChannel; payload: unknown; at: number }[] = [];
  const start = performance.now();
  events.subscribe((event, payload) => got.push({ event, payload, at: performance.now() - start }));
  return got;
}

describe('mockcs.events batching', () => {
  it('sends 1,200 events as 500 + 500 at once and the last 200 within ~50 ms, in order', async () => {
    const events = new IpcEvents(() => null, { batchMs: 50, batchMax: 500, statusIntervalMs: 1000 });
    const got = record(events);
    for (let i = 0; i < 1200; i++) events.mockCsEvent(mockEvent(i));
    expect(got.map((g) => (g.payload as { events: unknown[] }).events.length)).toEqual([500, 500]);
    await sleep(120);
    const sizes = got.map((g) => (g.payload as { events: MockCsEvent[] }).events.length);
    expect(sizes).toEqual([500, 500, 200]);
    const times = got.flatMap((g) => (g.payload as { events: MockCsEvent[] }).events.map((e) => e.time));
    expect(times).toEqual(Array.from({ length: 1200 }, (_, i) => i));
    events.dispose();
  });

  it('20,000 events spread over half a second reach the window in a few dozen messages, none lost', async () => {
    const events = new IpcEvents(() => null);
    const got = record(events);
    for (let tick = 0; tick < 10; tick++) {
      for (let i = 0; i < 2000; i++) events.mockCsEvent(mockEvent(tick * 2000 + i));
      await sleep(50);
    }
    await sleep(80);
    const total = got.reduce((n, g) => n + (g.payload as { events: unknown[] }).events.length, 0);
    expect(total).toBe(20_000);
    expect(got.length).toBeLessThanOrEqual(20_000 / 500 + 12);
    events.dispose();
  });

  it('keeps nothing while nobody listens', async () => {
    const events = new IpcEvents(() => null, { batchMs: 10, batchMax: 500, statusIntervalMs: 1000 });
    events.mockCsEvent(mockEvent(1));
    const got = record(events);
    await sleep(30);
    expect(got).toEqual([]);
    events.dispose();
  });
});

describe('mockcs.status throttling', () => {
  // the throttle's timing is tested on fake timers in events-throttle.test.ts

  it('sends queued mock CS events before the status that counts them', () => {
    const events = new IpcEvents(() => mockCsView(1), { batchMs: 1000, batchMax: 500, statusIntervalMs: 1000 });
    const got = record(events);
    events.mockCsEvent(mockEvent(1));
    events.mockCsChanged();
    expect(got.map((g) => g.event)).toEqual(['mockcs.events', 'mockcs.status']);
    events.dispose();
  });
});

describe('listeners and notices', () => {
  it('a listener that throws does not stop the others', () => {
    const events = new IpcEvents(() => null);
    events.subscribe(() => {
      throw new Error('window gone');
    });
    const got = record(events);
    events.loginStep('r', { id: 'resolve', label: 'Resolve host', status: 'running', startedAt: 1, durationMs: null, detail: '' });
    expect(got).toHaveLength(1);
    events.dispose();
  });

  it('standing store notices are sent to each new listener, and to all when they change', () => {
    const events = new IpcEvents(() => null);
    const notice = {
      file: 'settings.json',
      problem: 'not JSON',
      setAsideTo: 'settings.corrupt-x.json',
      recoveredFrom: 'backup' as const,
      message: 'settings.json was set aside',
    };
    events.storeNotices([notice]);
    const first = record(events);
    expect(first).toEqual([expect.objectContaining({ event: 'store.notices', payload: { notices: [notice] } })]);
    events.storeNotices([]);
    const second = record(events);
    expect(second).toEqual([]);
    events.dispose();
  });

  it('after dispose, nothing more is sent and no timer is left', async () => {
    const events = new IpcEvents(() => mockCsView(0), { batchMs: 10, batchMax: 500, statusIntervalMs: 10 });
    const got = record(events);
    events.mockCsEvent(mockEvent(1));
    events.dispose();
    expect(got.map((g) => g.event)).toEqual(['mockcs.events']);
    events.mockCsEvent(mockEvent(2));
    events.mockCsChanged();
    await sleep(30);
    expect(got).toHaveLength(1);
  });
});

describe('EventRing', () => {
  it('keeps the newest items, oldest first, across the wrap', () => {
    const ring = new EventRing<number>(5);
    for (let i = 1; i <= 12; i++) ring.push(i);
    expect(ring.size).toBe(5);
    expect(ring.newest()).toEqual([8, 9, 10, 11, 12]);
    expect(ring.newest(2)).toEqual([11, 12]);
    expect(ring.newest(50)).toEqual([8, 9, 10, 11, 12]);
    expect(ring.clear()).toBe(5);
    expect(ring.newest()).toEqual([]);
    ring.push(13);
    expect(ring.newest()).toEqual([13]);
  });

  it('holds 100,000 events and takes 250,000 pushes quickly', () => {
    const ring = new EventRing<number>(100_000);
    const t0 = performance.now();
    for (let i = 0; i < 250_000; i++) ring.push(i);
    expect(performance.now() - t0).toBeLessThan(500);
    const all = ring.newest();
    expect(all).toHaveLength(100_000);
    expect(all[0]).toBe(150_000);
    expect(all.at(-1)).toBe(249_999);
  });

  it('refuses a capacity below 1', () => {
    expect(() => new EventRing(0)).toThrow(RangeError);
  });
});
