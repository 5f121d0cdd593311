/**
 * Training labs and classroom mode. A lab's CS side is the app's mock CS (changed through the
 * mockcs.* requests, as in the Server view); its GAX side is held by main and changed here. Outputs
 * never carry a token-uuid: the one GAX signs with (the primary CS's, GAX-SIDE) is shown masked,
 * the CS one stays behind mockcs.status's mask. Passwords are reduced to whether there is one.
 * The explicit exceptions, each a person's click: labs.export (the option files for the Doctor)
 * and labs.handout.tokenUuid (the Show on the GAX card and on the classroom handout).
 */
import { z } from 'zod';
import { LAB_MAX_MINUTES } from '../../core/labs/setup.js';
import { int, noInput, portField, request } from './define.js';
import { mockCsView, userNameField } from './mockcs.js';
import { explanationSource } from './tokens.js';

/** Scenario ids are kebab-case (core/labs/types.ts). */
export const labId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'is not a lab id (kebab-case)' })
  .max(64);

const labTool = z.enum(['setup', 'tokens', 'server', 'connect', 'doctor']);
const isoOrNull = z.string().nullable();

export const labProgress = z.strictObject({
  status: z.enum(['not-started', 'in-progress', 'solved']),
  hintsShown: z.number(),
  revealed: z.boolean(),
  attempts: z.number(),
  startedAt: isoOrNull,
  solvedAt: isoOrNull,
});

export const labSummary = z.strictObject({
  id: z.string(),
  title: z.string(),
  story: z.string(),
  hintCount: z.number(),
  fixIn: z.array(z.enum(['cs', 'gax'])),
  progress: labProgress,
});

const tokenSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('mint') }),
  z.strictObject({ kind: z.literal('replay'), issuedMinutesAgo: int(0, LAB_MAX_MINUTES), lifeMinutes: int(1, LAB_MAX_MINUTES) }),
]);

/** The GAX side as the renderer may see it: the token-uuid masked, the password reduced to whether there is one. */
export const labGaxView = z.strictObject({
  confservTrusted: z.boolean(),
  tokenLifeMinutes: z.number(),
  tokenUuid: z.strictObject({ masked: z.string(), valid: z.boolean() }),
  preamble: z.string(),
  userName: z.string(),
  /** the user the token is minted for; null: the login user */
  tokenUserName: z.string().nullable(),
  hasPassword: z.boolean(),
  clockOffsetSeconds: z.number(),
  tokenSource,
});

export const labCheckResult = z.strictObject({
  scenarioId: z.string(),
  solved: z.boolean(),
  verdict: z.string(),
  login: z.strictObject({
    outcome: z.string(),
    code: z.string().optional(),
    message: z.string(),
    authMethod: z.enum(['token', 'password']).optional(),
  }),
  problems: z.array(z.strictObject({ id: z.string(), message: z.string(), source: explanationSource })),
  checkedAt: z.number(),
});

/** A lab text and whose word it is (core/sources.ts): the Labs view shows the label beside it. */
export const labText = z.strictObject({ text: z.string(), source: explanationSource });

export const openLabView = z.strictObject({
  scenario: z.strictObject({
    id: z.string(),
    title: z.string(),
    story: z.string(),
    storySource: explanationSource,
    /** what the lab's CS plays: the primary GAX is configured against, or a backup that took over */
    csRole: z.enum(['primary', 'backup']),
    brokenCode: z.string(),
    tools: z.array(z.strictObject({ view: labTool, why: z.string() })),
    fixIn: z.array(z.enum(['cs', 'gax'])),
    hintCount: z.number(),
    /**
     * The GAX side the lab starts from, as the scenario defines it (not as the trainee has changed
     * it): the classroom handout, what trainees type in Connect. Its token-uuid only via labs.handout.tokenUuid.
     */
    brokenGax: labGaxView,
  }),
  progress: labProgress,
  /** the hints shown so far, in order */
  hints: z.array(labText),
  /** once revealed */
  solution: labText.nullable(),
  /** once solved or revealed */
  explanation: labText.nullable(),
  gax: labGaxView,
  /** `[system]` options typed on the CS application that the CS does not know */
  extraOptions: z.record(z.string(), z.string()),
  /** the last check of this lab in this session */
  lastCheck: labCheckResult.nullable(),
  /** something the trainee should know about how the lab was (re)opened, one line */
  notice: z.string().nullable(),
});
export type OpenLabView = z.infer<typeof openLabView>;

/**
 * Any subset of the GAX side's own options. No token-uuid or preamble: in the tool's model (GAX-SIDE)
 * GAX has none of its own and signs with the primary CS's, so they are changed on a CS, not here.
 */
export const labGaxPatch = z.strictObject({
  confservTrusted: z.boolean().optional(),
  tokenLifeMinutes: int(1, LAB_MAX_MINUTES).optional(),
  userName: userNameField.optional(),
  /** null: the token is minted for the login user */
  tokenUserName: userNameField.nullable().optional(),
  /** null: no password */
  password: z.string().min(1).max(1024).nullable().optional(),
  clockOffsetSeconds: int(-10 * 366 * 86400, 10 * 366 * 86400).optional(),
  tokenSource: tokenSource.optional(),
});
export type LabGaxPatch = z.infer<typeof labGaxPatch>;

export const networkInterfaceView = z.strictObject({
  /** the OS's name for it, e.g. eth0, Wi-Fi */
  name: z.string(),
  address: z.string(),
  family: z.enum(['IPv4', 'IPv6']),
});

/** A class's limits, for the app's classroom mode and every `gax-token lab start` (and `serve` beyond loopback). */
export const CLASSROOM_LIMITS = {
  maxConnections: 200,
  maxConnectionsPerAddress: 50,
  registerTimeoutSeconds: 15,
  maxFailedAttempts: 5,
  maxLineBytes: 16384,
} as const;

export const classroomView = z.strictObject({
  on: z.boolean(),
  /** the classroom listener while on: the address trainees point Connect at */
  host: z.string().nullable(),
  port: z.number().nullable(),
  tls: z.boolean(),
  /** the listener's id in mock CS events ("192.0.2.2:2020", "tls …"), for the trainees table */
  listenerId: z.string().nullable(),
  fingerprint256: z.string().nullable(),
  /** ms since the epoch (the app's clock) */
  since: z.number().nullable(),
  limits: z.strictObject({
    maxConnections: z.number(),
    maxConnectionsPerAddress: z.number(),
    registerTimeoutSeconds: z.number(),
    maxFailedAttempts: z.number(),
    maxLineBytes: z.number(),
  }),
});
export type ClassroomView = z.infer<typeof classroomView>;

export const labsRequests = {
  'labs.list': request(
    noInput,
    z.strictObject({ labs: z.array(labSummary), openId: z.string().nullable() }),
    'every lab with its saved progress, and which one is open',
  ),
  'labs.open': request(
    z.strictObject({ id: labId }),
    openLabView,
    "open a lab: its broken CS setup on a mock CS of the lab's own (started, shown in the Server view), its broken GAX side held by main, progress marked started",
  ),
  'labs.current': request(noInput, z.strictObject({ lab: openLabView.nullable() }), 'the open lab, or null'),
  'labs.gax.update': request(z.strictObject({ patch: labGaxPatch }), openLabView, "change the open lab's GAX side"),
  'labs.extraOptions.remove': request(
    z.strictObject({ name: z.string().min(1).max(128) }),
    openLabView,
    'delete an option typed on the CS application (e.g. a misspelt one) from the open lab',
  ),
  'labs.export': request(
    noInput,
    z.strictObject({ files: z.array(z.strictObject({ name: z.string(), text: z.string(), application: z.enum(['cs', 'gax']) })) }),
    // An explicit action of the person ("Open in Doctor"), like secrets.reveal: the CS export holds
    // the lab's token-uuid as an export would — a training value published with the scenario.
    "the open lab's CS [system] and GAX [general] options as exported files (the CS side as the mock CS runs now), for the Doctor",
  ),
  'labs.handout.tokenUuid': request(
    z.strictObject({ id: labId }),
    z.strictObject({ id: z.string(), tokenUuid: z.string() }),
    // Only on an explicit Show, like labs.export: a training value published with the scenario.
    "the token-uuid GAX signs with in the open lab (the primary CS's), in clear, for the GAX card's and the handout's Show",
  ),
  'labs.check': request(noInput, openLabView, "log in as the lab's GAX against the mock CS and judge the fix; progress saved"),
  'labs.hint': request(
    z.strictObject({ id: labId }),
    z.strictObject({ id: z.string(), hints: z.array(labText), progress: labProgress }),
    'show the next hint (the count is saved)',
  ),
  'labs.reveal': request(
    z.strictObject({ id: labId }),
    z.strictObject({ id: z.string(), solution: labText, explanation: labText, progress: labProgress }),
    'the solution and the explanation (saved as revealed)',
  ),
  'labs.reset': request(
    z.strictObject({ id: labId }),
    z.strictObject({ id: z.string(), progress: labProgress, lab: openLabView.nullable() }),
    'progress back to not started; if it is the open lab, its broken setup put back',
  ),
  'labs.classroom.status': request(
    noInput,
    z.strictObject({ classroom: classroomView, interfaces: z.array(networkInterfaceView) }),
    "classroom mode and this machine's network addresses (IPv4 and IPv6, loopback and link-local left out)",
  ),
  'labs.classroom.start': request(
    z.strictObject({
      host: z.string().min(1).max(253),
      port: portField,
      tls: z.boolean().default(false),
      /** the person read that other machines can reach it */
      confirm: z.literal(true, { error: 'must be true: classroom mode opens the mock CS to the network' }),
    }),
    z.strictObject({ classroom: classroomView, mockcs: mockCsView }),
    'add a listener on a network address and apply the class limits (the mock CS is started)',
  ),
  'labs.classroom.stop': request(
    noInput,
    z.strictObject({ classroom: classroomView, mockcs: mockCsView }),
    'back to loopback only: the classroom listener removed, the previous limits restored',
  ),
  'labs.close': request(
    noInput,
    z.strictObject({ closed: z.string().nullable() }),
    "leave the open lab: its mock CS stopped, the user's own mock CS back in the Server view as it was",
  ),
} as const;
