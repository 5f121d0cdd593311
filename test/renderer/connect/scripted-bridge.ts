/**
 * A bridge for the repeat tests, where time is faked: login.run answers a scripted sequence of
 * outcomes. Every request is parsed with the contract's input schema and every answer with its
 * output schema, so the runner is held to the real contract; steps are sent as `login.step` events.
 */
import { requests } from '../../../src-main/ipc/contract/index.js';
import { fail, ok, type IpcResult } from '../../../src-main/ipc/result.js';
import type { LoginResult, TraceStep } from '../../../src-main/client/types.js';
import type { Bridge } from '../../../src-renderer/lib/api.js';

export interface ScriptedBridge extends Bridge {
  calls: { channel: string; input: unknown }[];
  /** the codes the next logins answer, in order ('OK' or a server code) */
  script: string[];
}

export function loginResult(code: string, at: number): LoginResult {
  const step = (id: TraceStep['id'], label: string, status: TraceStep['status'], t: number): TraceStep => ({
    id,
    label,
    status,
    startedAt: at + t,
    durationMs: status === 'skipped' ? null : 0.5,
    detail: status === 'skipped' ? 'plain TCP: no TLS' : `${label} done`,
  });
  const accepted = code === 'OK';
  return {
    outcome: accepted ? 'accepted' : 'rejected',
    steps: [
      step('resolve', 'Resolve host', 'ok', 0),
      step('connect', 'TCP connect', 'ok', 1),
      step('tls', 'TLS handshake', 'skipped', 2),
      step('hello', 'Hello (csmock/1)', 'ok', 2),
      step('token', 'Mint token', 'ok', 3),
      step('register', 'RegisterClient', accepted ? 'ok' : 'failed', 4),
    ],
    ...(accepted ? { session: { sessionId: 's1', authMethod: 'token' as const } } : { server: { code, message: `${code} (scripted)` } }),
    clock: { offsetMs: -600_000, roundTripMs: 0.4 },
    token: { redacted: '{PXZ}AWlV7A…(45 chars)', length: 45, iat: Math.floor(at / 1000), exp: Math.floor(at / 1000) + 3600, fitsPasswordField: true },
    message: accepted ? '"default" is registered' : `refused: ${code}`,
    fix: accepted ? '' : 'Check the clocks.',
  };
}

export function scriptedBridge(now: () => number): ScriptedBridge {
  const calls: ScriptedBridge['calls'] = [];
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const emit = (event: string, payload: unknown) => {
    for (const l of listeners.get(event) ?? []) l(payload);
  };
  const bridge: ScriptedBridge = {
    calls,
    script: [],
    async invoke(channel, input): Promise<IpcResult<unknown>> {
      calls.push({ channel, input });
      if (!(channel in requests)) return fail('UNKNOWN_CHANNEL', `there is no request named "${channel}"`);
      const def = requests[channel as keyof typeof requests];
      const parsed = def.input.safeParse(input);
      if (!parsed.success) return fail('BAD_INPUT', `${channel}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      let data: unknown;
      if (channel === 'login.run') {
        const runId = (parsed.data as { runId: string }).runId;
        const code = bridge.script.shift() ?? 'OK';
        const result = loginResult(code, now());
        for (const step of result.steps) emit('login.step', { runId, step });
        data = result;
      } else if (channel === 'login.cancel') data = { cancelled: false };
      else return fail('NOT_SCRIPTED', `${channel} is not part of this test`);
      const out = def.output.safeParse(data);
      if (!out.success) throw new Error(`${channel} answered outside its contract`);
      return ok(out.data);
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  return bridge;
}
