import { describe, it, expect } from 'vitest';
import {
  CsOptionsEditorState,
  SUMMARY_STATES_DEFAULT,
  checkCsOptions,
  csMockCsPatch,
  csOptionsFromMockCs,
  csOptionsFromSection,
  csSystemSection,
  defaultCsOptions,
  defaultText,
  type CsOptionsValues,
} from '../../../src-renderer/lib/options/cs-options.svelte.js';
import { SetupWizard } from '../../../src-renderer/lib/setup/wizard.svelte.js';
import { optionDefinition } from '../../../src-main/core/options/catalog.js';

const UUID = '7e3a91c4-5b2d-4f86-a0e9-d41c2b7f6e35';

function values(patch: Partial<CsOptionsValues>): CsOptionsValues {
  return { ...defaultCsOptions(), ...patch };
}

describe('CS [system] options: validation per field', () => {
  it('the defaults are valid: tokens enabled, the default preamble, token-uuid left to the CS, nothing else set', () => {
    const c = checkCsOptions(defaultCsOptions());
    expect(c.valid).toBe(true);
    expect(c.errors).toEqual({});
    expect(c.settings).toEqual({
      tokenAuthenticationMode: 'enable',
      tokenPreambula: '{PXZ}',
      tokenUuid: null,
      tokenToleranceSeconds: null,
      tokenTtlMinutes: null,
    });
  });

  it('token-preambula: the token format rules, with {PXZ} offered', () => {
    expect(checkCsOptions(values({ preamble: '' })).errors['token-preambula']).toEqual({ message: 'the preamble is empty', suggestion: '{PXZ}' });
    expect(checkCsOptions(values({ preamble: '{P Z}' })).errors['token-preambula']?.message).toBe(
      'the preamble may hold only printable ASCII without spaces; character 3 is not',
    );
    expect(checkCsOptions(values({ preamble: 'x'.repeat(17) })).errors['token-preambula']?.message).toMatch(/17 characters; at most 16/);
    const other = checkCsOptions(values({ preamble: '{TOK}' }));
    expect(other.valid).toBe(true);
    expect(other.notes['token-preambula']).toMatch(/Genesys recommends the default, \{PXZ\}/);
    // an invalid preamble reads as the default (what the CS would fall back to), not as the typo
    expect(checkCsOptions(values({ preamble: '' })).settings.tokenPreambula).toBe('{PXZ}');
  });

  it('token-uuid: generated or pasted values are checked, and no error ever quotes the secret or guesses it', () => {
    const bad = 'not-a-uuid-7e3a91c4';
    const c = checkCsOptions(values({ uuidChoice: 'paste', pastedUuid: bad }));
    expect(c.valid).toBe(false);
    expect(c.errors['token-uuid']?.message).toBeTruthy();
    expect(c.errors['token-uuid']?.message).not.toContain(bad);
    expect(c.errors['token-uuid']?.suggestion).toBeUndefined();
    expect(checkCsOptions(values({ uuidChoice: 'paste', pastedUuid: '' })).errors['token-uuid']?.message).toBe('the token-uuid is empty');
    const ok = checkCsOptions(values({ uuidChoice: 'paste', pastedUuid: `  {${UUID.toUpperCase()}}  ` }));
    expect(ok.valid).toBe(true);
    expect(ok.settings.tokenUuid).toBe(`{${UUID.toUpperCase()}}`);
    // the pasted value does not matter while another choice is made
    expect(checkCsOptions(values({ uuidChoice: 'cs', pastedUuid: bad })).valid).toBe(true);
    expect(checkCsOptions(values({ uuidChoice: 'keep' })).settings.tokenUuid).toBeUndefined();
  });

  it('token-tolerance and token-ttl: empty is unset; units, signs and fractions are explained; 0 is explained', () => {
    expect(checkCsOptions(values({ tolerance: '' })).settings.tokenToleranceSeconds).toBeNull();
    const unit = checkCsOptions(values({ tolerance: '2min' }));
    expect(unit.errors['token-tolerance']).toEqual({ message: '"2min" holds a unit; the option is a plain number of seconds', suggestion: '120' });
    expect(checkCsOptions(values({ ttl: '2h' })).errors['token-ttl']).toEqual({
      message: '"2h" holds a unit; the option is a plain number of minutes',
      suggestion: '120',
    });
    expect(checkCsOptions(values({ tolerance: '-5' })).errors['token-tolerance']?.message).toBe(
      '-5 is negative; it must be a whole number from 0 to 2147483647',
    );
    expect(checkCsOptions(values({ ttl: '1.5' })).errors['token-ttl']?.message).toMatch(/not a whole number/);
    expect(checkCsOptions(values({ ttl: '2147483648' })).errors['token-ttl']?.message).toMatch(/more than 2147483647/);
    const zero = checkCsOptions(values({ tolerance: '0', ttl: '0' }));
    expect(zero.valid).toBe(true);
    expect(zero.notes['token-tolerance']).toMatch(/0 means the default: the CS uses 60 s/);
    expect(zero.notes['token-ttl']).toMatch(/0 means unset/);
    const spelled = checkCsOptions(values({ tolerance: '090' }));
    expect(spelled.valid).toBe(true);
    expect(spelled.settings.tokenToleranceSeconds).toBe(90);
    expect(spelled.notes['token-tolerance']).toBe('It has leading zeros; write it as 90.');
  });
});

describe('CS [system] options: what is written and sent', () => {
  it('writes only what is set, leaves out the default preamble, and keeps the token-uuid when one was made or pasted', () => {
    const s = checkCsOptions(values({ uuidChoice: 'generate', generatedUuid: UUID, tolerance: '30', ttl: '60' })).settings;
    expect(csSystemSection(s)).toEqual({
      'token-authentication-mode': 'enable',
      'token-uuid': UUID,
      'token-tolerance': '30',
      'token-ttl': '60',
    });
    expect(csSystemSection(checkCsOptions(values({ mode: 'disable', preamble: '{TOK}' })).settings)).toEqual({
      'token-authentication-mode': 'disable',
      'token-preambula': '{TOK}',
    });
  });

  it('the mock CS patch: null for "left to the CS", no tokenUuid at all for "keep"', () => {
    expect(csMockCsPatch(checkCsOptions(values({})).settings)).toHaveProperty('tokenUuid', null);
    expect(csMockCsPatch(checkCsOptions(values({ uuidChoice: 'keep' })).settings)).not.toHaveProperty('tokenUuid');
  });

  it('reads the mock CS options (its token-uuid is never sent: configured means keep, generated means left to the CS)', () => {
    const base = {
      tokenAuthenticationMode: 'enable' as const,
      tokenPreambula: '{PXZ}',
      tokenToleranceSeconds: 60,
      tokenTtlMinutes: null,
      gaxTokenLifeMinutes: null,
      clockOffsetSeconds: 0,
      diagnostics: 'teaching' as const,
      passwordFieldLimit: 64,
      users: [],
      listeners: [],
      maxConnections: 1000,
      maxLineBytes: 16384,
      registerTimeoutSeconds: 30,
      maxFailedAttempts: 5,
    };
    const configured = csOptionsFromMockCs({ ...base, tokenUuid: { source: 'configured', masked: '••••-6e35' } });
    expect(configured).toMatchObject({ mode: 'enable', uuidChoice: 'keep', tolerance: '60', ttl: '' });
    expect(csOptionsFromMockCs({ ...base, tokenUuid: { source: 'generated', masked: '••••-0000' } }).uuidChoice).toBe('cs');
  });

  it('reads a [system] section; a token-uuid left out as a secret asks to be pasted', () => {
    expect(csOptionsFromSection({ 'token-authentication-mode': 'enable', 'token-ttl': '20' })).toMatchObject({
      mode: 'enable',
      uuidChoice: 'cs',
      ttl: '20',
    });
    expect(csOptionsFromSection({}, { uuidOmitted: true })).toMatchObject({ mode: 'disable', uuidChoice: 'paste', pastedUuid: '' });
    expect(csOptionsFromSection({ 'token-uuid': UUID })).toMatchObject({ uuidChoice: 'paste', pastedUuid: UUID });
  });

  it('shows a default under a field only where the Genesys summary does not already state it', () => {
    for (const name of SUMMARY_STATES_DEFAULT) {
      expect(optionDefinition(name).summary).toMatch(/default|not set|unset/i);
      expect(defaultText(name)).toBeUndefined();
    }
    expect(defaultText('confserv_trusted')).toMatch(/^not published/);
    expect(defaultText('token_life_in_minutes')).toMatch(/not published/);
  });
});

describe('the editor state', () => {
  it('shows a typed error at once, an empty-field error only once the field was touched or when asked for all', () => {
    const w = new SetupWizard();
    const editor = new CsOptionsEditorState(
      () => w.cs,
      () => UUID,
    );
    w.cs.tolerance = 'abc';
    expect(editor.shownError('token-tolerance')?.message).toBe('"abc" is not a number; it must be a whole number from 0 to 2147483647');
    w.cs.uuidChoice = 'paste';
    expect(editor.check.errors['token-uuid']).toBeTruthy();
    expect(editor.shownError('token-uuid')).toBeNull();
    expect(editor.shownError('token-uuid', true)?.message).toBe('the token-uuid is empty');
    editor.touch('token-uuid');
    expect(editor.shownError('token-uuid')?.message).toBe('the token-uuid is empty');
  });

  it('generates a token-uuid when "generate" is chosen, keeps it when switching away and back, replaces it on request', () => {
    const w = new SetupWizard();
    let n = 0;
    const made = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];
    const editor = new CsOptionsEditorState(
      () => w.cs,
      () => made[n++]!,
    );
    editor.chooseUuid('generate');
    expect(w.cs.generatedUuid).toBe(made[0]);
    editor.chooseUuid('cs');
    editor.chooseUuid('generate');
    expect(w.cs.generatedUuid).toBe(made[0]);
    editor.regenerateUuid();
    expect(w.cs.generatedUuid).toBe(made[1]);
    expect(editor.check.settings.tokenUuid).toBe(made[1]);
  });

  it('applies the suggestion shown next to an error', () => {
    const w = new SetupWizard();
    const editor = new CsOptionsEditorState(() => w.cs);
    w.cs.ttl = '3 hours';
    editor.applySuggestion('token-ttl');
    expect(w.cs.ttl).toBe('180');
    w.cs.preamble = '';
    editor.applySuggestion('token-preambula');
    expect(w.cs.preamble).toBe('{PXZ}');
    expect(editor.check.valid).toBe(true);
  });
});
