// What each lab's intended fix changes, and the tempting wrong fixes with the problem the judge
// must name for each — stated here, in the test, so a reader sees what every check proves.
import type { LabSetup } from '../../src-main/core/labs/index.js';

export interface WrongFix {
  what: string;
  change: (s: LabSetup) => void;
  /** the problem id the judge must report */
  problem: string;
}

export interface LabFixes {
  /** the intended fix, in words, then as a change */
  intended: { what: string; change: (s: LabSetup) => void };
  /** other right fixes the explanation accepts */
  alsoRight?: { what: string; change: (s: LabSetup) => void }[];
  /** wrong values for this lab's own option(s); the general wrong fixes are applied to every lab */
  wrong: WrongFix[];
}

function user(s: LabSetup, name: string) {
  const u = s.cs.users.find((x) => x.userName === name);
  if (!u) throw new Error(`no user ${name} in the setup`);
  return u;
}

export const FIXES: Record<string, LabFixes> = {
  'cs-mode-disabled': {
    intended: { what: 'CS token-authentication-mode=enable', change: (s) => void (s.cs.tokenAuthenticationMode = 'enable') },
    wrong: [
      { what: 'token-preambula changed on the CS, mode left off', change: (s) => void (s.cs.tokenPreambula = '{GAX}'), problem: 'login-failed' },
      {
        what: 'mode enabled, but GAX switched to passwords',
        change: (s) => {
          s.cs.tokenAuthenticationMode = 'enable';
          s.gax.confservTrusted = false;
          s.gax.password = 'Lab-Mode-01';
        },
        problem: 'password-login',
      },
    ],
  },
  'backup-cs-token-uuid': {
    // GAX signs with the primary's token-uuid (the gax side holds it); the lab's CS is the backup.
    intended: { what: "the backup CS's token-uuid = the primary's", change: (s) => void (s.cs.tokenUuid = s.gax.tokenUuid) },
    alsoRight: [
      {
        what: "the primary's token-uuid in braces and upper case on the backup",
        change: (s) => void (s.cs.tokenUuid = `{${s.gax.tokenUuid.toUpperCase()}}`),
      },
    ],
    wrong: [
      { what: 'another typo on the backup', change: (s) => void (s.cs.tokenUuid = '74d36508-4c2c-4c51-8b29-9b69f08339b0'), problem: 'login-failed' },
      {
        what: "the primary's token-uuid set to the backup's",
        change: (s) => void (s.gax.tokenUuid = s.cs.tokenUuid),
        problem: 'primary-token-uuid-changed',
      },
    ],
  },
  'cs-clock-behind': {
    intended: { what: 'CS clock offset 0', change: (s) => void (s.cs.clockOffsetSeconds = 0) },
    alsoRight: [{ what: 'CS clock 20 s behind (within token-tolerance)', change: (s) => void (s.cs.clockOffsetSeconds = -20) }],
    wrong: [
      { what: 'token-tolerance 600 s', change: (s) => void (s.cs.tokenToleranceSeconds = 600), problem: 'tolerance-too-wide' },
      { what: "GAX's clock moved 10 min back to match", change: (s) => void (s.gax.clockOffsetSeconds = -600), problem: 'gax-clock-off' },
      {
        what: 'CS clock 4 min behind, hidden by token-tolerance 300 s',
        change: (s) => {
          s.cs.clockOffsetSeconds = -240;
          s.cs.tokenToleranceSeconds = 300;
        },
        problem: 'cs-clock-off',
      },
      { what: 'token-ttl 31 min to reach back past the CS clock', change: (s) => void (s.cs.tokenTtlMinutes = 31), problem: 'cs-clock-off' },
    ],
  },
  'ttl-shorter-than-life': {
    intended: { what: 'token-ttl=20 (= token_life_in_minutes)', change: (s) => void (s.cs.tokenTtlMinutes = 20) },
    alsoRight: [
      { what: 'token-ttl removed', change: (s) => void (s.cs.tokenTtlMinutes = null) },
      {
        what: 'GAX token_life_in_minutes=10, read by the CS',
        change: (s) => {
          s.gax.tokenLifeMinutes = 10;
          s.cs.gaxTokenLifeMinutes = 10;
        },
      },
    ],
    wrong: [
      { what: 'token-ttl=15, still short', change: (s) => void (s.cs.tokenTtlMinutes = 15), problem: 'login-failed' },
      { what: 'token-ttl=1440', change: (s) => void (s.cs.tokenTtlMinutes = 1440), problem: 'ttl-too-long' },
      {
        what: 'token life 15 with token-tolerance 300 to cover the gap',
        change: (s) => {
          s.gax.tokenLifeMinutes = 15;
          s.cs.gaxTokenLifeMinutes = 15;
          s.cs.tokenToleranceSeconds = 300;
        },
        problem: 'ttl-below-life',
      },
      { what: "GAX's token life changed but not what the CS reads", change: (s) => void (s.gax.tokenLifeMinutes = 10), problem: 'life-out-of-sync' },
    ],
  },
  'expired-token-replayed': {
    intended: { what: 'GAX mints a fresh token', change: (s) => void (s.gax.tokenSource = { kind: 'mint' }) },
    wrong: [
      { what: 'token-tolerance 900 s lets the old token in', change: (s) => void (s.cs.tokenToleranceSeconds = 900), problem: 'tolerance-too-wide' },
      {
        what: 'a fresher capture replayed',
        change: (s) => void (s.gax.tokenSource = { kind: 'replay', issuedMinutesAgo: 5, lifeMinutes: 20 }),
        problem: 'replayed-token',
      },
      { what: 'the CS clock set 30 min back', change: (s) => void (s.cs.clockOffsetSeconds = -1800), problem: 'cs-clock-off' },
    ],
  },
  'preamble-too-long': {
    // GAX follows the CS's preamble (GAX-SIDE): the fix is on the CS alone.
    intended: { what: 'token-preambula={PXZ} on the CS', change: (s) => void (s.cs.tokenPreambula = '{PXZ}') },
    alsoRight: [{ what: 'a short custom preamble {GX} on the CS', change: (s) => void (s.cs.tokenPreambula = '{GX}') }],
    wrong: [
      { what: 'the Password field limit raised to 128', change: (s) => void (s.cs.passwordFieldLimit = 128), problem: 'field-limit-raised' },
      {
        what: 'a shorter but still too long preamble {GAX-TOKEN}',
        change: (s) => void (s.cs.tokenPreambula = '{GAX-TOKEN}'),
        problem: 'login-failed',
      },
      // GAX has no preamble of its own: a value on the GAX side changes nothing while the CS keeps the long one.
      { what: "{PXZ} typed on GAX's side alone", change: (s) => void (s.gax.preamble = '{PXZ}'), problem: 'login-failed' },
      { what: 'log in as jsmith, whose token fits', change: (s) => void (s.gax.userName = 'jsmith'), problem: 'wrong-user' },
    ],
  },
  'token-for-another-user': {
    intended: { what: 'the token minted for mgarcia', change: (s) => void delete s.gax.tokenUserName },
    wrong: [
      { what: 'log in as svc-sso', change: (s) => void (s.gax.userName = 'svc-sso'), problem: 'wrong-user' },
      { what: 'the token minted for MGarcia (case differs)', change: (s) => void (s.gax.tokenUserName = 'MGarcia'), problem: 'token-for-other-user' },
    ],
  },
  'user-disabled': {
    intended: { what: 'kwilson enabled on the CS', change: (s) => void (user(s, 'kwilson').enabled = true) },
    wrong: [
      { what: 'log in as tnguyen', change: (s) => void (s.gax.userName = 'tnguyen'), problem: 'wrong-user' },
      {
        what: 'kwilson removed and tnguyen disabled instead',
        change: (s) => {
          s.cs.users = s.cs.users.filter((u) => u.userName !== 'kwilson');
          user(s, 'tnguyen').enabled = false;
        },
        problem: 'login-failed',
      },
    ],
  },
  'misspelt-mode-option': {
    intended: {
      what: 'token-authentication-mode=enable, the misspelt line deleted',
      change: (s) => {
        s.cs.tokenAuthenticationMode = 'enable';
        s.cs.extraOptions = {};
      },
    },
    wrong: [
      {
        what: 'token-authentication-mode=enable added, misspelt line kept',
        change: (s) => void (s.cs.tokenAuthenticationMode = 'enable'),
        problem: 'misspelt-option',
      },
      { what: 'the misspelt line deleted, mode still off', change: (s) => void (s.cs.extraOptions = {}), problem: 'login-failed' },
      {
        what: 'GAX switched to passwords, misspelt line deleted',
        change: (s) => {
          s.cs.extraOptions = {};
          s.gax.confservTrusted = false;
          s.gax.password = 'Lab-Name-04';
        },
        problem: 'token-auth-off',
      },
    ],
  },
  'gax-clock-ahead': {
    intended: { what: 'GAX clock offset 0', change: (s) => void (s.gax.clockOffsetSeconds = 0) },
    wrong: [
      { what: "the CS's clock moved 10 min ahead to match", change: (s) => void (s.cs.clockOffsetSeconds = 600), problem: 'cs-clock-off' },
      { what: 'token-ttl 31 min', change: (s) => void (s.cs.tokenTtlMinutes = 31), problem: 'gax-clock-off' },
      { what: 'token-tolerance 600 s', change: (s) => void (s.cs.tokenToleranceSeconds = 600), problem: 'tolerance-too-wide' },
    ],
  },
};

/** The password the lab user has on the CS: what GAX sends once confserv_trusted is false. */
export function labUserPassword(s: LabSetup): string {
  const u = s.cs.users.find((x) => x.userName === s.gax.userName);
  if (!u?.password) throw new Error(`the lab user ${s.gax.userName} has no password`);
  return u.password;
}
