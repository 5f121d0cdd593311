/**
 * Labs where time is wrong: a CS clock behind, a GAX clock ahead, a token-ttl shorter than GAX's
 * token life, and a token replayed after it expired. Every one of them has a tempting wrong fix
 * (widen token-tolerance or token-ttl, move the other clock) that the judge refuses.
 */
import { modelSource } from '../sources.js';
import { workingSetup } from './setup.js';
import { adviceText, genesysText, modelText } from './text.js';
import type { LabScenario } from './types.js';

const csClockBehind: LabScenario = {
  id: 'cs-clock-behind',
  title: 'The CS clock is 10 minutes behind',
  story:
    "After the weekend's VM migration the CS host lost its time server. Since this morning GAX cannot log in: " +
    'the CS says the token is not valid yet, although GAX made it a second ago.',
  storySource: modelSource('CSMOCK-1'),
  csRole: 'primary',
  broken: (() => {
    const s = workingSetup('7060cf9f-6b35-41af-9bff-b2022eaabc38', [{ userName: 'rnaidoo', password: 'Lab-Clock-05' }]);
    s.cs.clockOffsetSeconds = -600;
    return s;
  })(),
  brokenCode: 'NOT_YET_VALID',
  tools: [
    { view: 'connect', why: "the login's step trace measures the CS clock against this machine's" },
    { view: 'tokens', why: 'decode the token: issued now, valid 20 minutes; put the CS time against its window' },
    { view: 'server', why: "the CS's log gives its own time and the token's window" },
  ],
  hints: [
    genesysText('CSP-SYSTEM', '"Not valid yet" means the CS\'s clock reads a time before the token\'s window opens. Whose clock is wrong?'),
    genesysText(
      'CSP-SYSTEM',
      "Compare the CS's clock with real time (Connect measures it). The window opens token-tolerance (60 s by default) before the token's start.",
    ),
    adviceText(
      "The CS clock is 600 s behind and 60 s of token-tolerance cannot cover it. Set the CS host's clock right (NTP); do not move GAX's clock or widen token-tolerance.",
    ),
  ],
  explanation: genesysText(
    'CSP-SYSTEM',
    'The CS accepts a token from exp − ttl − token-tolerance to exp + token-tolerance, by its own clock (the window documented for Configuration Server Proxy). GAX minted the token at real time ' +
      'with a 20-minute life (token_life_in_minutes=20), so its window opened 60 s (the default token-tolerance) before real time; the CS, ' +
      "10 minutes behind, read that as the future: NOT_YET_VALID. Setting the CS host's clock right is the fix. Widening token-tolerance to " +
      "600 s would keep every token (a stolen one too) valid 10 minutes longer, and setting GAX's clock back to match would only move the fault.",
  ),
  solution: adviceText("Set the CS host's clock right (synchronise it with NTP): clock offset 0. Keep token-tolerance at its default."),
  fixIn: ['cs'],
  rules: ['cs-clock-synced', 'gax-clock-synced'],
};

const gaxClockAhead: LabScenario = {
  id: 'gax-clock-ahead',
  title: 'The GAX host clock is 10 minutes ahead',
  story:
    'We rebuilt the GAX server last week and someone set its time by hand. Today every GAX login is refused as "not valid yet"; ' +
    "the CS's clock is right, we checked it against the domain controller.",
  storySource: modelSource('CSMOCK-1'),
  csRole: 'primary',
  broken: (() => {
    const s = workingSetup('45af5ab3-ea4b-45a3-948d-fbee235d398b', [{ userName: 'ebakker', password: 'Lab-Clock-10' }]);
    s.gax.clockOffsetSeconds = 600;
    return s;
  })(),
  brokenCode: 'NOT_YET_VALID',
  tools: [
    { view: 'tokens', why: "decode the token GAX sent: its issue time is 10 minutes in the CS's future" },
    { view: 'connect', why: "the step trace says how far the server's clock reads before the token's issue time" },
    { view: 'server', why: "the CS's log gives its time and the token's window" },
  ],
  hints: [
    modelText('The token is "not valid yet" although the CS clock is right. When did GAX say it issued the token?', 'PXZ-1'),
    modelText("Decode the token and compare its issue time with the CS's clock: the token's times come from GAX's clock.", 'PXZ-1'),
    adviceText("GAX's clock is 600 s ahead. Set the GAX host's clock right (NTP); widening token-ttl or token-tolerance would hide it."),
  ],
  explanation: genesysText(
    'CSP-SYSTEM',
    'GAX stamps each token with its own clock: issued now, expiring token_life_in_minutes later. With GAX 10 minutes ahead, the whole ' +
      'window sat 10 minutes in the CS\'s future and opened only 60 s (token-tolerance, documented for Configuration Server Proxy) before GAX\'s "now": NOT_YET_VALID. Setting the ' +
      "GAX host's clock right is the fix. A token-ttl of 31 minutes or a token-tolerance of 600 s would let these tokens in, and would also accept tokens long before they were issued.",
  ),
  solution: adviceText("Set the GAX host's clock right (synchronise it with NTP): clock offset 0."),
  fixIn: ['gax'],
  rules: ['gax-clock-synced', 'cs-clock-synced'],
};

const ttlShorterThanLife: LabScenario = {
  id: 'ttl-shorter-than-life',
  title: "token-ttl shorter than GAX's token life",
  story:
    'Security asked us to shorten token lifetimes, so yesterday we set token-ttl=10 on the CS. Since then no GAX login works, ' +
    'and the CS says the tokens are not valid yet.',
  storySource: modelSource('CSMOCK-1'),
  csRole: 'primary',
  broken: (() => {
    const s = workingSetup('85241e9b-7c9f-4165-a737-b0a94048d338', [{ userName: 'pdubois', password: 'Lab-Ttl-06' }]);
    s.cs.tokenTtlMinutes = 10;
    return s;
  })(),
  brokenCode: 'NOT_YET_VALID',
  tools: [
    { view: 'tokens', why: "decode the token and put the CS's window next to it: the window opens after the token was issued" },
    { view: 'doctor', why: 'the CS and GAX options together: token-ttl against token_life_in_minutes' },
    { view: 'server', why: "the CS's log gives the window it computed" },
  ],
  hints: [
    genesysText('CSP-SYSTEM', 'Both clocks are right, yet a brand-new token is "not valid yet". Look at where the CS\'s window starts.'),
    genesysText(
      'CSP-SYSTEM',
      'The CS counts token-ttl back from the expiry GAX set. Compare token-ttl (CS [system]) with token_life_in_minutes (GAX [general]).',
    ),
    genesysText(
      'CSP-SYSTEM',
      'token-ttl=10 is shorter than the 20-minute tokens GAX makes. Make token-ttl at least 20, or unset it; to shorten tokens, shorten token_life_in_minutes on GAX.',
    ),
  ],
  explanation: genesysText(
    'CSP-SYSTEM',
    'token-ttl (documented for Configuration Server Proxy) anchors the window at the expiry GAX set: valid from exp − token-ttl − token-tolerance. GAX makes 20-minute tokens ' +
      "(token_life_in_minutes=20), so with token-ttl=10 a fresh token's window opens 9 minutes after it was issued: NOT_YET_VALID for " +
      "every fresh token. token-ttl must be at least token_life_in_minutes (or unset, so the CS uses GAX's value). To really shorten " +
      'tokens, shorten them where they are made — GAX token_life_in_minutes — and the CS reads the new value.',
  ),
  solution: genesysText(
    'CSP-SYSTEM',
    "Set CS [system] token-ttl=20 (at least GAX's token_life_in_minutes) or remove it; or set GAX token_life_in_minutes=10 so the tokens are as short as token-ttl.",
  ),
  fixIn: ['cs', 'gax'],
  rules: ['ttl-covers-life'],
};

const expiredTokenReplayed: LabScenario = {
  id: 'expired-token-replayed',
  title: 'An expired token replayed',
  story:
    "To save a step, the integration team's export job logs in with a token copied from a GAX login instead of getting a fresh one. " +
    'It worked when they set it up; half an hour later every run is refused as expired.',
  storySource: modelSource('CSMOCK-1'),
  csRole: 'primary',
  broken: (() => {
    const s = workingSetup('bc650efb-1935-4de7-b036-d7eb89fdbbbd', [{ userName: 'svc-export', password: 'Lab-Replay-07' }]);
    s.gax.tokenSource = { kind: 'replay', issuedMinutesAgo: 30, lifeMinutes: 20 };
    return s;
  })(),
  brokenCode: 'EXPIRED',
  tools: [
    { view: 'tokens', why: 'decode the replayed token: it was issued 30 minutes ago and lived 20' },
    { view: 'server', why: "the CS's log says how long ago the token expired" },
    { view: 'connect', why: 'log in again with a freshly minted token' },
  ],
  hints: [
    genesysText('GAX-SECURE', 'The CS says the token expired. When was it issued, and how long was it meant to live?'),
    genesysText(
      'CSP-SYSTEM',
      'A token is accepted until its expiry plus token-tolerance (60 s). This one was minted 30 minutes ago with a 20-minute life.',
    ),
    adviceText('Stop reusing the captured token: let GAX mint a fresh token for every login. Do not stretch token-tolerance to cover an old one.'),
  ],
  explanation: genesysText(
    'GAX-SECURE',
    'A token is valid until its expiry plus token-tolerance. This one was minted 30 minutes ago with a 20-minute life, so it expired ' +
      '10 minutes ago and the CS refused it: EXPIRED. That is the mechanism working — a captured token is worth something only until it ' +
      'expires. The fix is to mint a fresh token for each login, as GAX does. Raising token-tolerance until the old token passes would make every stolen token usable for longer.',
  ),
  solution: adviceText('Mint a fresh token for each login (token source: mint), as GAX itself does; never replay a captured token.'),
  fixIn: ['gax'],
  rules: [],
};

export const TIME_SCENARIOS: readonly LabScenario[] = [csClockBehind, ttlShorterThanLife, expiredTokenReplayed, gaxClockAhead];
