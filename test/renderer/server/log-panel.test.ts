/**
 * The live log with 100,000 events: only a window of rows is in the DOM, keyboard and scrolling
 * move it, pause holds new rows back with "N new", and an export goes through the real contract.
 */
import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { render, screen, fireEvent, within, cleanup } from '@testing-library/svelte';
import LogPanel from '../../../src-renderer/components/server/LogPanel.svelte';
import { setBridge } from '../../../src-renderer/lib/api.js';
import { EventLog, LOG_CAPACITY } from '../../../src-renderer/lib/server/event-log.svelte.js';
import { LiveLog } from '../../../src-renderer/lib/server/live-log.svelte.js';
import { saveText, type SaveRequest } from '../../../src-renderer/lib/server/save-file.js';
import { mixedEvents, T0 } from './events.js';
import { runtimeBridge, type RuntimeBridge } from '../runtime-bridge.js';

const HEIGHT = 340;
const ROW = 22;
let bridge: RuntimeBridge;
let events: ReturnType<typeof mixedEvents>;

beforeAll(async () => {
  bridge = await runtimeBridge();
  setBridge(bridge);
  events = mixedEvents(LOG_CAPACITY);
});
afterEach(() => cleanup());
afterAll(async () => {
  await bridge.close();
});

function renderedRows(): number[] {
  return [...document.querySelectorAll<HTMLElement>('[data-row]')].map((el) => Number(el.dataset.row));
}

/** jsdom does not lay out: the scroller's position is set by hand, then its scroll event fired. */
async function scrollTo(el: HTMLElement, top: number) {
  Object.defineProperty(el, 'scrollTop', { configurable: true, value: top, writable: true });
  await fireEvent.scroll(el);
}

describe('LogPanel with 100,000 events', () => {
  it('renders only the rows in view (plus overscan), at the end first, and moves with scrolling and keys', async () => {
    const log = new EventLog();
    log.load(events);
    render(LogPanel, { live: new LiveLog(log, () => T0), height: HEIGHT });
    const scroller = screen.getByRole('log', { name: 'Mock CS log, 100,000 lines' });
    const rows = renderedRows();
    const window = Math.ceil((HEIGHT - 2) / ROW) + 1 + 2 * 8;
    expect(rows.length).toBeLessThanOrEqual(window);
    expect(rows.length).toBeGreaterThan(10);
    // following the newest: the last row is rendered
    expect(rows).toContain(LOG_CAPACITY - 1);
    expect(screen.getByText('100,000 events · the oldest are dropped past 100,000')).toBeTruthy();

    await scrollTo(scroller, 50_000 * ROW);
    const middle = renderedRows();
    expect(Math.min(...middle)).toBe(50_000 - 8);
    expect(middle.length).toBeLessThanOrEqual(window);
    const first = document.querySelector<HTMLElement>('[data-row="50000"]')!;
    expect(first.style.top).toBe(`${50_000 * ROW}px`);
    expect(first.textContent!.trim()).toBe(events[50_000]!.logLine);

    await fireEvent.keyDown(scroller, { key: 'Home' });
    expect(renderedRows()).toContain(0);
    expect(screen.getByText(events[0]!.logLine, { selector: 'p' })).toBeTruthy();
    await fireEvent.keyDown(scroller, { key: 'ArrowDown' });
    expect(document.querySelector('[data-row="1"]')!.classList.contains('active')).toBe(true);
    await fireEvent.keyDown(scroller, { key: 'End' });
    expect(renderedRows()).toContain(LOG_CAPACITY - 1);
    expect(renderedRows().length).toBeLessThanOrEqual(window);
  });

  it('as a table: aria-rowcount counts every row, only a window is rendered', async () => {
    const log = new EventLog();
    log.load(events);
    const live = new LiveLog(log, () => T0);
    live.setLayout('table');
    render(LogPanel, { live, height: HEIGHT });
    const table = screen.getByRole('table', { name: 'Mock CS log' });
    expect(table.getAttribute('aria-rowcount')).toBe(String(LOG_CAPACITY + 1));
    const rows = within(table).getAllByRole('row');
    expect(rows.length).toBeLessThan(40);
    expect(rows.at(-1)!.getAttribute('aria-rowindex')).toBe(String(LOG_CAPACITY + 1));
  });

  it('pauses: new events keep counting and wait behind "N new" until Resume', async () => {
    const log = new EventLog();
    log.load(events.slice(0, 100));
    render(LogPanel, { live: new LiveLog(log, () => T0), height: HEIGHT });
    await fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    log.append(mixedEvents(25, 100));
    const resume = await screen.findByRole('button', { name: /Resume/ });
    expect(resume.textContent).toContain('25 new');
    expect(screen.getByText(/125 events · paused: 25 new events waiting/)).toBeTruthy();
    expect(screen.getByRole('log').getAttribute('aria-label')).toBe('Mock CS log, 100 lines');
    await fireEvent.click(resume);
    expect(screen.getByRole('log').getAttribute('aria-label')).toBe('Mock CS log, 125 lines');
  });

  it('filters by typing, and exports what is shown through export.save (web mode: a download)', async () => {
    const log = new EventLog();
    log.load(events.slice(0, 200));
    const downloads: SaveRequest[] = [];
    const live = new LiveLog(
      log,
      () => T0,
      (r) => saveText(r, (req) => downloads.push(req)),
    );
    render(LogPanel, { live, height: HEIGHT });
    await fireEvent.input(screen.getByLabelText('Text'), { target: { value: "user 'bob' MSGCFG_ERROR" } });
    const expected = events.slice(0, 200).filter((e) => e.userName === 'bob' && e.code !== 'OK');
    expect(screen.getByText(`${expected.length} of 200 events match`)).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Export text' }));
    await screen.findByText(`Downloaded ${expected.length} events as text.`);
    expect(downloads[0]!.suggestedName).toBe('mockcs-log-2026-01-01T10-00-00Z.txt');
    expect(downloads[0]!.content).toBe(expected.map((e) => `${e.logLine}\n`).join(''));
    await fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await screen.findByText(`Downloaded ${expected.length} events as JSON.`);
    expect(JSON.parse(downloads[1]!.content).events).toEqual(expected);
    expect(bridge.calls.filter((c) => c.channel === 'export.save')).toHaveLength(2);
  });
});
