// Refusal words built once per (code, user): the same bytes on the wire as freshly built ones,
// new words after an options change, and a bounded cache.
import { describe, expect, it } from 'vitest';
import { RefusalWordsCache } from '../../src-main/mockcs/refusal-words.js';
import { helloClient, mint, startMockCs } from './helpers.js';

const UUID = '7d1c0b2a-3948-4756-a5b4-c3d2e1f00f1e';
const T0 = 1_767_225_600; // 2026-01-01T00:00:00Z

describe('refusal words', { timeout: 20_000 }, () => {
  it('repeated refusals of a user are byte for byte the canonical JSON, before and after an options change', async () => {
    let now = T0 * 1000 + 123;
    const srv = await startMockCs(
      { tokenAuthenticationMode: 'enable', tokenUuid: UUID, users: [{ userName: 'bob', enabled: false }], maxFailedAttempts: 10 },
      { clock: () => now },
    );
    try {
      const { client } = await helloClient(srv.port);
      const line = (requestId: number, userName: string) =>
        `${JSON.stringify({ type: 'RegisterClient', requestId, clientName: 'GAX', userName, password: mint(UUID, userName, T0, T0 + 1200) })}\n`;
      // Pipelined: bob (disabled) three times, carol (unknown) twice — each answer from the cache after the first.
      client.send([1, 2, 3].map((i) => line(i, 'bob')).join('') + line(4, 'carol') + line(5, 'carol'));
      for (let i = 0; i < 5; i++) await client.next();
      now += 1000;
      await srv.cs.updateOptions({ tokenToleranceSeconds: 120 });
      client.send(line(6, 'bob'));
      await client.next();

      const answers = client.raw.split('\n').slice(1, -1);
      expect(answers).toHaveLength(6);
      for (const a of answers) expect(a).toBe(JSON.stringify(JSON.parse(a))); // canonical: key order, escapes, numbers
      const parsed = answers.map((a) => JSON.parse(a) as Record<string, unknown>);
      expect(parsed[0]).toEqual({
        type: 'Error',
        requestId: 1,
        code: 'USER_DISABLED',
        message: 'the token is valid, but the account "bob" is disabled',
        detail: {
          serverTime: T0 * 1000 + 123,
          validFrom: (T0 + 1200 - 86_400 - 60) * 1000, // exp − the default token-ttl (24 h) − tolerance
          validUntil: (T0 + 1200 + 60) * 1000,
          tokenExp: (T0 + 1200) * 1000,
          hint: 'Enable the user "bob" (Server view → Users → Enabled, or enabled: true in the users option).',
        },
      });
      expect(parsed.map((p) => [p['requestId'], p['code']])).toEqual([
        [1, 'USER_DISABLED'],
        [2, 'USER_DISABLED'],
        [3, 'USER_DISABLED'],
        [4, 'UNKNOWN_USER'],
        [5, 'UNKNOWN_USER'],
        [6, 'USER_DISABLED'],
      ]);
      expect(answers[1]).toBe(answers[0]!.replace('"requestId":1,', '"requestId":2,'));
      expect(answers[4]).toBe(answers[3]!.replace('"requestId":4,', '"requestId":5,'));
      // After the change: the new tolerance in the window, the new clock, the same words.
      expect(parsed[5]).toMatchObject({
        message: (parsed[0] as { message: string }).message,
        detail: { serverTime: T0 * 1000 + 1123, validFrom: (T0 + 1200 - 86_400 - 120) * 1000 },
      });
      client.destroy();
    } finally {
      await srv.stop();
    }
  });

  it('keeps one entry per (code, user) and starts over past its bound', () => {
    const cache = new RefusalWordsCache();
    let built = 0;
    const wordsFor = (userName: string) => {
      built++;
      return { message: `no ${userName}`, hint: `create ${userName}` };
    };
    const first = cache.get('UNKNOWN_USER', 'u0', wordsFor);
    expect(cache.get('UNKNOWN_USER', 'u0', wordsFor)).toBe(first);
    expect(cache.get('USER_DISABLED', 'u0', wordsFor)).not.toBe(first);
    expect(first.encoded.head.toString()).toBe(',"code":"UNKNOWN_USER","message":"no u0","detail":{"serverTime":');
    expect(first.encoded.tail.toString()).toBe(',"hint":"create u0"}}\n');
    expect(built).toBe(2);
    for (let i = 1; i <= 1000; i++) cache.get('UNKNOWN_USER', `u${i}`, wordsFor);
    expect(cache.get('UNKNOWN_USER', 'u0', wordsFor)).not.toBe(first); // the cache started over
    expect(built).toBe(1003);
  });
});
