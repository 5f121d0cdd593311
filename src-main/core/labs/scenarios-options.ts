/**
 * Labs where an option is wrong: token authentication left off on the CS, a token-uuid copied
 * with a typo, a preamble too long for the Password field, and a misspelt option name.
 * Pure data (see types.ts); the working setup each one breaks is setup.ts's workingSetup.
 */
import { workingSetup } from './setup.js';
import type { LabScenario } from './types.js';

const csModeDisabled: LabScenario = {
  id: 'cs-mode-disabled',
  title: 'Token authentication still off on the CS',
  story:
    'Last night we upgraded GAX to 8.5.270 and set confserv_trusted=true, as the upgrade notes say. ' +
    'Since this morning nobody can log in to GAX: every login is refused as a wrong password, even for people who just reset theirs.',
  broken: (() => {
    const s = workingSetup('1e3d9b30-006a-4bfd-958e-9c27fcdc2686', [{ userName: 'akovacs', password: 'Lab-Mode-01' }]);
    s.cs.tokenAuthenticationMode = 'disable';
    return s;
  })(),
  brokenCode: 'BAD_PASSWORD',
  tools: [
    { view: 'server', why: "the CS's log line says how it judged the login: as a token or as a plain password" },
    { view: 'connect', why: "retry GAX's login and read the step trace: GAX sends a token, the CS answers BAD_PASSWORD" },
    { view: 'doctor', why: "the CS's exported [system] options show token-authentication-mode" },
  ],
  hints: [
    "Look at how the CS judged the login: the Server view's log line says whether it read a token or a password.",
    'GAX sends a token ({PXZ}…) because confserv_trusted=true. What does the CS do with a Password that starts with its preamble when it is not looking for tokens?',
    'Genesys: enable token authentication on Configuration Server first, then on GAX. Look at CS [system] token-authentication-mode.',
  ],
  explanation:
    'GAX [general] confserv_trusted=true makes GAX put a token in the Password field. The CS looks for its preamble only when ' +
    '[system] token-authentication-mode=enable; with disable (the default) it compared the token with the user\'s real password ' +
    'as plain text, so every GAX login failed as a wrong password (BAD_PASSWORD). Setting token-authentication-mode=enable makes ' +
    'the CS read the token. Setting confserv_trusted=false would also let people in, but by password: the tokens the upgrade was for would never be used.',
  solution: 'On the CS set [system] token-authentication-mode=enable (it applies to all ports); keep GAX [general] confserv_trusted=true.',
  fixIn: ['cs'],
  rules: [],
};

const mistypedTokenUuid: LabScenario = {
  id: 'mistyped-token-uuid',
  title: 'GAX signs with a mistyped token-uuid',
  story:
    'On Friday we moved GAX to a new server and copied its settings by hand. Since then every login through the new GAX is refused, ' +
    'while the old GAX, still running for reports, logs in fine.',
  broken: (() => {
    const s = workingSetup('74d36508-4c2c-4c51-8b29-9b69f08339bc', [{ userName: 'lbrandt', password: 'Lab-Uuid-02' }]);
    // The last two hex digits transposed: the commonest copying mistake.
    s.gax.tokenUuid = '74d36508-4c2c-4c51-8b29-9b69f08339cb';
    return s;
  })(),
  brokenCode: 'BAD_SIGNATURE',
  tools: [
    { view: 'tokens', why: "decode the token GAX sent: its user and times are right, so verify it with the CS's token-uuid to see the signature fail" },
    { view: 'server', why: "the CS's log names the reason: BAD_SIGNATURE" },
    { view: 'setup', why: 'put the token-uuid of each side next to the other' },
  ],
  hints: [
    "Read the CS's reason in the Server view's log: the token's user and times are fine; its signature is not.",
    "The signature comes from a key both sides derive from token-uuid alone. Compare GAX's token-uuid with the CS's [system] token-uuid, digit by digit.",
    "The last two hex digits are swapped on GAX. Copy the CS's value to GAX; leave the CS alone — the old GAX signs with it.",
  ],
  explanation:
    'GAX and the CS each derive the signing key from [system] token-uuid. The new GAX had two digits transposed, so its tokens ' +
    'carried a signature the CS\'s key could never reproduce: BAD_SIGNATURE. Copying the CS\'s token-uuid to GAX exactly makes ' +
    'the keys equal. Changing the CS\'s token-uuid to match the typo would "work" for this GAX and break every other GAX that signs with the right value.',
  solution: "Set GAX's token-uuid to exactly the CS's [system] token-uuid (it ends …39bc, not …39cb).",
  fixIn: ['gax'],
  rules: ['cs-token-uuid-kept'],
};

const preambleTooLong: LabScenario = {
  id: 'preamble-too-long',
  title: 'A long custom preamble pushes tokens past 64 bytes',
  story:
    'Security wanted tokens to be recognisable in audits, so we set token-preambula={GAX-TOKEN-AUTH} on the CS and the same preamble on GAX. ' +
    'Most people still log in, but operations.lead is refused every time.',
  broken: (() => {
    const s = workingSetup('b87dda5e-f9b7-4568-a8a9-f7acd850980f', [
      { userName: 'operations.lead', password: 'Lab-Long-03' },
      { userName: 'jsmith', password: 'Lab-Long-03b' },
    ]);
    s.cs.tokenPreambula = '{GAX-TOKEN-AUTH}';
    s.gax.preamble = '{GAX-TOKEN-AUTH}';
    return s;
  })(),
  brokenCode: 'PASSWORD_TOO_LONG',
  tools: [
    { view: 'tokens', why: "mint a token for operations.lead and one for jsmith with the lab's preamble, and compare their lengths with the 64-byte Password field" },
    { view: 'server', why: "the CS's log shows the Password's length and the longest username that fits" },
    { view: 'doctor', why: 'the options file with the users checks every token against 64 bytes' },
  ],
  hints: [
    "The CS refuses the login before it even reads the token: look at the reason in the Server view's log.",
    'A token is the preamble plus about 4/3 of (25 + the username\'s bytes). Compare operations.lead\'s token with jsmith\'s, and both with 64.',
    'With a 16-character preamble only usernames up to 11 bytes fit. Go back to the default {PXZ} (or a short preamble) on both sides.',
  ],
  explanation:
    'GAX puts the whole token — preamble, then the signed username and expiry in base64url — in the Password field, which holds about ' +
    '64 bytes including the preamble (Genesys). With the 16-character {GAX-TOKEN-AUTH} only usernames up to 11 bytes fit; ' +
    'operations.lead\'s token is 70 characters and the CS refuses it: PASSWORD_TOO_LONG. Genesys recommends the default {PXZ}, ' +
    'which leaves 19 bytes for the username. The field cannot be widened on a real CS, so [system] token-preambula has to shrink, and GAX must use the same preamble.',
  solution: 'Set token-preambula back to {PXZ} (or another short preamble) on the CS, and the same preamble on GAX.',
  fixIn: ['cs', 'gax'],
  rules: ['preamble-fits'],
};

const misspeltPreambleOption: LabScenario = {
  id: 'misspelt-preamble-option',
  title: 'The option typed token-preamble',
  story:
    'We changed the token preamble to {LAB} on the CS and on GAX yesterday. Since then every GAX login fails as a wrong password, ' +
    'although the option is there in the CS application, we checked twice.',
  broken: (() => {
    const s = workingSetup('1e34bb14-d65a-4609-86b8-adee9f819f0c', [{ userName: 'hfischer', password: 'Lab-Name-04' }]);
    // The CS does not know this name: it keeps the default {PXZ}, while GAX uses {LAB}.
    s.cs.extraOptions = { 'token-preamble': '{LAB}' };
    s.gax.preamble = '{LAB}';
    return s;
  })(),
  brokenCode: 'BAD_PASSWORD',
  tools: [
    { view: 'doctor', why: "the CS's [system] options file: the doctor flags a name that is not a token option Genesys knows" },
    { view: 'server', why: 'the CS checked the Password as a plain password: it did not see its preamble at the start' },
    { view: 'tokens', why: 'decode the token GAX sent: it starts with {LAB}; see what the CS expects' },
  ],
  hints: [
    "The CS did not treat GAX's Password as a token at all: the Server view's log says it checked a plain password.",
    "The CS treats a Password as a token only when it starts with the CS's preamble. Which preamble is the CS really using, and which does GAX send?",
    'Read the CS\'s option names letter by letter with the Doctor: Genesys spells it token-preambula.',
  ],
  explanation:
    'Genesys spells the option token-preambula. The CS does not know token-preamble and ignores it, as it ignores any unknown name, ' +
    'so it kept the default {PXZ}. GAX\'s tokens start with {LAB}, so the CS took them for plain passwords and they did not match: ' +
    'BAD_PASSWORD. With token-preambula={LAB} on the CS both sides agree. (Setting GAX back to {PXZ} works too.) ' +
    'Either way, delete the misspelt line: the next administrator will trust it.',
  solution: 'On the CS rename token-preamble to token-preambula={LAB} (delete the misspelt line); GAX keeps {LAB}.',
  fixIn: ['cs'],
  rules: ['no-misspelt-option', 'preamble-fits'],
};

export const OPTION_SCENARIOS: readonly LabScenario[] = [csModeDisabled, mistypedTokenUuid, preambleTooLong, misspeltPreambleOption];
