/**
 * runLogin: log in to a CS as GAX would, one timed step at a time, and say how it ended —
 * never by throwing. The password, the token-uuid and the whole token stay inside this run:
 * the result and the trace hold only the redacted token.
 */
import { isoSeconds } from '../core/index.js';
import { withDeadline } from './deadline.js';
import { isLoginFailure, LoginFailure } from './failure.js';
import { cancelledFailure, describeTarget, errorText, timeoutFailure, type TargetContext } from './explain-failure.js';
import { explainServerError, type RejectionContext } from './explain-rejection.js';
import { ProtocolViolation, RequestRefused, ServerAnswerError, toServerError, type CsmockMessage, type CsmockSession } from './csmock-session.js';
import { describeToken, mintAsGax, presetAsGax, type GaxToken } from './gax-token.js';
import { explainStepError, openSession, runStep, type OpeningFacts } from './open-session.js';
import { Trace, type StepListener } from './trace.js';
import { planLogin, type LoginPlan } from './validate-request.js';
import type { ClockMeasurement, LoginRequest, LoginResult, StepId } from './types.js';

/** how long the polite goodbye may take after an accepted login */
const UNREGISTER_GRACE_MS = 2000;

export async function runLogin(req: LoginRequest, onStep?: StepListener): Promise<LoginResult> {
  const clock = safeClock(typeof req?.clock === 'function' ? req.clock : Date.now);
  const trace = new Trace(clock, onStep);
  const plan = planLogin(req);
  if (!plan.ok) return { outcome: 'invalid-input', steps: trace.finish('not run: the input is invalid'), message: plan.message, fix: plan.fix };
  try {
    return await new LoginRun(plan.value, trace, clock, req.signal).run();
  } catch (e) {
    // LoginRun turns every failure into a result; this is the last guard of "never throws".
    return {
      outcome: 'unreachable',
      steps: trace.finish('not reached'),
      message: `the login stopped unexpectedly: ${errorText(e)}`,
      fix: 'Try again; if it persists, report it with the step trace.',
    };
  }
}

/** a clock that throws or returns nonsense must not break the run */
function safeClock(clock: () => number): () => number {
  return () => {
    try {
      const t = clock();
      return Number.isFinite(t) ? t : Date.now();
    } catch {
      return Date.now();
    }
  };
}

class LoginRun {
  private readonly ctx: TargetContext;
  private readonly facts: OpeningFacts = {};
  private session: CsmockSession | null = null;
  private clockMeasured: ClockMeasurement | undefined;
  private token: GaxToken | null = null;

  constructor(
    private readonly plan: LoginPlan,
    private readonly trace: Trace,
    private readonly clock: () => number,
    private readonly signal: AbortSignal | undefined,
  ) {
    this.ctx = { host: plan.host, port: plan.port, tls: plan.tls !== null };
  }

  async run(): Promise<LoginResult> {
    try {
      if (this.signal?.aborted) throw new LoginFailure('cancelled', 'cancelled before the login started', '');
      const opened = await openSession(
        { host: this.plan.host, port: this.plan.port, tls: this.plan.tls, timeouts: this.plan.timeouts, signal: this.signal, clock: this.clock },
        this.trace,
        this.facts,
        (e, step) => this.refusal(e, step),
      );
      this.session = opened.session;
      this.clockMeasured = opened.clock;
      this.mintStep();
      const registered = await this.registerStep(opened.session);
      await this.unregister(opened.session);
      return registered;
    } catch (e) {
      const failure = isLoginFailure(e) ? e : this.unexpected(e);
      const running = this.trace.running;
      if (running) this.trace.fail(running, failure.stepDetail);
      this.session?.destroy();
      return this.result(failure.outcome, failure.message, failure.fix, {
        ...(failure.server ? { server: failure.server } : {}),
        source: failure.source,
      });
    }
  }

  private mintStep(): void {
    const secret = this.plan.secret;
    if (secret.kind === 'password') {
      this.trace.skip(
        'token',
        secret.why === 'password' ? 'password login: no token' : 'confserv_trusted=false: GAX sends the password, not a token',
      );
      return;
    }
    this.trace.start('token');
    try {
      const now = this.clock();
      const preset = secret.presetToken !== undefined;
      this.token = preset ? presetAsGax(secret.presetToken!, secret.preamble) : mintAsGax(secret, this.plan.userName, now);
      const s = this.token.summary;
      this.trace.ok('token', describeToken(this.token, this.plan.userName, secret, this.clockMeasured?.offsetMs, now, preset), {
        redacted: s.redacted,
        length: s.length,
        iat: s.iat,
        exp: s.exp,
        fitsPasswordField: s.fitsPasswordField,
        passwordFieldLimit: this.token.fit.limit,
        ...(preset ? { replayed: true } : {}),
      });
    } catch (e) {
      const failure = isLoginFailure(e) ? e : this.unexpected(e);
      this.trace.fail('token', failure.stepDetail);
      throw failure;
    }
  }

  private async registerStep(session: CsmockSession): Promise<LoginResult> {
    const secret = this.plan.secret;
    const password = secret.kind === 'password' ? secret.password : this.token!.value;
    const answer = await runStep(
      this.trace,
      'register',
      this.ctx,
      async () => {
        if (this.signal?.aborted) throw cancelledFailure('register');
        const { requestId, answer } = session.request('RegisterClient', {
          clientName: this.plan.clientName,
          userName: this.plan.userName,
          password,
        });
        const m = await withDeadline(answer, {
          timeoutMs: this.plan.timeouts.register,
          signal: this.signal,
          onTimeout: () => timeoutFailure('register', this.plan.timeouts.register, this.ctx),
          onAbort: () => cancelledFailure('register'),
          release: () => session.forget(requestId),
        });
        if (m.type === 'Error') throw new RequestRefused(toServerError(m));
        if (m.type !== 'ClientRegistered') throw new ProtocolViolation(`it answered RegisterClient with a ${m.type} message`);
        return { value: m, ...this.registeredDetail(m) };
      },
      (e) => (e instanceof ServerAnswerError ? this.refusal(e, 'register') : explainStepError(e, 'register', this.ctx)),
    );
    const registered = this.sessionOf(answer);
    const how = registered.authMethod === 'token' ? 'by token' : 'by password';
    const until =
      registered.tokenExpires !== undefined
        ? `; the token expires at ${isoSeconds(Math.floor(registered.tokenExpires / 1000))} by the server's clock`
        : '';
    return this.result(
      'accepted',
      `"${this.plan.userName}" is registered on ${describeTarget(this.plan.host, this.plan.port)} ${how} (session ${registered.sessionId})${until}`,
      '',
      { session: registered },
    );
  }

  private registeredDetail(m: CsmockMessage): { detail: string; data: Record<string, unknown> } {
    const s = this.sessionOf(m);
    return {
      detail: `ClientRegistered: ${s.authMethod} login, session ${s.sessionId}`,
      data: { sessionId: s.sessionId, authMethod: s.authMethod, ...(s.tokenExpires !== undefined ? { tokenExpires: s.tokenExpires } : {}) },
    };
  }

  private sessionOf(m: CsmockMessage): NonNullable<LoginResult['session']> {
    const authMethod = m.authMethod === 'token' ? 'token' : 'password';
    return {
      sessionId: typeof m.sessionId === 'string' ? m.sessionId : String(m.sessionId ?? ''),
      authMethod,
      ...(typeof m.tokenExpires === 'number' ? { tokenExpires: m.tokenExpires } : {}),
    };
  }

  /** the polite goodbye: UnregisterClient, then close; its failure does not change the outcome */
  private async unregister(session: CsmockSession): Promise<void> {
    const { requestId, answer } = session.request('UnregisterClient');
    await withDeadline(answer, {
      timeoutMs: Math.min(this.plan.timeouts.register, UNREGISTER_GRACE_MS),
      signal: this.signal,
      onTimeout: () => new Error('no ClientUnregistered'),
      onAbort: () => new Error('cancelled'),
      release: () => session.forget(requestId),
    }).catch(() => undefined);
    await session.close(UNREGISTER_GRACE_MS);
  }

  private refusal(e: ServerAnswerError, step: StepId): LoginFailure {
    const explained = explainServerError(e.answer, this.rejectionContext());
    return new LoginFailure('rejected', explained.message, explained.fix, {
      source: explained.source,
      stepDetail: `${step === 'register' ? '' : 'server refused: '}${e.answer.code}: ${e.answer.message}`,
      server: e.answer,
    });
  }

  private rejectionContext(): RejectionContext {
    const secret = this.plan.secret;
    return {
      userName: this.plan.userName,
      sent: secret.kind === 'token' ? 'token' : 'password',
      nowMs: this.clock(),
      ...(secret.kind === 'token'
        ? { preamble: secret.preamble, tokenLifeMinutes: secret.lifeMinutes, gaxClockOffsetSeconds: secret.gaxClockOffsetSeconds }
        : {}),
      ...(this.token ? { token: this.token.decoded } : {}),
      ...(this.clockMeasured ? { serverOffsetMs: this.clockMeasured.offsetMs } : {}),
    };
  }

  private unexpected(e: unknown): LoginFailure {
    return this.unexpectedIn(e, this.trace.running ?? 'register');
  }

  private unexpectedIn(e: unknown, step: StepId): LoginFailure {
    return new LoginFailure(
      'unreachable',
      `unexpected failure in ${step}: ${errorText(e)}`,
      'Try again; if it persists, report it with the step trace.',
      { stepDetail: errorText(e) },
    );
  }

  private result(outcome: LoginResult['outcome'], message: string, fix: string, extra: Partial<LoginResult>): LoginResult {
    return {
      outcome,
      steps: this.trace.finish('not reached'),
      ...extra,
      ...(this.clockMeasured ? { clock: this.clockMeasured } : {}),
      ...(this.facts.certificate ? { certificate: this.facts.certificate } : {}),
      ...(this.token ? { token: { ...this.token.summary } } : {}),
      message,
      fix,
    };
  }
}
