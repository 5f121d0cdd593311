/** The login runner: history of runs, and repeat scheduling under fake timers. */
import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { setBridge } from '../../../src-renderer/lib/api.js';
import { ConnectForm } from '../../../src-renderer/lib/connect/connect-form.svelte.js';
import { LoginRunner, repeatError, type Timers } from '../../../src-renderer/lib/connect/login-runner.svelte.js';
import { RunHistory } from '../../../src-renderer/lib/connect/run-history.svelte.js';
import { lifeLeftWords, msText, runCode, stepsToShow, tokenLifeLeft } from '../../../src-renderer/lib/connect/trace-format.js';
import { loginResult, scriptedBridge, type ScriptedBridge } from './scripted-bridge.js';

const T0 = Date.UTC(2026, 0, 1, 9, 0, 0);
const timers: Timers = { setTimeout: (cb, ms) => setTimeout(cb, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

let bridge: ScriptedBridge;
let history: RunHistory;
let runner: LoginRunner;

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
  bridge = scriptedBridge(() => Date.now());
  setBridge(bridge);
  history = new RunHistory(5);
  runner = new LoginRunner(new ConnectForm(), history, { now: () => Date.now(), timers, targetText: () => 'mock CS 127.0.0.1:2020' });
  runner.attach();
});
afterEach(() => {
  runner.stopRepeat();
  runner.detach();
  vi.useRealTimers();
});

const logins = () => bridge.calls.filter((c) => c.channel === 'login.run');

describe('trace formatting', () => {
  it('reads timings, codes and the token life left by the CS clock', () => {
    expect([msText(0.42), msText(153.2), msText(2310), msText(null)]).toEqual(['0.4 ms', '153 ms', '2.31 s', '']);
    const ok = loginResult('OK', T0);
    expect(runCode(ok)).toBe('OK');
    expect(runCode(loginResult('EXPIRED', T0))).toBe('EXPIRED');
    // the token expires an hour after this machine's clock; the CS clock is 10 min behind: 70 min left
    expect(tokenLifeLeft(ok)).toBe(3600 + 600 - 1);
    expect(lifeLeftWords(-95)).toBe('expired 95 s before');
    const { token: _t, ...noToken } = ok;
    expect(tokenLifeLeft(noToken)).toBeNull();
    expect(stepsToShow(ok.steps.slice(0, 2), true).map((s) => s.status)).toEqual(['ok', 'ok', 'waiting', 'waiting', 'waiting', 'waiting']);
    expect(stepsToShow(ok.steps, false)).toHaveLength(6);
  });
});

describe('LoginRunner', () => {
  it('runs once, follows the steps as they arrive, and records the run in the history', async () => {
    const record = await runner.runOnce();
    expect(record).toMatchObject({ target: 'mock CS 127.0.0.1:2020', userName: 'default', method: 'token', outcome: 'accepted', code: 'OK' });
    expect(history.runs).toHaveLength(1);
    expect(runner.last).toBe(history.runs[0]);
    expect(runner.current).toBeNull();
    history.select(record!.id);
    expect(history.selected).toBe(record);
  });

  it('keeps the newest runs only', async () => {
    for (let i = 0; i < 7; i++) await runner.runOnce();
    expect(history.runs).toHaveLength(5);
    expect(history.runs[0]!.startedAt).toBeGreaterThanOrEqual(history.runs[4]!.startedAt);
  });

  it('does not run with an invalid form, and says why', async () => {
    const form = new ConnectForm();
    form.userName = '';
    const r = new LoginRunner(form, history, { now: () => Date.now(), timers, targetText: () => 'x' });
    expect(await r.runOnce()).toBeNull();
    expect(r.problem?.message).toBe('some settings are missing or wrong');
    expect(logins()).toHaveLength(0);
  });

  it('repeats every N seconds from each start, and stops when asked', async () => {
    runner.repeatEvery = '10';
    runner.stopOnChange = false;
    expect(runner.startRepeat()).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(logins()).toHaveLength(1);
    expect(runner.nextRunAt).toBe(T0 + 10_000);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(logins()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(logins()).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(logins()).toHaveLength(5);
    runner.stopRepeat('stopped by you');
    expect(runner.repeating).toBe(false);
    expect(runner.repeatEnded).toBe('stopped by you');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(logins()).toHaveLength(5);
  });

  it('stops on the first change of outcome when asked: the moment the token ages into rejection', async () => {
    bridge.script = ['OK', 'OK', 'OK', 'EXPIRED', 'EXPIRED'];
    runner.repeatEvery = '5';
    runner.stopOnChange = true;
    runner.startRepeat();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(logins()).toHaveLength(4);
    expect(runner.repeating).toBe(false);
    expect(runner.repeatEnded).toBe('stopped: the outcome changed from OK to EXPIRED');
    expect(history.runs.map((r) => r.code)).toEqual(['EXPIRED', 'OK', 'OK', 'OK']);
  });

  it('refuses a repeat interval that is not 1–3600 whole seconds', () => {
    expect(repeatError('0')).toBe('at least 1 s');
    expect(repeatError('1.5')).toBe('a whole number of seconds');
    expect(repeatError('7200')).toBe('at most 3600 s (an hour)');
    runner.repeatEvery = 'x';
    expect(runner.startRepeat()).toBe(false);
  });
});
