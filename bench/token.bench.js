// Token core: mint/s and verify/s against raw HMAC-SHA256 on the same input size, in the same run.
import { createHmac } from 'node:crypto';
import { decide, deriveKey, evaluateToken, mintToken } from '../dist/main/core/index.js';
import { interleavedOpsPerSecond } from './measure.js';

export async function run(report) {
  const tokenUuid = '3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42';
  const iat = 1767238671;
  const minted = mintToken({ tokenUuid, username: 'default', iat, exp: iat + 1200 });
  if (!minted.ok) throw new Error(minted.reason);
  const token = minted.value.token;
  const key = deriveKey(tokenUuid).key; // the same 32-byte key, for the raw HMAC baseline
  const signed = minted.value.body.subarray(0, minted.value.body.length - 16);

  let sink = 0;
  const input = { value: token, tokenUuid, userName: 'default', now: iat + 60, options: {} };
  const rates = interleavedOpsPerSecond({
    hmac: () => {
      sink ^= createHmac('sha256', key).update(signed).digest()[0];
    },
    mint: () => {
      sink ^= mintToken({ tokenUuid, username: 'default', iat, exp: iat + 1200 }).value.length;
    },
    verify: () => {
      if (evaluateToken(input).code !== 'OK') throw new Error('verify failed');
    },
    decide: () => {
      sink ^= decide(input).message.length;
    },
  });
  const { hmac, mint, verify, decide: explained } = rates;
  const baseline = { name: `raw createHmac sha256, ${signed.length} B`, value: hmac };
  if (sink === 0.5) console.log(sink); // keeps the results alive

  report({ section: 'token', name: 'raw HMAC-SHA256', value: hmac, unit: 'ops/s' });
  report({ section: 'token', name: 'mint', value: mint, unit: 'ops/s', baseline });
  report({
    section: 'token',
    name: 'verify (decode + signature + window + user)',
    value: verify,
    unit: 'ops/s',
    baseline,
    target: '≥ 0.7 × raw HMAC',
    pass: verify >= 0.7 * hmac,
  });
  report({ section: 'token', name: 'decide (verify + steps + explanation)', value: explained, unit: 'ops/s', baseline });
}
