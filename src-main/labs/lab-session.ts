/**
 * The open lab, held by main: its CS side is a mock CS of the lab's own (the broken setup applied on
 * open, then changed by the trainee in the Server view, which shows the lab's mock CS while the lab
 * is open); its GAX side lives here (changed in the Labs view). Leaving the lab stops its mock CS
 * and puts the user's own back in front, untouched. Check builds the whole setup from both and runs
 * a real GAX login against the lab's mock CS; progress is saved in the store.
 */
import { findScenario, gaxSigning, LAB_SCENARIOS } from '../core/labs/index.js';
import type { LabCheckResult, LabGaxSetup, LabProgressEntry, LabScenario, LabSetup, LabText } from '../core/labs/types.js';
import { labCsFromMockCs, runLabCheck } from './index.js';
import { notStarted, type OpenLab } from '../store/index.js';
import type { LabGaxPatch, OpenLabView } from '../ipc/contract/labs.js';
import { canonicalUuid, copyText } from './lab-gax-view.js';
import { checkTarget } from './lab-check-target.js';
import { HandlerError } from '../workbench/failure.js';
import type { LabHost, LabSessionServices } from './needs.js';
import { applyBrokenCs } from './broken-cs.js';
import { labExportFiles, openLabView } from './lab-view.js';

export class LabSession {
  private lastCheck: LabCheckResult | null = null;
  private notice: string | null = null;
  /** the saved open lab's CS side has been put on the mock CS in this run of the app */
  private applied = false;
  private checking: AbortController | null = null;

  constructor(private readonly services: LabSessionServices) {}

  list(): {
    labs: { id: string; title: string; story: string; hintCount: number; fixIn: ('cs' | 'gax')[]; progress: LabProgressEntry }[];
    openId: string | null;
  } {
    return {
      labs: LAB_SCENARIOS.map((s) => ({
        id: s.id,
        title: s.title,
        story: s.story,
        hintCount: s.hints.length,
        fixIn: [...s.fixIn],
        progress: this.services.store.labs.entry(s.id),
      })),
      openId: this.services.store.labs.open()?.scenarioId ?? null,
    };
  }

  async open(id: string): Promise<OpenLabView> {
    const scenario = scenarioOrThrow(id);
    await this.putBrokenSetup(scenario, { scenarioId: id, openedAt: this.nowIso() });
    const entry = this.services.store.labs.entry(id);
    if (entry.status === 'not-started') await this.saveEntry(id, { ...entry, status: 'in-progress', startedAt: entry.startedAt ?? this.nowIso() });
    return await this.view();
  }

  /**
   * The open lab. After a restart the mock CS starts from its defaults, so the saved lab's broken
   * CS side is put back on it the first time the lab is shown (the GAX side was saved as it was).
   */
  async current(): Promise<OpenLabView | null> {
    const open = this.services.store.labs.open();
    if (!open) return null;
    const scenario = findScenario(open.scenarioId);
    if (!scenario) {
      await this.services.store.labs.setOpen(null);
      return null;
    }
    if (!this.applied) {
      const where = await applyBrokenCs(await this.host(scenario), scenario);
      this.applied = true;
      this.notice = `The app was restarted: the lab's mock CS was given its broken CS setup again (on ${where}); the GAX side is as you left it.`;
    }
    return await this.view();
  }

  /**
   * Leaves the open lab: its mock CS stops and is forgotten, the user's own mock CS is back in the
   * Server view exactly as it was (it was never touched). Progress stays saved; opening the lab
   * again starts from its broken setup.
   */
  async close(): Promise<{ closed: string | null }> {
    const open = this.services.store.labs.open();
    this.checking?.abort();
    this.lastCheck = null;
    this.notice = null;
    if (open) await this.services.leaveLabMockCs(open.scenarioId);
    const saved = await this.services.store.labs.setOpen(null);
    if (!saved.ok) throw new HandlerError(saved.error.code, saved.error.message, saved.error.hint);
    return { closed: open?.scenarioId ?? null };
  }

  async updateGax(patch: LabGaxPatch): Promise<OpenLabView> {
    const open = this.openOrThrow();
    const gax: LabGaxSetup = { ...open.gax };
    for (const [key, value] of Object.entries(patch) as [keyof LabGaxPatch, unknown][]) {
      if (value === undefined) continue;
      if (key === 'tokenUserName' || key === 'password') {
        if (value === null) delete gax[key];
        else gax[key] = value as string;
      } else (gax as unknown as Record<string, unknown>)[key] = value;
    }
    await this.saveOpen({ ...open, gax });
    return await this.view();
  }

  async removeExtraOption(name: string): Promise<OpenLabView> {
    const open = this.openOrThrow();
    if (!(name in open.extraOptions))
      throw new HandlerError('NOT_FOUND', `the CS application has no option ${JSON.stringify(name)} typed`, 'Reload the Labs view.');
    const extraOptions = Object.fromEntries(Object.entries(open.extraOptions).filter(([k]) => k !== name));
    await this.saveOpen({ ...open, extraOptions });
    return await this.view();
  }

  /** The CS and GAX applications' options as an administrator would export them (see labExportFiles). */
  async exportFiles(): Promise<{ name: string; text: string; application: 'cs' | 'gax' }[]> {
    const open = this.openOrThrow();
    const cs = (await this.host(scenarioOrThrow(open.scenarioId))).cs();
    return labExportFiles(open, labCsFromMockCs(cs.getOptions(), cs.tokenUuid(), open.extraOptions));
  }

  /**
   * The token-uuid GAX signs with in the open lab (the primary CS's, GAX-SIDE), for the GAX card's
   * and the classroom handout's Show: asked for on a click, for the open lab only, never logged.
   * Where the lab's CS is the primary it is the mock CS's own; where it is a backup, the primary's.
   */
  async handoutTokenUuid(id: string): Promise<{ id: string; tokenUuid: string }> {
    const open = this.openOrThrow();
    if (open.scenarioId !== id)
      throw new HandlerError('NOT_OPEN', `the lab ${JSON.stringify(id)} is not the open one`, 'Open it first, then show its token-uuid.');
    return { id, tokenUuid: canonicalUuid(gaxSigning(scenarioOrThrow(id), await this.currentSetup(open)).tokenUuid) };
  }

  /** The whole setup as it stands: the CS side as the lab's mock CS runs now, the GAX side as saved. */
  private async currentSetup(open: OpenLab): Promise<LabSetup> {
    const cs = (await this.host(scenarioOrThrow(open.scenarioId))).cs();
    return { cs: labCsFromMockCs(cs.getOptions(), cs.tokenUuid(), open.extraOptions), gax: open.gax };
  }

  /** The lab's own mock CS, in front. */
  private host(scenario: LabScenario): Promise<LabHost> {
    return this.services.labMockCs(scenario.id, scenario.title);
  }

  /** One check at a time; a second one while the first runs is refused (it would count twice). */
  async check(): Promise<OpenLabView> {
    const open = this.openOrThrow();
    const scenario = scenarioOrThrow(open.scenarioId);
    if (this.checking) throw new HandlerError('CHECK_IN_PROGRESS', 'a check of this lab is already running', 'Wait for its result.');
    const target = checkTarget((await this.host(scenario)).cs());
    const controller = new AbortController();
    this.checking = controller;
    let result: LabCheckResult;
    try {
      const setup = await this.currentSetup(open);
      result = await runLabCheck({ scenario, setup, target, clock: this.services.clock, signal: controller.signal });
    } finally {
      this.checking = null;
    }
    // The lab may have been closed or changed while the login ran: keep the result only for it.
    if (this.services.store.labs.open()?.scenarioId !== scenario.id) return await this.view();
    this.lastCheck = result;
    const entry = this.services.store.labs.entry(scenario.id);
    const now = this.nowIso();
    await this.saveEntry(scenario.id, {
      ...entry,
      attempts: entry.attempts + 1,
      startedAt: entry.startedAt ?? now,
      ...(result.solved
        ? { status: 'solved' as const, solvedAt: entry.solvedAt ?? now }
        : entry.status === 'solved'
          ? {}
          : { status: 'in-progress' as const }),
    });
    return await this.view();
  }

  async hint(id: string): Promise<{ id: string; hints: LabText[]; progress: LabProgressEntry }> {
    const scenario = scenarioOrThrow(id);
    const entry = this.services.store.labs.entry(id);
    if (entry.hintsShown >= scenario.hints.length)
      throw new HandlerError('NO_MORE_HINTS', `all ${scenario.hints.length} hints of this lab are shown`, 'Reveal the solution if you are stuck.');
    const progress = await this.saveEntry(id, { ...entry, hintsShown: entry.hintsShown + 1 });
    return { id, hints: scenario.hints.slice(0, progress.hintsShown).map(copyText), progress };
  }

  async reveal(id: string): Promise<{ id: string; solution: LabText; explanation: LabText; progress: LabProgressEntry }> {
    const scenario = scenarioOrThrow(id);
    const entry = this.services.store.labs.entry(id);
    const progress = entry.revealed ? entry : await this.saveEntry(id, { ...entry, revealed: true });
    return { id, solution: copyText(scenario.solution), explanation: copyText(scenario.explanation), progress };
  }

  /** Progress back to not started; the open lab also gets its broken setup back, on both sides. */
  async reset(id: string): Promise<{ id: string; progress: LabProgressEntry; lab: OpenLabView | null }> {
    const scenario = scenarioOrThrow(id);
    const progress = await this.saveEntry(id, notStarted());
    const open = this.services.store.labs.open();
    if (open?.scenarioId !== id) return { id, progress, lab: null };
    await this.putBrokenSetup(scenario, open);
    return { id, progress, lab: await this.view() };
  }

  dispose(): void {
    this.checking?.abort();
  }

  // -------------------------------------------------------------------------------------------

  /** The scenario's broken setup on both sides: its CS on the lab's mock CS, its GAX side and typed options saved. */
  private async putBrokenSetup(scenario: LabScenario, open: Pick<OpenLab, 'scenarioId' | 'openedAt'>): Promise<void> {
    await applyBrokenCs(await this.host(scenario), scenario);
    this.notice = null;
    this.applied = true;
    this.lastCheck = null;
    await this.saveOpen({
      scenarioId: open.scenarioId,
      openedAt: open.openedAt,
      gax: structuredClone(scenario.broken.gax),
      extraOptions: { ...scenario.broken.cs.extraOptions },
    });
  }

  private async view(): Promise<OpenLabView> {
    const open = this.openOrThrow();
    const scenario = scenarioOrThrow(open.scenarioId);
    const setup = await this.currentSetup(open);
    return openLabView(scenario, open, setup, this.services.store.labs.entry(scenario.id), this.lastCheck, this.notice);
  }

  private openOrThrow(): OpenLab {
    const open = this.services.store.labs.open();
    if (!open) throw new HandlerError('NO_LAB_OPEN', 'no lab is open', 'Open a lab from the list first.');
    return open;
  }

  private async saveOpen(open: OpenLab): Promise<void> {
    const saved = await this.services.store.labs.setOpen(open);
    if (!saved.ok) throw new HandlerError(saved.error.code, saved.error.message, saved.error.hint);
  }

  private async saveEntry(id: string, entry: LabProgressEntry): Promise<LabProgressEntry> {
    const saved = await this.services.store.labs.putEntry(id, entry);
    if (!saved.ok) throw new HandlerError(saved.error.code, saved.error.message, saved.error.hint);
    return saved.data;
  }

  private nowIso(): string {
    return new Date(this.services.clock()).toISOString();
  }
}

function scenarioOrThrow(id: string): LabScenario {
  const scenario = findScenario(id);
  if (!scenario) throw new HandlerError('NOT_FOUND', `there is no lab ${JSON.stringify(id)}`, 'Pick a lab from the list.');
  return scenario;
}
