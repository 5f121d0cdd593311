/**
 * Labs where an option is wrong: token authentication left off on the CS, a backup CS whose
 * token-uuid is not the primary's, a preamble too long for the Password field, and a misspelt
 * option name. Each broken setup is one an engineer can meet under the tool's model of GAX's side
 * (GAX-SIDE: GAX signs with the primary CS's token-uuid and preamble, it has none of its own).
 * Pure data (see types.ts); the working setup each one breaks is setup.ts's workingSetup.
 */
import { workingSetup } from './setup.js';
import { genesysText, modelText } from './text.js';
import type { LabScenario } from './types.js';
import { modelSource } from '../sources.js';

const csModeDisabled: LabScenario = {
  id: 'cs-mode-disabled',
  title: 'Token authentication still off on the CS',
  story:
    'Last night we upgraded GAX to 8.5.270 and set confserv_trusted=true, as the upgrade notes say. ' +
    'Since this morning nobody can log in to GAX: every login is refused as a wrong password, even for people who just reset theirs.',
  storySource: modelSource('CSMOCK-1'),
  csRole: 'primary',
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
    modelText("Look at how the CS judged the login: the Server view's log line says whether it read a token or a password."),
    genesysText(
      'GAX-SECURE',
      'GAX sends a token ({PXZ}…) because confserv_trusted=true. The CS looks for the preamble at the start of the Password field only when token authentication is enabled.',
    ),
    genesysText(
      'GAX-SECURE',
      'Token authentication is not enabled by default: enable it on Configuration Server first, then on GAX. Look at CS [system] token-authentication-mode.',
    ),
  ],
  explanation: genesysText(
    'GAX-SECURE',
    'GAX [general] confserv_trusted=true makes GAX put a token in the Password field. The CS looks for its preamble only when ' +
      '[system] token-authentication-mode=enable, and token authentication is not enabled by default. Without it the mock CS compared the token ' +
      "with the user's real password as plain text, so every GAX login failed as a wrong password (BAD_PASSWORD, the mock CS's code). Setting " +
      'token-authentication-mode=enable makes the CS read the token. Setting confserv_trusted=false would also let people in, but by password: the tokens the upgrade was for would never be used.',
  ),
  solution: genesysText(
    'GAX-SECURE',
    'On the CS set [system] token-authentication-mode=enable (it applies to all ports); keep GAX [general] confserv_trusted=true.',
  ),
  fixIn: ['cs'],
  rules: [],
};

const backupCsTokenUuid: LabScenario = {
  id: 'backup-cs-token-uuid',
  title: 'After a switchover the backup CS has another token-uuid',
  story:
    'Last night the primary Configuration Server failed and its backup took over. Since then every GAX login is refused, ' +
    'although nobody touched GAX or any option, and before the switchover everything worked. The backup was set up years ago from an old template.',
  storySource: modelSource('GAX-SIDE'),
  csRole: 'backup',
  broken: (() => {
    // GAX signs with the primary's token-uuid (kept on the GAX side); the mock CS plays the backup,
    // whose [system] token-uuid was typed from an old template.
    const s = workingSetup('74d36508-4c2c-4c51-8b29-9b69f08339bc', [{ userName: 'lbrandt', password: 'Lab-Uuid-02' }]);
    s.cs.tokenUuid = 'c1a0f7e2-5b3d-4e8a-9f61-2d7c4b8e0a15';
    return s;
  })(),
  brokenCode: 'BAD_SIGNATURE',
  tools: [
    { view: 'server', why: "the backup CS's log names the reason (BAD_SIGNATURE); its token-uuid is set here" },
    {
      view: 'tokens',
      why: "decode the token GAX sent: its user and times are right; verify it with the backup's token-uuid to see the signature fail",
    },
    { view: 'doctor', why: "export the lab's options: the doctor puts the CS's token-uuid next to what it cannot see — the one GAX signs with" },
  ],
  hints: [
    modelText("Read the backup CS's reason in the Server view's log: the token's user and times are fine; its signature is not."),
    genesysText(
      'GAX-SECURE',
      'GAX signs the username and expiry with HMAC-SHA256 using token-uuid as a salt, and the CS checks the token with its own [system] token-uuid. Which token-uuid does GAX sign with?',
    ),
    modelText(
      "In the tool's model GAX has no token-uuid of its own: it signs with the primary CS's, whichever CS it reaches. Show and copy the primary's in this lab's GAX card, and give the backup (the Server view's CS) the same value.",
      'GAX-SIDE',
    ),
  ],
  explanation: modelText(
    "In the tool's model GAX has no token-uuid of its own: it signs with the token-uuid of the primary master CS it is configured against. " +
      "The backup CS had a different [system] token-uuid, so after the switchover it checked GAX's tokens with another key: BAD_SIGNATURE. " +
      "Giving the backup the primary's token-uuid makes every CS that GAX may reach check with the same key. Changing the primary's token-uuid " +
      'instead would change the key for every GAX and every CS that already agrees with it. Compare token-uuid on the primary, every backup and every CS Proxy before a switchover finds it for you.',
    'GAX-SIDE',
  ),
  solution: modelText(
    "On the backup CS (the Server view) set [system] token-uuid to the primary CS's value — Show and Copy it in this lab's GAX card; leave the primary alone.",
    'GAX-SIDE',
  ),
  fixIn: ['cs'],
  rules: ['primary-token-uuid-kept'],
};

const preambleTooLong: LabScenario = {
  id: 'preamble-too-long',
  title: 'A long custom preamble pushes tokens past 64 bytes',
  story:
    'Security wanted tokens to be recognisable in audits, so we set token-preambula={GAX-TOKEN-AUTH} on the CS. ' +
    'Most people still log in, but operations.lead is refused every time.',
  storySource: modelSource('PXZ-1'),
  csRole: 'primary',
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
    {
      view: 'tokens',
      why: "mint a token for operations.lead and one for jsmith with the lab's preamble, and compare their lengths with the 64-byte Password field",
    },
    { view: 'server', why: "the CS's log shows the Password's length and the longest username that fits" },
    { view: 'doctor', why: 'the options file with the users checks every token against 64 bytes' },
  ],
  hints: [
    modelText("The CS refuses the login before it even reads the token: look at the reason in the Server view's log."),
    modelText(
      "In the tool's reference format a token is the preamble plus about 4/3 of (25 + the username's bytes). Compare operations.lead's token with jsmith's, and both with 64.",
      'PXZ-1',
    ),
    genesysText(
      'GAX-SECURE',
      'The token, preamble included, must fit the Password field of the GAX interface (approximately 64 bytes), and Genesys recommends not configuring token-preambula. Go back to the default {PXZ}.',
    ),
  ],
  explanation: modelText(
    'GAX puts the whole token — preamble, then the signed username and expiry — in the Password field of the GAX interface, which holds ' +
      "approximately 64 bytes including the preamble (Genesys). In the tool's reference format (PXZ-1), with the 16-character {GAX-TOKEN-AUTH} only " +
      "usernames up to 11 bytes fit; operations.lead's token is 70 characters and the mock CS refuses it: PASSWORD_TOO_LONG. The default {PXZ} " +
      "leaves 19 bytes for the username. The field cannot be widened, so [system] token-preambula has to shrink; in the tool's model GAX uses the CS's preamble, so GAX follows.",
    'PXZ-1',
  ),
  solution: genesysText(
    'GAX-SECURE',
    'Set CS [system] token-preambula back to {PXZ} (or remove it: Genesys recommends not configuring it); GAX follows the CS.',
  ),
  fixIn: ['cs'],
  rules: ['preamble-fits'],
};

const misspeltModeOption: LabScenario = {
  id: 'misspelt-mode-option',
  title: 'The option typed token-authentification-mode',
  story:
    'Yesterday we enabled token authentication on the CS and set confserv_trusted=true on GAX. Since then every GAX login fails as a ' +
    'wrong password, although the option is there in the CS application: we checked twice.',
  storySource: modelSource('CSMOCK-1'),
  csRole: 'primary',
  broken: (() => {
    const s = workingSetup('1e34bb14-d65a-4609-86b8-adee9f819f0c', [{ userName: 'hfischer', password: 'Lab-Name-04' }]);
    // The CS does not know this name: token authentication stays off.
    s.cs.tokenAuthenticationMode = 'disable';
    s.cs.extraOptions = { 'token-authentification-mode': 'enable' };
    return s;
  })(),
  brokenCode: 'BAD_PASSWORD',
  tools: [
    { view: 'doctor', why: "the CS's [system] options file: the doctor flags a name that is not a token option Genesys publishes" },
    { view: 'server', why: 'the CS checked the Password as a plain password: token authentication is not on' },
    { view: 'connect', why: "retry GAX's login after the fix and read the step trace" },
  ],
  hints: [
    modelText("The CS did not treat GAX's Password as a token at all: the Server view's log says it checked a plain password."),
    genesysText('GAX-SECURE', 'The CS reads tokens only once [system] token-authentication-mode=enable. Is that the option the CS has?'),
    genesysText(
      'GAX-SECURE',
      "Read the CS's option names letter by letter (the Doctor, on the lab's exported options): Genesys spells it token-authentication-mode.",
    ),
  ],
  explanation: genesysText(
    'GAX-SECURE',
    'Genesys names the option token-authentication-mode. The CS has token-authentification-mode instead, a name it does not know ' +
      '(the mock CS ignores unknown names; Genesys does not publish what a real CS does with them), so token authentication stayed off and ' +
      "GAX's tokens were compared with the user's password as plain text: BAD_PASSWORD. With token-authentication-mode=enable the CS reads " +
      'the token. Delete the misspelt line too: the next administrator will trust it.',
  ),
  solution: genesysText(
    'GAX-SECURE',
    'On the CS set [system] token-authentication-mode=enable and delete the misspelt token-authentification-mode line.',
  ),
  fixIn: ['cs'],
  rules: ['no-misspelt-option'],
};

export const OPTION_SCENARIOS: readonly LabScenario[] = [csModeDisabled, backupCsTokenUuid, preambleTooLong, misspeltModeOption];
