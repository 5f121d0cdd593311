import { describe, expect, it } from 'vitest';
import { mintToken } from '../../src-main/core/index.js';
import { scrubSecrets } from '../../src-main/core/scrub.js';
import { crashLogText, crashSummary, errorMessage } from '../../src-main/host/crash-report.js';

const uuid = '3f2b8c1e-9d4a-4e7b-8a61-0c5d2e9f7b14';

function aToken(): string {
  const minted = mintToken({ tokenUuid: uuid, username: 'ops.admin', iat: 1_750_000_000, exp: 1_750_000_600 });
  if (!minted.ok) throw new Error(minted.reason);
  return minted.value.token;
}

describe('scrubSecrets', () => {
  it('masks a token-uuid down to its last four digits, in any case', () => {
    for (const form of [uuid, uuid.toUpperCase(), `{${uuid}}`, `urn:uuid:${uuid}`]) {
      const text = scrubSecrets(`token-uuid ${form} rejected`);
      expect(text, form).not.toMatch(/3f2b8c1e|9d4a|0c5d2e9f/i);
      expect(text, form).toContain('7b14');
    }
  });

  it('masks a whole token, keeping its preamble and first six characters', () => {
    const token = aToken();
    const body = token.slice('{PXZ}'.length);
    const text = scrubSecrets(`login failed with password ${token}`);
    expect(text).not.toContain(body);
    expect(text).toContain(`{PXZ}${body.slice(0, 6)}…(${body.length} chars)`);
  });

  it('leaves ordinary messages alone', () => {
    const message = "ENOENT: no such file or directory, open '/home/ops/.config/GAX Token Lab/settings.json'";
    expect(scrubSecrets(message)).toBe(message);
  });
});

describe('crashSummary and crashLogText', () => {
  it('give one scrubbed line for the dialog and the scrubbed stack for the log', () => {
    const error = new TypeError(`cannot read the profile for ${uuid}\nsecond line`);
    expect(crashSummary(error)).toBe('TypeError: cannot read the profile for ••••••••-••••-••••-••••-••••••••7b14');
    const logged = crashLogText(error);
    expect(logged).toContain('at ');
    expect(logged).not.toContain(uuid);
  });

  it('errorMessage keeps only the first line of the message, scrubbed', () => {
    expect(errorMessage(new Error(`EACCES: permission denied, open '/x/${uuid}.json'\nmore`))).toBe(
      "EACCES: permission denied, open '/x/••••••••-••••-••••-••••-••••••••7b14.json'",
    );
    expect(errorMessage('plain text')).toBe('plain text');
  });

  it('describe values that are not Errors', () => {
    expect(crashSummary('boom')).toBe('a non-Error value was thrown: boom');
    expect(crashLogText(undefined)).toBe('a non-Error value was thrown: undefined');
  });
});
