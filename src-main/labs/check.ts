/**
 * runLabCheck: is the trainee's fix right? It runs a real GAX login (src-main/client) against a
 * mock CS — one started just for the check from the setup's CS side, or the app's running one —
 * and then asks the judge whether the way GAX got in is the right one. It never throws: a setup
 * that cannot even run is answered as a failed login with the reason.
 */
import { adviceSource, mintAt } from '../core/index.js';
import { judgeFix, labUser, withGaxSigning, type LabCheckResult, type LabScenario, type LabSetup } from '../core/labs/index.js';
import { runLogin, type GaxCredentials, type LoginResult, type TlsTarget } from '../client/index.js';
import { MockCs } from '../mockcs/index.js';
import { labCsToMockCsOptions } from './mock-cs-setup.js';
import { checkLabSetup } from './setup-file.js';

export interface LabCheckTarget {
  host: string;
  port: number;
  tls?: TlsTarget | null;
}

export interface LabCheckInput {
  scenario: LabScenario;
  setup: LabSetup;
  /** log in here (the app's running mock CS); without it a mock CS is started from `setup.cs` for the check */
  target?: LabCheckTarget;
  /** the real clock, ms since the epoch (both the CS's and GAX's simulated clocks are offsets from it); default Date.now */
  clock?: () => number;
  signal?: AbortSignal;
}

type Login = LabCheckResult['login'];

export async function runLabCheck(input: LabCheckInput): Promise<LabCheckResult> {
  const clock = input.clock ?? Date.now;
  const scenarioId = typeof input.scenario?.id === 'string' ? input.scenario.id : '';
  const checked = checkLabSetup(input.setup);
  if (!checked.ok) {
    // Nothing can be judged on a setup that is not one: say what is wrong with it.
    return {
      scenarioId,
      solved: false,
      verdict: 'Not solved: the setup is not valid, so no login was tried.',
      login: { outcome: 'invalid-input', message: `the setup is not valid: ${checked.message}` },
      problems: [{ id: 'invalid-setup', message: `The setup is not valid: ${checked.message}.`, source: adviceSource() }],
      checkedAt: clock(),
    };
  }
  // GAX signs with the primary CS's token-uuid and preamble (GAX-SIDE): the lab CS's own when it is the primary.
  const setup = withGaxSigning(input.scenario, checked.setup);
  let login: Login;
  try {
    login = input.target ? await loginAt(input.target, setup, clock, input.signal) : await loginOnOwnCs(setup, clock, input.signal);
  } catch (err) {
    // Only a fault of ours gets here (runLogin does not throw); still an answer, not an exception.
    login = { outcome: 'unreachable', message: `the check could not run: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` };
  }
  const problems = judgeFix(input.scenario, setup, login);
  return {
    scenarioId,
    solved: problems.length === 0,
    verdict: verdictOf(input.scenario, login, problems.length),
    login,
    problems,
    checkedAt: clock(),
  };
}

/** A mock CS on a free loopback port for this one login, in teaching mode, with no data dir. */
async function loginOnOwnCs(setup: LabSetup, clock: () => number, signal: AbortSignal | undefined): Promise<Login> {
  let cs: MockCs;
  try {
    cs = new MockCs({
      options: { ...labCsToMockCsOptions(setup.cs), diagnostics: 'teaching', listeners: [{ host: '127.0.0.1', port: 0 }] },
      clock,
    });
  } catch (err) {
    return { outcome: 'invalid-input', message: `the CS side cannot run: ${err instanceof Error ? err.message : String(err)}` };
  }
  try {
    const [listener] = await cs.start();
    if (!listener) return { outcome: 'unreachable', message: 'the mock CS for the check did not listen' };
    return await loginAt({ host: '127.0.0.1', port: listener.port }, setup, clock, signal);
  } finally {
    await cs.stop();
  }
}

async function loginAt(target: LabCheckTarget, setup: LabSetup, clock: () => number, signal: AbortSignal | undefined): Promise<Login> {
  const { gax } = setup;
  const given = givenToken(setup, clock);
  if (given !== undefined && !given.ok) return { outcome: 'invalid-input', message: given.message };
  const credentials: GaxCredentials = {
    kind: 'gax',
    confservTrusted: gax.confservTrusted,
    tokenLifeMinutes: gax.tokenLifeMinutes,
    tokenUuid: gax.tokenUuid,
    preamble: gax.preamble,
    gaxClockOffsetSeconds: gax.clockOffsetSeconds,
    ...(gax.password !== undefined ? { password: gax.password } : {}),
    ...(given?.ok ? { token: given.token } : {}),
  };
  const result = await runLogin({
    host: target.host,
    port: target.port,
    tls: target.tls ?? null,
    userName: gax.userName,
    clientName: 'GAX',
    credentials,
    clock,
    ...(signal ? { signal } : {}),
  });
  return loginOf(result);
}

/**
 * The token GAX sends when it does not mint one for the login user right now: a capture replayed
 * (minted `issuedMinutesAgo` before, by GAX's clock), or one minted for `tokenUserName`.
 * undefined: GAX mints as usual.
 */
function givenToken(setup: LabSetup, clock: () => number): { ok: true; token: string } | { ok: false; message: string } | undefined {
  const { gax } = setup;
  const forOther = gax.tokenUserName !== undefined && gax.tokenUserName !== gax.userName;
  if (gax.tokenSource.kind === 'mint' && !forOther) return undefined;
  if (!gax.confservTrusted) return undefined; // GAX sends the password: no token at all
  const src = gax.tokenSource;
  // a replayed capture was minted `issuedMinutesAgo` before now, by the same GAX clock
  const mintedAt = clock() / 1000 - (src.kind === 'replay' ? src.issuedMinutesAgo * 60 : 0);
  const lifeMinutes = src.kind === 'replay' ? src.lifeMinutes : gax.tokenLifeMinutes;
  const settings = {
    tokenUuid: gax.tokenUuid,
    username: gax.tokenUserName ?? gax.userName,
    preamble: gax.preamble,
    lifeMinutes,
    gaxClockOffsetSeconds: gax.clockOffsetSeconds,
  };
  const minted = mintAt(settings, mintedAt);
  return minted.ok
    ? { ok: true, token: minted.value.token }
    : { ok: false, message: `invalid input: GAX's token cannot be made (${minted.code}): ${minted.reason}` };
}

function loginOf(r: LoginResult): Login {
  const code = r.server?.code ?? (r.outcome === 'accepted' ? 'OK' : undefined);
  return {
    outcome: r.outcome,
    ...(code !== undefined ? { code } : {}),
    message: r.message,
    ...(r.session ? { authMethod: r.session.authMethod } : {}),
  };
}

function verdictOf(scenario: LabScenario, login: Login, problems: number): string {
  if (problems === 0) return `Solved: GAX logs in as "${labUser(scenario)}" with a token, and the fix is the right one.`;
  const more = (n: number) => (n > 0 ? `, and ${n} more thing${n === 1 ? ' is' : 's are'} wrong` : '');
  if (login.outcome === 'accepted') return `Not solved: GAX gets in, but not the right way (${problems} problem${problems === 1 ? '' : 's'}).`;
  if (login.outcome === 'rejected') return `Not solved: GAX's login is still refused (${login.code ?? 'no code'})${more(problems - 1)}.`;
  return `Not solved: the login did not get a decision from the CS (${login.outcome})${more(problems - 1)}.`;
}
