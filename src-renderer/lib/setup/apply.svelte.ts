/**
 * Step 5, "Apply": the option files for CS `[system]` and GAX `[general]` and the change checklist,
 * written by the main side's options writer (`options.render`); saving them (`export.save`, or a
 * download in web mode); and saving the pair as profiles (a CS profile, a GAX profile, and the pair
 * that names them — all three or none).
 */
import { api } from '../api.js';
import type { RequestOutput } from '../../../src-main/ipc/contract/index.js';
import { saveText, type SaveOutcome } from '../server/save-file.js';
import { problemOf, type ApiProblem } from './check.svelte.js';
import type { SetupWizard } from './wizard.svelte.js';
import { currentSetup } from '../app/current-setup.svelte.js';

export type RenderedOptions = RequestOutput<'options.render'>;
export type ProfileSummary = RequestOutput<'profiles.create'>;

export class ApplyStep {
  /** write the token-uuid in clear; off: the line is a commented placeholder saying where to paste it */
  includeSecrets = $state(false);
  rendered = $state<RenderedOptions | null>(null);
  renderProblem = $state<ApiProblem | null>(null);
  saved = $state<Partial<Record<'cs' | 'gax' | 'checklist', SaveOutcome>>>({});
  profileName = $state('');
  profileBusy = $state(false);
  profileProblem = $state<ApiProblem | null>(null);
  savedPair = $state<{ cs: ProfileSummary; gax: ProfileSummary; pair: ProfileSummary } | null>(null);
  /** where the saved token-uuid is kept, when not for good (web mode keeps secrets for the session unless told otherwise) */
  secretKeptNote = $state<string | null>(null);
  private seq = 0;
  private readonly wizard: SetupWizard;
  private readonly clock: () => number;

  constructor(wizard: SetupWizard, clock: () => number) {
    this.wizard = wizard;
    this.clock = clock;
  }

  /** Whether there is a token-uuid to include at all (made or pasted here). */
  get hasSecret(): boolean {
    return this.wizard.settings?.tokenUuid != null;
  }

  /** A name to offer for the profiles: the date, so a second set-up gets another one. */
  suggestedName(): string {
    return `Token authentication ${new Date(this.clock()).toISOString().slice(0, 10)}`;
  }

  /** Puts the suggested name in the name field, unless the person already has one there. */
  offerProfileName(): void {
    if (this.profileName.trim() === '') this.profileName = this.suggestedName();
  }

  /** Asks the options writer for the two files and the checklist. */
  async render(): Promise<void> {
    const seq = ++this.seq;
    if (!this.wizard.settings) {
      this.rendered = null;
      return;
    }
    const r = await api.invoke('options.render', {
      cs: this.wizard.systemSection,
      gax: this.wizard.generalSection,
      includeSecrets: this.includeSecrets && this.hasSecret,
    });
    if (seq !== this.seq) return;
    if (r.ok) {
      this.rendered = r.data;
      this.renderProblem = null;
    } else {
      this.rendered = null;
      this.renderProblem = problemOf(r.error);
    }
    this.saved = {};
  }

  async save(which: 'cs' | 'gax' | 'checklist'): Promise<void> {
    const r = this.rendered;
    if (!r) return;
    const req =
      which === 'checklist'
        ? { suggestedName: 'token-authentication-checklist.txt', content: r.checklist, mime: 'text/plain' }
        : { suggestedName: r[which].fileName, content: r[which].text, mime: 'text/plain' };
    this.saved[which] = await saveText(req);
  }

  /**
   * Saves a CS profile (its `[system]` options, the token-uuid encrypted by the store), a GAX profile
   * and the pair naming both, under one name. If any of the three is refused, those already made are
   * removed again, so a failed save leaves nothing half-made behind.
   */
  async saveProfile(): Promise<void> {
    if (this.profileBusy || !this.wizard.settings) return;
    const name = this.profileName.trim() === '' ? this.suggestedName() : this.profileName.trim();
    this.profileBusy = true;
    this.profileProblem = null;
    this.savedPair = null;
    const made: string[] = [];
    try {
      const cs = await api.invoke('profiles.create', { kind: 'cs', name, options: this.wizard.systemSection });
      if (!cs.ok) return this.profileFailed(cs.error, made);
      made.push(cs.data.id);
      const gax = await api.invoke('profiles.create', { kind: 'gax', name, options: this.wizard.generalSection });
      if (!gax.ok) return this.profileFailed(gax.error, made);
      made.push(gax.data.id);
      const pair = await api.invoke('profiles.create', { kind: 'pair', name, csProfileId: cs.data.id, gaxProfileId: gax.data.id });
      if (!pair.ok) return this.profileFailed(pair.error, made);
      this.savedPair = { cs: cs.data, gax: gax.data, pair: pair.data };
      this.profileName = name;
      // The pair just saved is what the person set up: Connect, Tokens and Server start from it.
      await currentSetup.use(pair.data.id, name);
      // "Saved" must not promise more than the store keeps: say where the secret went (Settings says the same).
      const where = this.wizard.settings?.tokenUuid != null ? await api.invoke('settings.get', {}) : null;
      this.secretKeptNote = where?.ok && where.data.secretStorage.mode === 'session-only' ? where.data.secretStorage.description : null;
    } finally {
      this.profileBusy = false;
    }
  }

  private async profileFailed(e: { message: string; hint?: string | undefined }, made: string[]): Promise<void> {
    this.profileProblem = problemOf(e);
    for (const id of made.reverse()) await api.invoke('profiles.remove', { id });
  }
}
