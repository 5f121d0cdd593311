/**
 * The Connect view's controllers, one each for the window: the form keeps what was typed, the
 * history its runs, and a repeat keeps running while the person looks at the Server log.
 */
import { serverStatus } from '../app/server-status.svelte.js';
import { ClockProbe } from './clock-probe.svelte.js';
import { ConnectForm } from './connect-form.svelte.js';
import { GaxProfiles } from './gax-profiles.svelte.js';
import { browserTimers, LoginRunner } from './login-runner.svelte.js';
import { commandForRun } from './copy-command.js';
import { RunHistory } from './run-history.svelte.js';

const wallClock = (): number => Date.now();

export const connectForm = new ConnectForm();
export const runHistory = new RunHistory();
export const gaxProfiles = new GaxProfiles();
export const clockProbe = new ClockProbe(wallClock);
export const loginRunner = new LoginRunner(connectForm, runHistory, {
  now: wallClock,
  timers: browserTimers,
  targetText: () => connectForm.describeTarget(mockCsListenerText(connectForm.listenerId)),
  commandFor: (input) => commandForRun(input, mockCsListener(input.target.kind === 'mockcs' ? (input.target.listenerId ?? '') : '')),
});

function mockCsListener(listenerId: string) {
  const listeners = serverStatus.view?.listeners ?? [];
  return (listenerId ? listeners.find((x) => x.id === listenerId) : listeners[0]) ?? null;
}

/** "127.0.0.1:2020" or "tls 127.0.0.1:2021": the mock CS listener a run goes to (the first when none is picked). */
export function mockCsListenerText(listenerId: string): string | null {
  const listeners = serverStatus.view?.listeners ?? [];
  const l = listenerId ? listeners.find((x) => x.id === listenerId) : listeners[0];
  return l ? l.id : null;
}

/** which change of the current setup the form was last filled from */
export const setupFollowed = { version: -1 };
