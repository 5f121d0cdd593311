/**
 * Training labs: the shapes every layer shares. A scenario is data (core/labs/scenarios.ts); its
 * broken setup is a LabSetup; the trainee changes the CS side in the Server view (the app's mock
 * CS) and the GAX side in the Labs view; a check runs a real GAX login against a mock CS built
 * from the setup and then asks the scenario whether the fix is the right one.
 *
 * Pure types: no Node, no I/O (the renderer type-checks against this file).
 */
import type { Source } from '../sources.js';

/** A lab text and whose word it is: a Genesys document, the tool's model, or its advice. */
export interface LabText {
  text: string;
  source: Source;
}

/** The Configuration Server side of a lab: what the mock CS runs with. */
export interface LabCsSetup {
  tokenAuthenticationMode: 'enable' | 'disable';
  tokenPreambula: string;
  /** the CS's token-uuid (a training value published with the scenario, not a customer secret) */
  tokenUuid: string;
  tokenToleranceSeconds: number | null;
  tokenTtlMinutes: number | null;
  gaxTokenLifeMinutes: number | null;
  /** the CS host's clock against the real one, in seconds (negative: behind) */
  clockOffsetSeconds: number;
  passwordFieldLimit: number;
  users: { userName: string; enabled: boolean; password?: string }[];
  /**
   * `[system]` options as typed in the CS application (an export would show them), including ones
   * the CS does not know — e.g. a misspelt `token-preamble`. The mock CS ignores unknown names.
   */
  extraOptions: Record<string, string>;
}

/** How GAX gets the token it sends. */
export type LabTokenSource =
  /** GAX mints a fresh token at each login (what GAX does) */
  | { kind: 'mint' }
  /** a token captured earlier is replayed: minted `issuedMinutesAgo` before the check, valid `lifeMinutes` */
  | { kind: 'replay'; issuedMinutesAgo: number; lifeMinutes: number };

/**
 * The GAX side of a lab: GAX's `[general]` options, and the token-uuid and preamble it signs with.
 * In the tool's model (GAX-SIDE) GAX has no token-uuid or preamble option of its own: it signs
 * with those of the primary master CS it is configured against. When the lab's CS is that primary
 * (csRole 'primary'), the check signs with the lab CS's values and these two fields are unused;
 * when the lab's CS is a backup, they are the primary's, which the lab keeps fixed.
 */
export interface LabGaxSetup {
  /** GAX [general] confserv_trusted */
  confservTrusted: boolean;
  /** GAX [general] token_life_in_minutes */
  tokenLifeMinutes: number;
  /** the primary master CS's token-uuid, which GAX signs with (GAX-SIDE model) */
  tokenUuid: string;
  /** the primary master CS's token-preambula, which GAX puts in front of its tokens (GAX-SIDE model) */
  preamble: string;
  /** the user GAX logs in as (RegisterClient.userName) */
  userName: string;
  /** the user the token is minted for; absent: the same as userName */
  tokenUserName?: string;
  /** the password GAX sends when confserv_trusted is false */
  password?: string;
  /** the GAX host's clock against the real one, in seconds */
  clockOffsetSeconds: number;
  tokenSource: LabTokenSource;
}

export interface LabSetup {
  cs: LabCsSetup;
  gax: LabGaxSetup;
}

/** The views a trainee is pointed to for a scenario (names of the app's navigation items). */
export type LabTool = 'setup' | 'tokens' | 'server' | 'connect' | 'doctor';

export interface LabScenario {
  /** stable, kebab-case: used on the command line and in saved progress */
  id: string;
  title: string;
  /** two or three sentences, as the customer would tell it ("since this morning GAX cannot log in") */
  story: string;
  /** whose word the story's setup is (a lab is the tool's model of a deployment) */
  storySource: Source;
  /**
   * What the lab's CS (the mock CS) plays: the primary master CS GAX is configured against, or a
   * backup that took over. GAX signs with the primary's token-uuid and preamble either way.
   */
  csRole: 'primary' | 'backup';
  /** the broken setup the lab starts from */
  broken: LabSetup;
  /** the code the broken setup's login fails with (teaching mode) */
  brokenCode: string;
  /** what the trainee can use, each with why */
  tools: { view: LabTool; why: string }[];
  /** staged hints, from a nudge to nearly the answer, each with its source */
  hints: LabText[];
  /** what went wrong and why the fix is right, shown when solved or revealed */
  explanation: LabText;
  /** the intended fix, in words (shown on reveal) */
  solution: LabText;
  /** which side(s) the intended fix changes: where the Labs view sends the trainee */
  fixIn: ('cs' | 'gax')[];
  /**
   * The checks this scenario adds to the general ones every fix must pass (core/labs/judge.ts says
   * what each means). Ids, not functions, so a scenario stays plain data that can cross IPC.
   */
  rules: LabRuleId[];
}

/**
 * Per-scenario checks (judge.ts, SCENARIO_RULES):
 * - `primary-token-uuid-kept`: the primary CS's token-uuid (the one GAX signs with) is the one the scenario started with
 *   (the backup takes the primary's value, not the other way round)
 * - `cs-clock-synced` / `gax-clock-synced`: that host's clock is within the default token-tolerance (60 s) of real time,
 *   even where a wider token-tolerance would hide the difference
 * - `ttl-covers-life`: an explicit token-ttl is at least GAX's token_life_in_minutes
 * - `preamble-fits`: the preamble GAX signs with is the lab CS's, and the scenario user's token fits 64 bytes with it
 * - `no-misspelt-option`: no CS option name left that is a near miss of a token option (e.g. token-preamble)
 */
export type LabRuleId =
  'primary-token-uuid-kept' | 'cs-clock-synced' | 'gax-clock-synced' | 'ttl-covers-life' | 'preamble-fits' | 'no-misspelt-option';

/** One reason a fix is not (yet) the right one, in words, naming the option or clock. */
export interface LabCheckProblem {
  /** e.g. 'login-failed', 'token-auth-off', 'password-login', 'tolerance-too-wide' */
  id: string;
  message: string;
  /** whose word the rule is: a Genesys document, the tool's model or its advice */
  source: Source;
}

export interface LabCheckResult {
  scenarioId: string;
  solved: boolean;
  /** one sentence: "Solved: …" or what is still wrong */
  verdict: string;
  login: {
    outcome: string;
    /** the server's code, e.g. OK, BAD_SIGNATURE (absent when it never answered) */
    code?: string;
    message: string;
    authMethod?: 'token' | 'password';
  };
  problems: LabCheckProblem[];
  /** ms since the epoch, by the check's clock */
  checkedAt: number;
}

/** What is kept across restarts, per scenario. */
export interface LabProgressEntry {
  status: 'not-started' | 'in-progress' | 'solved';
  /** how many hints were shown (0..hints.length) */
  hintsShown: number;
  revealed: boolean;
  attempts: number;
  /** ISO 8601 instants */
  startedAt: string | null;
  solvedAt: string | null;
}
