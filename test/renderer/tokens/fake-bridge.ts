/**
 * A bridge for the renderer tests that answers like the main side does: each input is parsed with the
 * contract's own schema and handed to the real token handlers (the real core mints, decodes and
 * verifies). Only the transport is replaced, and the token-uuid sources resolve from fixed test values.
 */
import { tokenRequests, type TokenUuidSource } from '../../../src-main/ipc/contract/tokens.js';
import { tokenHandlers } from '../../../src-main/ipc/handlers/tokens.js';
import { HandlerError, fail, ok, type IpcResult } from '../../../src-main/ipc/result.js';
import { parseTokenUuid } from '../../../src-main/core/uuid.js';
import type { Bridge } from '../../../src-renderer/lib/api.js';

export const MOCKCS_UUID = '6f1c2b9e-4d3a-4e8f-9b2c-1a2b3c4d5e6f';
export const PROFILE_UUID = '0b7e3c1a-9f2d-4c6b-8a1e-3d5f7a9c1e2b';
export const TYPED_UUID = '123e4567-e89b-12d3-a456-426614174000';

export interface Call {
  channel: string;
  input: unknown;
}

export interface FakeBridge extends Bridge {
  calls: Call[];
  /** delays the answer of the n-th call (0-based) until the returned function is called */
  holdAnswer(n: number): () => void;
}

export function fakeBridge(opts: { clock?: () => number } = {}): FakeBridge {
  const handlers = tokenHandlers({
    clock: opts.clock ?? (() => Date.now()),
    async resolveTokenUuid(source: TokenUuidSource) {
      if (source.kind === 'mockcs') return MOCKCS_UUID;
      if (source.kind === 'profile') {
        // a pair resolves to its CS profile's token-uuid, as services.ts does
        if (source.profileId === 'cs-1' || source.profileId === 'pair-1') return PROFILE_UUID;
        throw new HandlerError(
          'NO_TOKEN_UUID',
          'CS profile "Lab CS" has no [system] token-uuid',
          'Set token-uuid in the profile, or use the mock CS or a typed token-uuid.',
        );
      }
      const parsed = parseTokenUuid(source.value);
      if (!parsed.ok) throw new HandlerError('INVALID_UUID', `the token-uuid is not a UUID: ${parsed.reason}`);
      return parsed.canonical;
    },
  });
  const calls: Call[] = [];
  const holds = new Map<number, Promise<void>>();

  async function answer(channel: string, input: unknown): Promise<IpcResult<unknown>> {
    if (channel === 'profiles.list')
      return ok({
        profiles: [
          { id: 'cs-1', kind: 'cs', name: 'Lab CS', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', secretIssueCount: 0 },
          { id: 'gax-1', kind: 'gax', name: 'Lab GAX', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', secretIssueCount: 0 },
          { id: 'cs-2', kind: 'cs', name: 'Empty CS', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', secretIssueCount: 0 },
          { id: 'pair-1', kind: 'pair', name: 'Lab pair', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', secretIssueCount: 0 },
        ],
      });
    if (!(channel in tokenRequests)) return fail('UNKNOWN_CHANNEL', `there is no request named "${channel}"`);
    const c = channel as keyof typeof tokenRequests;
    const parsed = tokenRequests[c].input.safeParse(input);
    if (!parsed.success) return fail('BAD_INPUT', `${c}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    try {
      const handler = handlers[c] as (i: unknown) => Promise<unknown>;
      const data = await handler(parsed.data);
      const out = tokenRequests[c].output.safeParse(data);
      if (!out.success) throw new Error(`${c} answered outside its contract`);
      return ok(out.data);
    } catch (err) {
      if (err instanceof HandlerError) return fail(err.code, err.message, err.hint);
      throw err;
    }
  }

  return {
    calls,
    holdAnswer(n) {
      let release!: () => void;
      holds.set(n, new Promise<void>((r) => (release = r)));
      return () => release();
    },
    async invoke(channel, input) {
      const n = calls.length;
      calls.push({ channel, input });
      const result = await answer(channel, input);
      await holds.get(n);
      return result;
    },
    on: () => () => undefined,
  };
}
