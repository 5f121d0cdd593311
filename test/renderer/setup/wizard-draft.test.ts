/**
 * The wizard's draft across a reload: the values come back, the token-uuid (a secret) never goes to
 * storage — a generated one is made anew and said so, a pasted one must be pasted again — and a
 * draft of the wrong shape is ignored, not trusted.
 */
import { describe, it, expect, beforeEach } from 'vitest';
import { flushSync } from 'svelte';
import { SetupWizard } from '../../../src-renderer/lib/setup/wizard.svelte.js';
import { clearDraft, draftState, keepDraft, restoreDraft } from '../../../src-renderer/lib/setup/wizard-draft.svelte.js';

const UUID = '7e3a91c4-5b2d-4f86-a0e9-d41c2b7f6e35';

beforeEach(() => {
  sessionStorage.clear();
  clearDraft();
});

describe('wizard draft', () => {
  it('keeps the step and the values, never the token-uuid, and restores them in a new wizard', () => {
    const w = new SetupWizard();
    keepDraft(w);
    w.cs = { ...w.cs, uuidChoice: 'generate', generatedUuid: UUID, ttl: '20', preamble: '[TKN]' };
    w.gax = { trusted: 'true', life: '20' };
    w.sampleUser = 'alice';
    w.step = 'check';
    flushSync();
    const stored = sessionStorage.getItem('gax-token-lab.wizard-draft.v1') ?? '';
    expect(stored).toContain('"life":"20"');
    expect(stored).not.toContain(UUID);

    const after = new SetupWizard();
    restoreDraft(after);
    expect(after.step).toBe('check');
    expect(after.gax.life).toBe('20');
    expect(after.cs.ttl).toBe('20');
    expect(after.cs.preamble).toBe('[TKN]');
    expect(after.sampleUser).toBe('alice');
    expect(after.cs.uuidChoice).toBe('generate');
    expect(after.cs.generatedUuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(after.cs.generatedUuid).not.toBe(UUID);
    expect(draftState.restoredNote).toMatch(/a new one was generated/);
  });

  it('asks for a pasted token-uuid again, and ignores a draft of the wrong shape', () => {
    sessionStorage.setItem(
      'gax-token-lab.wizard-draft.v1',
      JSON.stringify({
        step: 'gax',
        cs: { mode: 'enable', preamble: '{PXZ}', uuidChoice: 'paste', tolerance: '', ttl: '' },
        gax: { trusted: 'false', life: '30' },
        sampleUser: 'bob',
      }),
    );
    const w = new SetupWizard();
    restoreDraft(w);
    expect(w.cs.pastedUuid).toBe('');
    expect(w.gax.trusted).toBe('false');
    expect(draftState.restoredNote).toMatch(/paste it again/);

    for (const bad of ['{', '[]', JSON.stringify({ step: 'nowhere' }), JSON.stringify({ step: 'cs', cs: null })]) {
      sessionStorage.setItem('gax-token-lab.wizard-draft.v1', bad);
      const fresh = new SetupWizard();
      expect(() => restoreDraft(fresh)).not.toThrow();
      expect(fresh.step).toBe('cs');
      expect(fresh.gax.life).toBe(new SetupWizard().gax.life);
    }
  });
});
