import { describe, it, expect } from 'vitest';
import { SetupWizard, FIELD_IDS, mockCsPatchFor } from '../../../src-renderer/lib/setup/wizard.svelte.js';
import { checkGaxOptions, gaxGeneralSection } from '../../../src-renderer/lib/setup/gax-options.js';
import { timelineModel, LABEL_MIN_GAP } from '../../../src-renderer/lib/setup/timeline.js';

const UUID = '7e3a91c4-5b2d-4f86-a0e9-d41c2b7f6e35';

describe('GAX [general] options: validation per field', () => {
  it('requires a token life (GAX’s own default is not published) and checks it as Genesys documents it', () => {
    expect(checkGaxOptions({ trusted: 'true', life: '60' })).toMatchObject({
      valid: true,
      settings: { confservTrusted: true, tokenLifeMinutes: 60 },
    });
    expect(checkGaxOptions({ trusted: 'true', life: '' }).errors.token_life_in_minutes?.message).toMatch(
      /empty.*Genesys does not publish GAX’s default/,
    );
    expect(checkGaxOptions({ trusted: 'true', life: '0' }).errors.token_life_in_minutes?.message).toBe(
      '0 is not positive; it must be a positive whole number (1–2147483647)',
    );
    expect(checkGaxOptions({ trusted: 'true', life: '1h' }).errors.token_life_in_minutes).toEqual({
      message: '"1h" holds a unit; the option is a plain number of minutes',
      suggestion: '60',
    });
    expect(checkGaxOptions({ trusted: 'false', life: '60' }).notes.confserv_trusted).toMatch(/keeps sending each user’s password/);
  });

  it('writes confserv_trusted always and token_life_in_minutes when valid', () => {
    expect(gaxGeneralSection({ confservTrusted: true, tokenLifeMinutes: 20 })).toEqual({ confserv_trusted: 'true', token_life_in_minutes: '20' });
    expect(gaxGeneralSection({ confservTrusted: false, tokenLifeMinutes: null })).toEqual({ confserv_trusted: 'false' });
  });
});

describe('the wizard: steps', () => {
  it('starts on step 1 with valid defaults and walks forward and back', () => {
    const w = new SetupWizard();
    expect(w.step).toBe('cs');
    expect(w.stepperSteps.map((s) => [s.id, s.state, s.problems])).toEqual([
      ['cs', 'current', 0],
      ['gax', 'todo', 0],
      ['check', 'todo', 0],
      ['try', 'todo', 0],
      ['apply', 'todo', 0],
    ]);
    expect(w.next()).toBe(true);
    expect(w.step).toBe('gax');
    expect(w.stepperSteps[0]!.state).toBe('done');
    w.back();
    expect(w.step).toBe('cs');
    w.back();
    expect(w.step).toBe('cs');
  });

  it('cannot go Next from a step with an error: it stays, says why, and lists each field with its message', () => {
    const w = new SetupWizard();
    w.cs.tolerance = '2min';
    w.cs.uuidChoice = 'paste';
    expect(w.blockedReason()).toBe('2 fields need fixing on Configuration Server before you can go on.');
    expect(w.next()).toBe(false);
    expect(w.step).toBe('cs');
    expect(w.isRevealed('cs')).toBe(true);
    expect(w.refusal?.problems).toEqual([
      { fieldId: FIELD_IDS['token-uuid'], label: 'token-uuid', message: 'the token-uuid is empty' },
      { fieldId: FIELD_IDS['token-tolerance'], label: 'token-tolerance', message: '"2min" holds a unit; the option is a plain number of seconds' },
    ]);
    // fixing the fields clears the refusal; Next then works
    w.cs.tolerance = '120';
    w.cs.pastedUuid = UUID;
    expect(w.refusal).toBeNull();
    expect(w.next()).toBe(true);
    expect(w.step).toBe('gax');
  });

  it('a jump forward stops at the first step with problems, and shows them there', () => {
    const w = new SetupWizard();
    w.gax.life = 'soon';
    expect(w.goTo('apply')).toBe(false);
    expect(w.step).toBe('gax');
    expect(w.refusal?.problems[0]).toMatchObject({ fieldId: FIELD_IDS.token_life_in_minutes, label: 'token_life_in_minutes' });
    expect(w.stepperSteps.find((s) => s.id === 'gax')?.problems).toBe(1);
    // back is always allowed
    expect(w.goTo('cs')).toBe(true);
    w.gax.life = '30';
    expect(w.goTo('apply')).toBe(true);
    expect(w.isLast).toBe(true);
    expect(w.next()).toBe(false);
  });

  it('the Check step needs a username that can be put in a token', () => {
    const w = new SetupWizard();
    w.goTo('check');
    w.sampleUser = 'al\tice';
    expect(w.next()).toBe(false);
    expect(w.refusal?.problems).toEqual([
      { fieldId: FIELD_IDS.sampleUser, label: 'Sample username', message: 'the username holds a control character' },
    ]);
    w.sampleUser = '';
    expect(w.problems('check')[0]?.message).toBe('the username is empty');
    w.sampleUser = 'alice';
    expect(w.next()).toBe(true);
  });
});

describe('the wizard: what the options imply', () => {
  it('has settings only while steps 1 and 2 are valid, and turns them into option lines and a mock CS patch', () => {
    const w = new SetupWizard();
    w.cs.uuidChoice = 'generate';
    w.cs.generatedUuid = UUID;
    w.cs.ttl = '60';
    w.gax.life = '20';
    expect(w.settings).toEqual({
      mode: 'enable',
      preamble: '{PXZ}',
      tokenUuid: UUID,
      toleranceSeconds: null,
      ttlMinutes: 60,
      confservTrusted: true,
      lifeMinutes: 20,
    });
    expect(w.systemSection).toEqual({ 'token-authentication-mode': 'enable', 'token-uuid': UUID, 'token-ttl': '60' });
    expect(w.generalSection).toEqual({ confserv_trusted: 'true', token_life_in_minutes: '20' });
    expect(mockCsPatchFor(w.settings!)).toEqual({
      tokenAuthenticationMode: 'enable',
      tokenPreambula: '{PXZ}',
      tokenUuid: UUID,
      tokenToleranceSeconds: null,
      tokenTtlMinutes: 60,
      gaxTokenLifeMinutes: 20,
      clockOffsetSeconds: 0,
      diagnostics: 'teaching',
    });
    w.cs.ttl = 'x';
    expect(w.settings).toBeNull();
  });

  it('the sample token’s fit follows the preamble and the username (the core’s formula)', () => {
    const w = new SetupWizard();
    w.sampleUser = 'alice';
    expect(w.fit).toMatchObject({ length: 45, limit: 64, fits: true, longestUsernameBytes: 19 });
    w.sampleUser = 'a'.repeat(20);
    expect(w.fit).toMatchObject({ fits: false, over: 1 });
    w.cs.preamble = '{X}';
    expect(w.fit).toMatchObject({ fits: true, longestUsernameBytes: 20 });
    w.sampleUser = 'bad\u0000';
    expect(w.fit).toBeNull();
  });

  it('loads options from elsewhere (the doctor’s corrected files) and reveals their problems at once', () => {
    const w = new SetupWizard();
    w.goTo('check');
    w.loadOptions(
      { application: 'cs', sections: { system: { 'token-authentication-mode': 'enable', 'token-tolerance': '30' } } },
      { confserv_trusted: 'true' },
      { uuidOmitted: true },
    );
    expect(w.step).toBe('cs');
    expect(w.cs).toMatchObject({ mode: 'enable', uuidChoice: 'paste', pastedUuid: '', tolerance: '30' });
    expect(w.gax).toEqual({ trusted: 'true', life: '' });
    expect(w.isRevealed('cs') && w.isRevealed('gax')).toBe(true);
    expect(w.problems('cs').map((p) => p.label)).toEqual(['token-uuid']);
    expect(w.problems('gax').map((p) => p.label)).toEqual(['token_life_in_minutes']);
    w.reset();
    expect(w.problems('cs')).toEqual([]);
    expect(w.gax.life).toBe('60');
  });
});

describe('the validity window’s timeline', () => {
  it('token-ttl unset: the window is the token life plus tolerance at both ends', () => {
    const m = timelineModel(60, { tokenToleranceSeconds: null, tokenTtlMinutes: null, gaxTokenLifeMinutes: 60 });
    expect([m.acceptFrom, m.ttlStart, m.expires, m.acceptUntil]).toEqual([-60, 0, 3600, 3660]);
    expect(m.ttlSource).toBe('token_life_in_minutes');
    expect(m.toleranceIsDefault).toBe(true);
    expect(m.refusedAfterIssue).toBe(0);
    expect(m.spans.refused).toBeNull();
    // 4 % of the drawn range either side: 3720 s drawn over 92 %
    expect(m.scale.start).toBeCloseTo(-60 - 3720 * 0.04);
    expect(m.scale.end).toBeCloseTo(3660 + 3720 * 0.04);
    // issue and the start of token-ttl are the same instant: one mark says both
    expect(m.marks.map((k) => [k.label, k.offset])).toEqual([
      ['accepted from', '−60 s'],
      ['issued · token-ttl starts', '0'],
      ['expires', '+1 h'],
      ['accepted until', '+1 h 1 min'],
    ]);
    expect(m.marks[0]!.pos).toBeCloseTo((0.04 / 1.08) * 100);
    expect(m.marks[3]!.pos).toBeCloseTo((1.04 / 1.08) * 100);
    expect(m.spans.ttl.left + m.spans.ttl.width).toBeCloseTo(m.marks[2]!.pos);
  });

  it('token-ttl shorter than the life: fresh tokens are refused until the window opens', () => {
    const m = timelineModel(60, { tokenToleranceSeconds: 30, tokenTtlMinutes: 20, gaxTokenLifeMinutes: 60 });
    expect([m.acceptFrom, m.ttlStart, m.acceptUntil]).toEqual([3600 - 1200 - 30, 2400, 3630]);
    expect(m.refusedAfterIssue).toBe(2370);
    expect(m.spans.refused!.left).toBeCloseTo(m.spans.life.left);
    expect(m.spans.refused!.left + m.spans.refused!.width).toBeCloseTo(m.spans.lead.left);
    expect(m.marks.map((k) => k.label)).toEqual(['issued', 'accepted from', 'token-ttl starts', 'expires', 'accepted until']);
  });

  it('token-ttl longer than the life: the window opens before the token was issued', () => {
    const m = timelineModel(10, { tokenToleranceSeconds: 0, tokenTtlMinutes: 1440, gaxTokenLifeMinutes: 10 });
    expect(m.toleranceSeconds).toBe(60); // 0 means the default
    expect(m.acceptFrom).toBe(600 - 86400 - 60);
    expect(m.marks[0]!.offset).toBe('−23 h 51 min');
  });

  it('labels too close to share a row are stacked, nearest the bars first', () => {
    const m = timelineModel(60, { gaxTokenLifeMinutes: 60 });
    const [from, issued, expires, until] = m.marks;
    expect(issued!.pos - from!.pos).toBeLessThan(LABEL_MIN_GAP);
    expect([from!.lane, issued!.lane, expires!.lane, until!.lane]).toEqual([0, 1, 0, 1]);
    const wide = timelineModel(60, { tokenToleranceSeconds: 1800, gaxTokenLifeMinutes: 60 });
    expect(wide.marks.every((k) => k.lane === 0)).toBe(true);
    // three instants crowded at one end take three rows
    const crowded = timelineModel(60, { tokenToleranceSeconds: 1800 });
    expect(crowded.marks.slice(2).map((k) => [k.label, k.lane])).toEqual([
      ['issued', 0],
      ['expires', 1],
      ['accepted until', 2],
    ]);
  });
});
