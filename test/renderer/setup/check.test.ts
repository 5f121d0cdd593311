/**
 * The Check step's controller against the real main side: the sample token minted by the real
 * token handlers, the warnings from the real doctor, the wizard's own notes.
 */
import { describe, it, expect } from 'vitest';
import { SetupCheck, checkFiles, withoutLineNumbers, wizardNotes } from '../../../src-renderer/lib/setup/check.svelte.js';
import { setBridge } from '../../../src-renderer/lib/api.js';
import { decodeToken } from '../../../src-main/core/index.js';
import { useWizardOnRuntime } from './runtime-bridge.js';
import { tokenSettings } from './wizard-settings.js';

const NOW_MS = Date.UTC(2026, 0, 1, 12, 0, 0);
const UUID = '7e3a91c4-5b2d-4f86-a0e9-d41c2b7f6e35';
const THROWAWAY = '0b7e3c1a-9f2d-4c6b-8a1e-3d5f7a9c1e2b';

const ctx = useWizardOnRuntime((wizard) => ({ check: new SetupCheck(wizard, () => NOW_MS, THROWAWAY) }));

const ids = () => ctx.check.warnings.map((w) => w.id);

describe('the sample token', () => {
  it('is minted as GAX would, at the controller’s clock; with the token-uuid left to the CS, with a throwaway one', async () => {
    ctx.wizard.sampleUser = 'alice';
    await ctx.check.refresh();
    const sample = ctx.check.sample!;
    expect(sample.token).toMatch(/^\{PXZ\}[A-Za-z0-9_-]{40}$/);
    expect(sample.length).toBe(ctx.wizard.fit!.length);
    expect(sample.iat).toBe(NOW_MS / 1000);
    expect(sample.exp).toBe(NOW_MS / 1000 + 60 * 60);
    expect(ctx.check.sampleUsesThrowaway).toBe(true);
    const mint = ctx.rb.calls.find((c) => c.channel === 'token.mint')!;
    expect(mint.input).toMatchObject({
      username: 'alice',
      tokenUuid: { kind: 'typed', value: THROWAWAY },
      lifeMinutes: 60,
      preamble: '{PXZ}',
      now: NOW_MS / 1000,
    });
  });

  it('uses the wizard’s own token-uuid and preamble when it has them', async () => {
    Object.assign(ctx.wizard.cs, { uuidChoice: 'paste', pastedUuid: UUID, preamble: '{TOK}' });
    ctx.wizard.gax.life = '15';
    await ctx.check.refresh();
    expect(ctx.check.sampleUsesThrowaway).toBe(false);
    const decoded = decodeToken(ctx.check.sample!.token, '{TOK}');
    expect(decoded.ok && decoded.value.exp - decoded.value.iat).toBe(15 * 60);
    expect(ctx.rb.calls.find((c) => c.channel === 'token.mint')!.input).toMatchObject({ tokenUuid: { kind: 'typed', value: UUID } });
  });

  it('is not minted for a username that cannot be put in a token; the doctor still checks the options', async () => {
    ctx.wizard.sampleUser = 'x'.repeat(256);
    await ctx.check.refresh();
    expect(ctx.check.sample).toBeNull();
    expect(ctx.check.findings).not.toBeNull();
    expect(ctx.rb.calls.some((c) => c.channel === 'token.mint')).toBe(false);
  });

  it('drops an answer that arrives after a newer request', async () => {
    // hold back every answer of the first refresh until the second has finished
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let first = true;
    setBridge({
      async invoke(channel, input) {
        const answer = await ctx.rb.bridge.invoke(channel, input);
        if (first && channel === 'token.mint') await gate;
        return answer;
      },
      on: ctx.rb.bridge.on,
    });
    ctx.wizard.sampleUser = 'first';
    const older = ctx.check.refresh();
    first = false;
    ctx.wizard.sampleUser = 'second';
    await ctx.check.refresh();
    release();
    await older;
    expect(ctx.check.sample?.username).toBe('second');
  });
});

describe('the warnings', () => {
  it('the defaults: only the doctor’s note that the token-uuid is left to the CS', async () => {
    await ctx.check.refresh();
    expect(ctx.check.warnings).toEqual([
      expect.objectContaining({ id: 'UUID_NOT_SET', severity: 'info', source: 'doctor', message: '[system] token-uuid is not set' }),
    ]);
  });

  it('token-ttl shorter than the token life: fresh tokens refused, in the doctor’s words, with the corrected lines', async () => {
    ctx.wizard.cs.ttl = '20';
    await ctx.check.refresh();
    const w = ctx.check.warnings.find((x) => x.id === 'TTL_SHORTER_THAN_LIFE')!;
    expect(w.severity).toBe('error');
    expect(w.message).toBe('[system] token-ttl=20 is shorter than GAX token_life_in_minutes=60 in gax-general-options.cfg');
    expect(w.why).toMatch(/for its first 39 min it is refused as not yet valid \(NOT_YET_VALID\)/);
    expect(w.fix).toContain('token-ttl=60');
    expect(ctx.check.warnings[0]!.severity).toBe('error');
  });

  it('tolerance 0 means 60, a life too long, an ambiguous preamble, a token too long, tokens not enabled on the CS', async () => {
    ctx.wizard.cs.tolerance = '0';
    await ctx.check.refresh();
    expect(ids()).toContain('TOLERANCE_ZERO_MEANS_DEFAULT');
    expect(ctx.check.warnings.find((w) => w.id === 'TOLERANCE_ZERO_MEANS_DEFAULT')!.message).toBe(
      '[system] token-tolerance=0 means the default: 60 s',
    );

    ctx.wizard.cs.tolerance = '';
    ctx.wizard.gax.life = '480';
    ctx.wizard.cs.preamble = 'ab';
    ctx.wizard.sampleUser = 'a-rather-long-username';
    await ctx.check.refresh();
    expect(ids()).toEqual(expect.arrayContaining(['LIFE_TOO_LONG', 'PREAMBLE_AMBIGUOUS', 'TOKEN_TOO_LONG']));

    ctx.wizard.cs.mode = 'disable';
    await ctx.check.refresh();
    expect(ids()).toContain('MODE_NOT_ENABLED');
  });

  it('never quotes the token-uuid, and names options without line numbers', async () => {
    Object.assign(ctx.wizard.cs, { uuidChoice: 'paste', pastedUuid: UUID, ttl: '5', tolerance: '900' });
    await ctx.check.refresh();
    const text = JSON.stringify(ctx.check.warnings);
    expect(text).not.toContain(UUID);
    expect(text).not.toContain(UUID.replace(/-/g, ''));
    expect(text).not.toMatch(/\(lines? \d/);
    expect(ids()).toEqual(expect.arrayContaining(['TTL_SHORTER_THAN_LIFE', 'TOLERANCE_TOO_LARGE']));
  });

  it('says so when the doctor cannot be asked, and keeps the wizard’s own notes', async () => {
    setBridge({
      invoke: async (channel, input) =>
        channel === 'doctor.diagnose'
          ? { ok: false, error: { code: 'DISCONNECTED', message: 'the connection to GAX Token Lab was lost', hint: 'It reconnects by itself.' } }
          : ctx.rb.bridge.invoke(channel, input),
      on: ctx.rb.bridge.on,
    });
    ctx.wizard.cs.ttl = '0';
    await ctx.check.refresh();
    expect(ctx.check.doctorProblem).toEqual({ message: 'the connection to GAX Token Lab was lost', hint: 'It reconnects by itself.' });
    expect(ids()).toEqual(['TTL_ZERO_MEANS_UNSET']);
    expect(ctx.check.sample).not.toBeNull();
  });
});

describe('pure helpers', () => {
  it('the wizard notes come from the settings alone', () => {
    const base = tokenSettings(30);
    expect(wizardNotes(base)).toEqual([]);
    expect(wizardNotes({ ...base, ttlMinutes: 0 })[0]!.message).toBe(
      '[system] token-ttl=0 means unset: the CS uses GAX token_life_in_minutes (30 min)',
    );
  });

  it('the doctor reads the same lines the Apply step writes', () => {
    const [cs, gax] = checkFiles({ 'token-authentication-mode': 'enable' }, { confserv_trusted: 'true' });
    expect(cs).toEqual({ name: 'cs-system-options.cfg', text: '[system]\ntoken-authentication-mode=enable\n', application: 'cs' });
    expect(gax!.text).toBe('[general]\nconfserv_trusted=true\n');
  });

  it('line numbers are taken out of the doctor’s wording', () => {
    expect(withoutLineNumbers('[system] token-ttl=5 (line 2) is shorter than GAX token_life_in_minutes=60 (line 3) in x.cfg')).toBe(
      '[system] token-ttl=5 is shorter than GAX token_life_in_minutes=60 in x.cfg',
    );
    expect(withoutLineNumbers('seen on lines 3, 7, 9 and 4 more (lines 3 and 7)')).toBe('seen on lines 3, 7, 9 and 4 more');
  });
});
