/**
 * TOKEN_TOO_LONG: the length arithmetic of the tool's reference token format (PXZ-1) against the
 * "approximately 64 bytes" Genesys publishes for the Password field of the GAX interface.
 */
import { describe, expect, it } from 'vitest';
import { csText, doctor, gaxText, one } from './diagnose-files.js';

describe('TOKEN_TOO_LONG', () => {
  it('names the users over the limit and the longest that fits, and shortens the preamble when that is enough', () => {
    const r = doctor(csText({ 'token-preambula': '{GAXTOKEN}' }), gaxText(20), { users: ['default', 'alice', 'svc_gax_provision'] });
    const f = one(r, 'TOKEN_TOO_LONG');
    expect(f.message).toBe(
      'With the tool\'s reference token format (PXZ-1) and the preamble "{GAXTOKEN}", the tokens of 1 of 3 users would be longer than 64 bytes: "svc_gax_provision" (66 characters, 2 over). Usernames of up to 15 bytes fit; the longest given username that fits is "default" (7 bytes)',
    );
    // the model's arithmetic, not Genesys's rule: a warning from PXZ-1
    expect(f).toMatchObject({ severity: 'warning', source: { kind: 'model', id: 'PXZ-1' } });
    expect(f.fix).toBe('[system]\ntoken-preambula={PXZ}');
  });

  it('says when no option can help', () => {
    const r = doctor(csText({}), gaxText(20), { users: ['integration.service.account@example.com'] });
    const f = one(r, 'TOKEN_TOO_LONG');
    expect(f.message).toContain('none of the given usernames fits');
    expect(f.fix).toContain("# with the tool's reference token format (PXZ-1) and the preamble {PXZ}, usernames over 19 bytes (UTF-8) do not fit");
    expect(f.why).toContain('Genesys publishes only "approximately 64 bytes" for the Password field of the GAX interface');
    expect(f.why).not.toMatch(/CS holds|a real CS/);
  });

  it('uses the default preamble, and says so, when no CS file is given', () => {
    const r = doctor(null, gaxText(20), { users: ['a-twenty-byte-name-x'] });
    expect(one(r, 'TOKEN_TOO_LONG').message).toContain('"{PXZ}" (the default: no CS file given)');
  });
});
