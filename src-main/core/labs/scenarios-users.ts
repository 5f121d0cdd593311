/**
 * Labs about who logs in: a token minted for another user than the one logging in, and a valid
 * token for a disabled account. The tempting wrong fix in both is to log in as someone else.
 */
import { modelSource } from '../sources.js';
import { workingSetup } from './setup.js';
import { modelText } from './text.js';
import type { LabScenario } from './types.js';

const tokenForAnotherUser: LabScenario = {
  id: 'token-for-another-user',
  title: "GAX logs in as one user with another user's token",
  story:
    'Last week a single-sign-on gateway went in front of GAX. Since then mgarcia is refused at every login, ' +
    'and the CS says the token belongs to someone else.',
  storySource: modelSource('CSMOCK-1'),
  csRole: 'primary',
  broken: (() => {
    const s = workingSetup('acf0e142-3032-4646-b226-35d74bd971ca', [
      { userName: 'mgarcia', password: 'Lab-User-08' },
      { userName: 'svc-sso', password: 'Lab-User-08b' },
    ]);
    // The gateway signs tokens for its own service account, then registers as the person.
    s.gax.tokenUserName = 'svc-sso';
    return s;
  })(),
  brokenCode: 'USER_MISMATCH',
  tools: [
    { view: 'tokens', why: 'decode the token GAX sent and read the username signed inside it' },
    { view: 'server', why: "the CS's log puts the token's user next to the request's UserName" },
    { view: 'connect', why: 'log in again once the token is minted for the right user' },
  ],
  hints: [
    modelText('The signature and the times are fine. The CS compares one more thing before it accepts a token.'),
    modelText('Decode the token: whose username is signed inside it? Compare it with the UserName of the request (mgarcia).', 'PXZ-1'),
    modelText('The token is minted for svc-sso. A token must be minted for the user who logs in: mint it for mgarcia.'),
  ],
  explanation: modelText(
    'A PXZ-1 token signs the username it was made for (with the key from token-uuid), and the CS accepts it only for that UserName, compared byte for byte. The ' +
      'gateway minted every token for its own account svc-sso and then registered as mgarcia: USER_MISMATCH. That check is what stops ' +
      "one user's token from opening another user's session. The fix is to mint the token for the user who logs in. Logging in as " +
      'svc-sso instead would get a session — as the wrong person.',
  ),
  solution: modelText('Mint the token for the user who logs in: token user = mgarcia (remove the separate token user).'),
  fixIn: ['gax'],
  rules: [],
};

const userDisabled: LabScenario = {
  id: 'user-disabled',
  title: "The user's account is disabled",
  story: 'Kim came back from parental leave today and cannot log in to GAX, while her colleagues can. ' + 'Oddly, the CS says her token is valid.',
  storySource: modelSource('CSMOCK-1'),
  csRole: 'primary',
  broken: (() => {
    const s = workingSetup('e950fded-9e78-411a-a2be-02fe78da18ca', [
      { userName: 'kwilson', password: 'Lab-User-09', enabled: false },
      { userName: 'tnguyen', password: 'Lab-User-09b' },
    ]);
    return s;
  })(),
  brokenCode: 'USER_DISABLED',
  tools: [
    { view: 'server', why: "the CS's log says the token was valid and what it checked after it; the Server view lists the Persons" },
    { view: 'connect', why: 'log in as kwilson again after the change' },
    { view: 'tokens', why: 'decode and verify the token: user, signature and times are all right' },
  ],
  hints: [
    modelText('The CS accepted the token itself. What does it check after the token?'),
    modelText("Look at the Person objects on the CS (the Server view's users): compare kwilson with tnguyen."),
    modelText("kwilson's account is disabled. Enable the Person on the CS; do not log in as someone else."),
  ],
  explanation: modelText(
    'The token was right — key, times and user — and the CS said so. After the token, the CS checks that the Person exists and is ' +
      "enabled; Kim's account was disabled while she was away: USER_DISABLED. Enabling the Person fixes it. Logging in as a colleague, " +
      'or switching tokens off (token-authentication-mode=disable, confserv_trusted=false), would not: the account would still be disabled.',
  ),
  solution: modelText('On the CS enable the Person kwilson (users: enabled true).'),
  fixIn: ['cs'],
  rules: [],
};

export const USER_SCENARIOS: readonly LabScenario[] = [tokenForAnotherUser, userDisabled];
