// Every `validate` row of the PXZ-1 test vectors, as a login to the mock CS over a real socket:
// the server's answer must be the vector's code (NOT_A_TOKEN: the value is taken as a password).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helloClient, startMockCs, type LineClient, type Running } from './helpers.js';
import { PXZ1_VECTORS } from '../helpers/pxz1-vectors.js';

const vectors = PXZ1_VECTORS;

describe('PXZ-1 validate vectors through the mock CS', { timeout: 20_000 }, () => {
  let now = 0;
  let srv: Running;
  let client: LineClient;
  beforeAll(async () => {
    srv = await startMockCs({ tokenAuthenticationMode: 'enable', maxFailedAttempts: 1000, passwordFieldLimit: 1024 }, { clock: () => now * 1000 });
    client = (await helloClient(srv.port)).client;
  });
  afterAll(async () => {
    client.destroy();
    await srv.stop();
  });

  let id = 0;
  it.each(vectors.validate.map((r) => [r.note, r] as const))('%s', async (_note, row) => {
    now = row.now;
    await srv.cs.updateOptions({
      tokenUuid: row.tokenUuid,
      tokenPreambula: row.preamble,
      ...row.options,
      // The request's user exists and is enabled, token-only: the answer is the token's own verdict.
      users: [{ userName: row.userName, enabled: true }],
    });
    const answer = await client.request({ type: 'RegisterClient', requestId: ++id, clientName: 'GAX', userName: row.userName, password: row.token });
    if (row.expect === 'OK') {
      expect(answer).toMatchObject({ type: 'ClientRegistered', authMethod: 'token' });
      // Registered: unregister and reconnect for the next row.
      await client.request({ type: 'UnregisterClient', requestId: ++id });
      await client.closed;
      client = (await helloClient(srv.port)).client;
    } else if (row.expect === 'NOT_A_TOKEN') {
      expect(answer).toMatchObject({ type: 'Error', code: 'BAD_PASSWORD' });
    } else {
      expect(answer).toMatchObject({ type: 'Error', code: row.expect });
    }
  });
});
