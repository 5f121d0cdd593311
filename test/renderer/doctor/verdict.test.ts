/**
 * The verdict over the fixture corpus, diagnosed by the real core doctor: each kind of outcome gets
 * the sentence a person needs first.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose, decodeOptionBytes } from '../../../src-main/core/doctor/index.js';
import { verdictOf } from '../../../src-renderer/lib/doctor/verdict.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/options');

function verdictFor(paths: string[], extra: { users?: string[]; clockOffsetSeconds?: number } = {}) {
  const files = paths.map((p) => ({ name: p.split('/').pop()!, text: decodeOptionBytes(readFileSync(join(FIXTURES, p))).text }));
  return verdictOf(diagnose({ files, ...extra }));
}

function text(name: string, body: string) {
  return { name, text: body };
}

describe('verdictOf', () => {
  it('a good pair: nothing stops GAX', () => {
    // "looks right" never hides what no export shows: the key GAX signs with
    expect(verdictFor(['good-unix/confserv.conf', 'good-unix/gax.conf'])).toEqual({
      kind: 'ok',
      sentence:
        'Nothing in these files stops GAX from logging in with tokens — but the token-uuid GAX signs with is not in any export: compare it with the CS’s (see Not checked).',
    });
  });

  it('token-ttl shorter than the token life: fresh tokens refused', () => {
    const v = verdictFor(['ttl-shorter/cs.cfg', 'ttl-shorter/gax.cfg']);
    expect(v.kind).toBe('error');
    expect(v.sentence).toMatch(
      /^GAX cannot log in: token-ttl is shorter than GAX’s token life, so the CS refuses every freshly minted token as not yet valid/,
    );
  });

  it('several errors: the one that stops a login first leads, the rest are counted', () => {
    const v = verdictOf(
      diagnose({
        files: [
          text('cs.cfg', '[system]\ntoken-authentication-mode=disable\ntoken-uuid=not-a-uuid\ntoken-ttl=5\n'),
          text('gax.cfg', '[general]\nconfserv_trusted=true\ntoken_life_in_minutes=20\n'),
        ],
      }),
    );
    expect(v.kind).toBe('error');
    expect(v.sentence).toMatch(
      /^GAX cannot log in: it sends a token as its password, but token authentication is not enabled on the CS.+ \(and \d more errors? below\)\.$/,
    );
  });

  it('a value Genesys does not accept is named in the sentence', () => {
    const v = verdictOf(
      diagnose({ files: [text('cs.cfg', '[system]\ntoken-authentication-mode=on\n'), text('gax.cfg', '[general]\nconfserv_trusted=false\n')] }),
    );
    expect(v.sentence).toBe(
      'A token option’s value is outside what Genesys publishes: [system] token-authentication-mode="on" (line 2): "on" is not enable, the only value Genesys names.',
    );
  });

  it('the CS accepts tokens but GAX does not send them', () => {
    expect(verdictFor(['token-auth-unused/cs.cfg', 'token-auth-unused/gax.cfg']).sentence).toMatch(
      /^GAX still logs in with passwords: the CS accepts tokens, but GAX is not set to send them/,
    );
  });

  it('passwords on both sides', () => {
    expect(verdictFor(['good-passwords/cs.cfg', 'good-passwords/gax.cfg'])).toEqual({
      kind: 'info',
      sentence: 'Token authentication is off on both sides: GAX logs in with passwords, and nothing here stops it.',
    });
  });

  it('one application only: asks for the other', () => {
    expect(verdictOf(diagnose({ files: [text('cs.cfg', '[system]\ntoken-authentication-mode=enable\n')] }))).toEqual({
      kind: 'info',
      sentence: 'Nothing wrong in the CS options alone; add the GAX application’s options to check the two together.',
    });
  });

  it('nothing readable', () => {
    expect(verdictOf(diagnose({ files: [text('a.txt', 'hello'), text('b.txt', 'world')] })).sentence).toBe(
      'None of the 2 inputs could be read, so nothing was checked: see why below.',
    );
  });
});
