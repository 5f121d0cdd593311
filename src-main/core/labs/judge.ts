/**
 * Is the trainee's fix the right one? A login that works is not enough: turning token auth off,
 * logging in as someone else, replaying a token or widening a window until the fault is hidden
 * all get GAX in, and none of them is a fix. The judge applies the general rules below to every
 * lab, then the scenario's own rules (its `rules` ids, looked up in SCENARIO_RULES). Each problem
 * is one sentence that names the option or the clock. An empty list means solved. Pure.
 */
import { DEFAULT_PREAMBLE } from '../constants.js';
import { passwordFieldFit } from '../fit.js';
import { suggestOptionName } from '../options/names.js';
import { humanDuration } from '../time-format.js';
import { adviceSource, genesysSource, modelSource } from '../sources.js';
import { parseTokenUuid } from '../uuid.js';
import { effectiveTolerance, DEFAULT_TOLERANCE_SECONDS } from '../window.js';
import { gaxSigning } from './gax-side.js';
import type { LabCheckProblem, LabCheckResult, LabRuleId, LabScenario, LabSetup } from './types.js';

/** Above this token-tolerance a clock is being covered up, not tolerated (five minutes: Kerberos's customary skew). */
export const MAX_FAIR_TOLERANCE_SECONDS = 300;
/** An explicit token-ttl more than this many times GAX's token life accepts tokens long before they were issued. */
export const MAX_FAIR_TTL_FACTOR = 2;
/** The Password field of the GAX interface, as Genesys describes it: approximately 64 bytes, preamble included (GAX-SECURE). */
export const GENESYS_PASSWORD_FIELD_BYTES = 64;

type Login = LabCheckResult['login'];
type Rule = (scenario: LabScenario, setup: LabSetup) => LabCheckProblem | null;

export function judgeFix(scenario: LabScenario, setup: LabSetup, login: Login): LabCheckProblem[] {
  const problems: LabCheckProblem[] = [];
  const add = (p: LabCheckProblem | null) => {
    if (p && !problems.some((q) => q.id === p.id)) problems.push(p);
  };
  add(loginProblem(login));
  for (const rule of GENERAL_RULES) add(rule(scenario, setup));
  for (const id of scenario.rules) add(SCENARIO_RULES[id](scenario, setup));
  return problems;
}

/** The user the lab is about: the one GAX logs in as in the broken setup. */
export function labUser(scenario: LabScenario): string {
  return scenario.broken.gax.userName;
}

function loginProblem(login: Login): LabCheckProblem | null {
  if (login.outcome !== 'accepted') {
    // The client words a refusal "the server refused the login: CODE — why"; the code is said once.
    const why = login.message.replace(/^the server refused the login: [A-Z_]+ — /, '').replace(/\.$/, '');
    return {
      id: 'login-failed',
      source: modelSource('CSMOCK-1'),
      message:
        login.outcome === 'rejected'
          ? `GAX's login is still refused with ${login.code ?? 'no code'}: ${why}.`
          : `GAX's login did not get a decision from the CS (${login.outcome}): ${why}.`,
    };
  }
  if (login.authMethod !== 'token')
    return {
      id: 'password-login',
      source: adviceSource(),
      message:
        'GAX got in with a password, not a token: the fix must keep token authentication working (CS token-authentication-mode=enable, GAX confserv_trusted=true).',
    };
  return null;
}

const GENERAL_RULES: readonly Rule[] = [
  (_, { cs }) =>
    cs.tokenAuthenticationMode === 'enable'
      ? null
      : {
          id: 'token-auth-off',
          source: adviceSource(),
          message: 'CS [system] token-authentication-mode is not enable: turning token authentication off is never the fix, so set it to enable.',
        },
  (_, { gax }) =>
    gax.confservTrusted
      ? null
      : {
          id: 'gax-not-trusted',
          source: genesysSource('GAX-SECURE'),
          message: 'GAX [general] confserv_trusted is false, so GAX sends passwords instead of tokens: set it back to true.',
        },
  (scenario, { gax }) =>
    gax.userName === labUser(scenario)
      ? null
      : {
          id: 'wrong-user',
          source: adviceSource(),
          message: `GAX logs in as "${gax.userName}", but the lab is about "${labUser(scenario)}": logging in as someone else does not fix ${labUser(scenario)}'s login.`,
        },
  (_, { gax }) =>
    gax.tokenUserName === undefined || gax.tokenUserName === gax.userName
      ? null
      : {
          id: 'token-for-other-user',
          source: modelSource('CSMOCK-1'),
          message: `GAX's token is minted for "${gax.tokenUserName}" but it logs in as "${gax.userName}": a token must be minted for the user who logs in.`,
        },
  (_, { gax }) =>
    gax.tokenSource.kind === 'mint'
      ? null
      : {
          id: 'replayed-token',
          source: adviceSource(),
          message: `GAX replays a token minted ${gax.tokenSource.issuedMinutesAgo} min ago: a token must be minted fresh for each login (token source: mint), never captured and reused.`,
        },
  (_, { cs }) => {
    const t = cs.tokenToleranceSeconds;
    return t !== null && t > MAX_FAIR_TOLERANCE_SECONDS
      ? {
          id: 'tolerance-too-wide',
          source: adviceSource(),
          message: `CS [system] token-tolerance is ${t} s, above ${MAX_FAIR_TOLERANCE_SECONDS} s: that keeps every token (a stolen one too) valid ${humanDuration(t)} longer instead of fixing the cause, so keep it at the default ${DEFAULT_TOLERANCE_SECONDS} s.`,
        }
      : null;
  },
  (_, { cs, gax }) => {
    const ttl = cs.tokenTtlMinutes;
    return ttl !== null && ttl > MAX_FAIR_TTL_FACTOR * gax.tokenLifeMinutes
      ? {
          id: 'ttl-too-long',
          source: adviceSource(),
          message: `CS [system] token-ttl is ${ttl} min, far above GAX token_life_in_minutes (${gax.tokenLifeMinutes} min): the CS then accepts tokens long before they were issued, which hides a clock that runs ahead, so set token-ttl to token_life_in_minutes or remove it.`,
        }
      : null;
  },
  (_, { cs }) =>
    cs.passwordFieldLimit > GENESYS_PASSWORD_FIELD_BYTES
      ? {
          id: 'field-limit-raised',
          source: genesysSource('GAX-SECURE'),
          message: `The mock CS's Password field limit is ${cs.passwordFieldLimit} bytes, but Genesys describes the Password field of the GAX interface as approximately ${GENESYS_PASSWORD_FIELD_BYTES} bytes: make the token fit (token-preambula, the UserName), not the field bigger.`,
        }
      : null,
  (_, { cs }) => clockProblem('cs', cs.clockOffsetSeconds, effectiveTolerance(cs).seconds),
  (_, { cs, gax }) => clockProblem('gax', gax.clockOffsetSeconds, effectiveTolerance(cs).seconds),
  (_, { cs, gax }) =>
    cs.gaxTokenLifeMinutes !== null && cs.gaxTokenLifeMinutes > 0 && cs.gaxTokenLifeMinutes !== gax.tokenLifeMinutes
      ? {
          id: 'life-out-of-sync',
          source: genesysSource('CSP-SYSTEM'),
          message: `The CS reads GAX's token_life_in_minutes as ${cs.gaxTokenLifeMinutes} min but GAX [general] token_life_in_minutes is ${gax.tokenLifeMinutes}: the CS takes it from the GAX application, so set both to the same value.`,
        }
      : null,
];

/** A host clock further from real time than `allowed` seconds; the problem id says which host. */
function clockProblem(host: 'cs' | 'gax', offset: number, allowed: number): LabCheckProblem | null {
  if (Math.abs(offset) <= allowed) return null;
  const how = `${humanDuration(Math.abs(offset))} ${offset < 0 ? 'behind' : 'ahead of'} real time`;
  return host === 'cs'
    ? {
        id: 'cs-clock-off',
        source: adviceSource(),
        message: `The CS host's clock is ${how}, more than ${allowed} s: set the CS's clock right (NTP) rather than widening token-tolerance or moving GAX's clock to match.`,
      }
    : {
        id: 'gax-clock-off',
        source: adviceSource(),
        message: `The GAX host's clock is ${how}, more than ${allowed} s: set GAX's clock right (NTP); moving it to match a wrong CS clock only hides the fault.`,
      };
}

/** What each LabRuleId means (types.ts lists them with a line each). */
export const SCENARIO_RULES: Record<LabRuleId, Rule> = {
  'primary-token-uuid-kept': (scenario, setup) => {
    const was = parseTokenUuid(gaxSigning(scenario, scenario.broken).tokenUuid);
    const now = parseTokenUuid(gaxSigning(scenario, setup).tokenUuid);
    if (was.ok && now.ok && was.canonical === now.canonical) return null;
    // Never quote either value: a token-uuid is a secret outside a lab.
    return {
      id: 'primary-token-uuid-changed',
      source: modelSource('GAX-SIDE'),
      message:
        "The primary CS's [system] token-uuid, the one GAX signs with, was changed: every GAX and every CS that agrees with the primary relies on it, so give the backup the primary's token-uuid instead.",
    };
  },
  'cs-clock-synced': (_, { cs }) => clockProblem('cs', cs.clockOffsetSeconds, DEFAULT_TOLERANCE_SECONDS),
  'gax-clock-synced': (_, { gax }) => clockProblem('gax', gax.clockOffsetSeconds, DEFAULT_TOLERANCE_SECONDS),
  'ttl-covers-life': (_, { cs, gax }) => {
    const ttl = cs.tokenTtlMinutes;
    return ttl !== null && ttl > 0 && ttl < gax.tokenLifeMinutes
      ? {
          id: 'ttl-below-life',
          source: genesysSource('CSP-SYSTEM'),
          message: `CS [system] token-ttl (${ttl} min) is still shorter than GAX token_life_in_minutes (${gax.tokenLifeMinutes} min), so a fresh token's window opens after it was issued: make token-ttl at least token_life_in_minutes.`,
        }
      : null;
  },
  'preamble-fits': (scenario, setup) => {
    const { cs } = setup;
    const signing = gaxSigning(scenario, setup);
    if (signing.preamble !== cs.tokenPreambula)
      return {
        id: 'preamble-differs',
        source: modelSource('GAX-SIDE'),
        message: `GAX signs with the primary CS's preamble ${signing.preamble} but this CS's token-preambula is ${cs.tokenPreambula}: give every CS GAX may reach the primary's token-preambula.`,
      };
    const fit = passwordFieldFit(cs.tokenPreambula, labUser(scenario), GENESYS_PASSWORD_FIELD_BYTES);
    return fit.fits
      ? null
      : {
          id: 'preamble-too-long',
          source: modelSource('PXZ-1'),
          message: `With token-preambula ${cs.tokenPreambula}, ${labUser(scenario)}'s token is ${fit.length} characters in the tool's reference format (PXZ-1), over the Password field of the GAX interface (Genesys: approximately ${GENESYS_PASSWORD_FIELD_BYTES} bytes): use a shorter preamble, such as the default ${DEFAULT_PREAMBLE}.`,
        };
  },
  'no-misspelt-option': (_, { cs }) => {
    for (const name of Object.keys(cs.extraOptions)) {
      const meant = suggestOptionName(name);
      if (meant)
        return {
          id: 'misspelt-option',
          source: adviceSource(),
          message: `The CS still has the option "${name}", which is not an option Genesys publishes (the mock CS ignores it): delete it (the option is ${meant.definition.name}).`,
        };
    }
    return null;
  },
};
