/**
 * Step 4, "Try it": one click starts the wizard's own mock CS with its options and logs in as GAX would;
 * the replays then provoke the classic failures one login at a time, each followed by putting the
 * mock CS back to the wizard's options. The step trace fills in live from `login.step` events.
 */
import { api } from '../api.js';
import type { RequestInput, RequestOutput } from '../../../src-main/ipc/contract/index.js';
import { problemOf, type ApiProblem } from './check.svelte.js';
import { REPLAY_TITLES, replayPlan, type ReplayId, type ReplayPlan } from './replays.js';
import { mockCsPatchFor, type SetupWizard, type WizardSettings } from './wizard.svelte.js';

export type LoginResult = RequestOutput<'login.run'>;
export type TraceStep = LoginResult['steps'][number];
type MockCsView = RequestOutput<'mockcs.status'>;
type Credentials = Extract<RequestInput<'login.run'>['credentials'], { kind: 'gax' }>;

export interface LoginRun {
  runId: string;
  kind: 'try' | ReplayId;
  title: string;
  /** what was set up for this login, in words */
  setup: string;
  /** the code a replay is meant to provoke */
  expectCode: string | null;
  userName: string;
  steps: TraceStep[];
  result: LoginResult | null;
  /** the request itself failed (no result): the mock CS not running, a bad input */
  problem: ApiProblem | null;
  /** putting the mock CS back to the wizard's options failed after a replay */
  restoreProblem: ApiProblem | null;
}

export interface TriedServer {
  host: string;
  port: number;
  tls: boolean;
  /** what the wizard changed on the mock CS to make the try possible, one line each */
  notes: string[];
}

export class TryIt {
  server = $state<TriedServer | null>(null);
  main = $state<LoginRun | null>(null);
  replays = $state<Partial<Record<ReplayId, LoginRun>>>({});
  busy = $state<'try' | ReplayId | null>(null);
  /** the outcome of putting the wizard's options on the user's own mock CS (asked for with its own button) */
  adopted = $state<{ ok: true; where: string } | { ok: false; problem: ApiProblem } | null>(null);
  /** starting the mock CS or preparing its user failed */
  problem = $state<ApiProblem | null>(null);
  /** the settings of the last try, to tell when the options changed since */
  private triedKey = $state<string | null>(null);
  private readonly wizard: SetupWizard;
  private readonly newUuid: () => string;

  constructor(wizard: SetupWizard, newUuid: () => string = () => crypto.randomUUID()) {
    this.wizard = wizard;
    this.newUuid = newUuid;
  }

  /** Why nothing can be tried yet; null when it can. */
  get unavailable(): string | null {
    const s = this.wizard.settings;
    if (!s) return 'Fix the options of steps 1 and 2 first.';
    if (!s.confservTrusted)
      return 'With confserv_trusted=false GAX sends passwords, not tokens: there is no token login to try. Set it to true in step 2.';
    if (this.wizard.sampleUserProblem !== null) return `The sample username of step 3 cannot be used: ${this.wizard.sampleUserProblem}.`;
    return null;
  }

  /** The options changed since the last try: its result no longer describes them. */
  get stale(): boolean {
    const s = this.wizard.settings;
    return this.triedKey !== null && s !== null && this.triedKey !== keyOf(s, this.wizard.sampleUser);
  }

  get tried(): boolean {
    return this.triedKey !== null;
  }

  /** Starts (or re-options) the mock CS with the wizard's options and logs in as the sample user. */
  async tryIt(): Promise<void> {
    const s = this.wizard.settings;
    if (this.busy || !s || this.unavailable) return;
    this.busy = 'try';
    this.problem = null;
    this.replays = {};
    try {
      const view = await this.prepareServer(s);
      if (!view) return;
      this.triedKey = keyOf(s, this.wizard.sampleUser);
      this.main = await this.login({
        kind: 'try',
        title: 'Login as GAX',
        setup: '',
        expectCode: null,
        userName: this.wizard.sampleUser,
        credentials: credentialsFor(s),
      });
    } finally {
      this.busy = null;
    }
  }

  /** Provokes one classic failure, then puts the mock CS back to the wizard's options. */
  async replay(id: ReplayId): Promise<void> {
    const s = this.wizard.settings;
    if (this.busy || !s || this.unavailable) return;
    this.busy = id;
    this.problem = null;
    try {
      const view = await this.prepareServer(s);
      if (!view) return;
      const plan = replayPlan(
        id,
        s,
        view.options.users.map((u) => u.userName),
      );
      if (!plan.available) {
        this.replays[id] = this.emptyRun(id, plan, { message: `This replay cannot be shown with these options: ${plan.reason}.` });
        return;
      }
      const credentials = credentialsFor(s);
      if (plan.gaxClockOffsetSeconds !== undefined) credentials.gaxClockOffsetSeconds = plan.gaxClockOffsetSeconds;
      if (plan.foreignUuid) credentials.tokenUuid = { kind: 'typed', value: this.newUuid() };
      let run: LoginRun;
      try {
        if (plan.serverClockOffsetSeconds !== undefined) {
          const set = await api.invoke('mockcs.tryIt.update', { patch: { clockOffsetSeconds: plan.serverClockOffsetSeconds } });
          if (!set.ok) {
            this.replays[id] = this.emptyRun(id, plan, problemOf(set.error));
            return;
          }
        }
        run = await this.login({
          kind: id,
          title: REPLAY_TITLES[id],
          setup: plan.setup,
          expectCode: plan.expectCode,
          userName: plan.userName ?? this.wizard.sampleUser,
          credentials,
        });
      } finally {
        // Whatever happened, the mock CS goes back to what the wizard describes.
        const restored = await api.invoke('mockcs.tryIt.update', { patch: mockCsPatchFor(s) });
        if (!restored.ok)
          this.problem = {
            message: `The mock CS could not be put back to the wizard's options: ${restored.error.message}`,
            ...(restored.error.hint ? { hint: restored.error.hint } : {}),
          };
      }
      this.replays[id] = run;
    } finally {
      this.busy = null;
    }
  }

  /**
   * On the person's explicit click only: the wizard's token options on their own mock CS (the Server
   * view's), started, with the sample user able to log in — so Connect can log in with this setup.
   * Its other users and its listeners are kept; a port held by another program falls back to a free one.
   */
  async adoptOnOwnMockCs(): Promise<void> {
    const s = this.wizard.settings;
    if (this.busy || !s || this.unavailable) return;
    this.busy = 'try';
    this.adopted = null;
    try {
      let started = await api.invoke('mockcs.start', { options: mockCsPatchFor(s) });
      if (!started.ok && started.error.code === 'PORT_IN_USE') {
        const moved = await api.invoke('mockcs.listeners.set', { listeners: [{ host: '127.0.0.1', port: 0, tls: false }] });
        started = moved.ok ? await api.invoke('mockcs.start', {}) : moved;
      }
      if (!started.ok) return void (this.adopted = { ok: false, problem: problemOf(started.error) });
      const user = started.data.options.users.find((u) => u.userName === this.wizard.sampleUser);
      if (!user?.enabled) {
        const added = await api.invoke('mockcs.users.upsert', { userName: this.wizard.sampleUser, enabled: true });
        if (!added.ok) return void (this.adopted = { ok: false, problem: problemOf(added.error) });
        started = added;
      }
      this.adopted = { ok: true, where: started.data.listeners.map((l) => `${l.host}:${l.port}`).join(', ') };
    } finally {
      this.busy = null;
    }
  }

  /**
   * Starts the wizard's own mock CS with the options (re-options it when running) and makes sure the
   * sample user can log in. It is never the user's mock CS nor an open lab's (main keeps it apart,
   * on a free loopback port), so trying a setup replaces nothing anyone else set up.
   */
  private async prepareServer(s: WizardSettings): Promise<MockCsView | null> {
    const prepared = await api.invoke('mockcs.tryIt.prepare', { options: mockCsPatchFor(s), userName: this.wizard.sampleUser });
    if (!prepared.ok) return this.fail(prepared.error);
    const { view, notes } = prepared.data;
    const listener = view.listeners[0];
    if (!listener) return this.fail({ message: 'the trial mock CS is running but has no listener', hint: 'Try again.' });
    this.server = { host: listener.host, port: listener.port, tls: listener.tls, notes };
    return view;
  }

  private fail(e: { message: string; hint?: string | undefined }): null {
    this.problem = problemOf(e);
    return null;
  }

  private emptyRun(id: ReplayId, plan: ReplayPlan, problem: ApiProblem): LoginRun {
    return {
      runId: '',
      kind: id,
      title: REPLAY_TITLES[id],
      setup: plan.available ? plan.setup : '',
      expectCode: plan.available ? plan.expectCode : null,
      userName: this.wizard.sampleUser,
      steps: [],
      result: null,
      problem,
      restoreProblem: null,
    };
  }

  private async login(
    r: Omit<LoginRun, 'runId' | 'steps' | 'result' | 'problem' | 'restoreProblem'> & { credentials: Credentials },
  ): Promise<LoginRun> {
    const runId = `setup-${r.kind}-${this.newUuid()}`;
    const { credentials, ...shown } = r;
    const run: LoginRun = $state({ ...shown, runId, steps: [], result: null, problem: null, restoreProblem: null });
    if (r.kind === 'try') this.main = run;
    else this.replays[r.kind] = run;
    const off = api.on('login.step', (e) => {
      if (e.runId !== runId) return;
      const i = run.steps.findIndex((x) => x.id === e.step.id);
      if (i >= 0) run.steps[i] = e.step;
      else run.steps.push(e.step);
    });
    try {
      const answer = await api.invoke('login.run', { runId, target: { kind: 'mockcs', host: 'try-it' }, userName: r.userName, credentials });
      if (answer.ok) {
        run.result = answer.data;
        run.steps = answer.data.steps;
      } else run.problem = problemOf(answer.error);
    } finally {
      off();
    }
    return run;
  }
}

function credentialsFor(s: WizardSettings): Credentials {
  return {
    kind: 'gax',
    confservTrusted: s.confservTrusted,
    tokenLifeMinutes: s.lifeMinutes,
    // Left to the CS: GAX reads the token-uuid from the configuration; here, from the mock CS.
    tokenUuid: s.tokenUuid === null ? { kind: 'mockcs', host: 'try-it' } : { kind: 'typed', value: s.tokenUuid },
    preamble: s.preamble,
  };
}

function keyOf(s: WizardSettings, user: string): string {
  return JSON.stringify([s, user]);
}
