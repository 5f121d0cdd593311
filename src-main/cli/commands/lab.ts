/**
 * gax-token lab: the training labs on the command line. `list` and `show` describe them, `start`
 * serves a lab's broken CS (as `serve` does, with its listener and log lines), and `check` runs a
 * trainee's fixed setup through a real login and the judge.
 */
import { maskTokenUuid, parseTokenUuid } from '../../core/index.js';
import { findScenario, gaxSigning, LAB_SCENARIOS, type LabScenario, type LabSetup } from '../../core/labs/index.js';
import { labCsToMockCsOptions, labSetupToJson, parseLabSetup, runLabCheck } from '../../labs/index.js';
import { instructorReserve } from '../../mockcs/index.js';
import { CLASSROOM_LIMITS } from '../../ipc/contract/labs.js';
import { isLoopbackHost } from '../../shared/loopback.js';
import { printable } from '../../shared/zod-issues.js';
import { formatHelp, UsageError, type ArgsWith, type CommandSpec, type OptionSpec } from '../args.js';
import { EXIT, defineCommand, formatFields } from '../command.js';
import { printJson, readTextArgument, type CliIo } from '../io.js';
import { sourceTag } from '../source-tag.js';
import { dataDirOf, dataFolderOf, serveUntilStopped } from './serve-loop.js';

const C = CLASSROOM_LIMITS;
const NAME = { name: 'NAME', description: 'the lab (`gax-token lab list` shows the names)', required: true, choices: LAB_SCENARIOS.map((s) => s.id) };
const json: OptionSpec<'boolean'> = { type: 'boolean', description: 'print JSON instead of text' };

const SUBCOMMANDS = {
  list: {
    name: 'lab list',
    summary: 'the labs: name, the code the broken setup fails with, title',
    options: { json },
  },
  show: {
    name: 'lab show',
    summary: "a lab's story and the views that help (no hints, no solution)",
    positionals: [NAME],
    options: {
      setup: { type: 'boolean', description: 'print the broken setup as JSON instead: the file to edit and pass to `lab check --config`' },
      json,
    },
  },
  start: {
    name: 'lab start',
    summary: "serve a lab's broken Configuration Server until Ctrl-C",
    positionals: [NAME],
    options: {
      host: { type: 'string', value: 'H', description: 'listen on this address (default 127.0.0.1; another needs --allow-network)' },
      port: { type: 'integer', value: 'P', min: 0, max: 65535, description: 'listen on this port (default 2020; 0 picks a free one)' },
      'allow-network': { type: 'boolean', description: 'allow a non-loopback --host (a classroom): anyone who reaches it can log in' },
      tls: { type: 'boolean', description: 'a TLS listener, with a self-signed certificate (kept in the data folder, as for serve)' },
      'json-log': { type: 'boolean', description: 'print the events as JSON lines instead of log lines' },
    },
    notes: `Prints "listening on HOST:PORT", then the story and the GAX settings to point at it — the lab's
token-uuid included: it is a published training value, not a secret — then one log line per event.
A lab served is a class, on any address: at most ${C.maxConnections} connections (the last ${instructorReserve(C)} kept for
127.0.0.1, the instructor), ${C.maxConnectionsPerAddress} from one remote address, ${C.registerTimeoutSeconds} s to register, closed after ${C.maxFailedAttempts} failed attempts.
Exit: 0 stopped by SIGINT/SIGTERM, 1 could not listen, 2 bad arguments.`,
  },
  check: {
    name: 'lab check',
    summary: 'is this fix right? A real login against the fixed setup, then the judge',
    positionals: [NAME],
    options: {
      config: { type: 'string', value: 'FILE', description: 'the fixed setup (JSON, as `lab show NAME --setup` writes it)' },
      json,
    },
    notes: `example:
  gax-token lab show cs-clock-behind --setup > fix.json    # edit fix.json, then:
  gax-token lab check cs-clock-behind --config fix.json

The check starts a mock CS from the file's "cs" part on a free loopback port, logs in as the "gax" part
says, and then judges the fix: token authentication must stay on, GAX must log in as the lab's user with a
fresh token, and no window may be widened to hide the fault.
GAX signs with the primary CS's token-uuid and preamble [model]: where the lab's CS is the primary that is
the "cs" part's; "gax".tokenUuid and "gax".preamble are the primary's, used where the lab's CS is a backup.
Exit: 0 solved, 1 not solved, 2 bad arguments or an unreadable file.`,
  },
} satisfies Record<string, CommandSpec>;

export const lab = defineCommand({
  spec: {
    name: 'lab',
    summary: 'training labs: list, show, start a broken CS, check a fix',
    positionals: [
      { name: 'COMMAND', description: 'list, show, start or check', required: true },
      { name: 'NAME', description: 'the lab (`gax-token lab list` shows the names)' },
    ],
    // Every subcommand's options; run() refuses one given to a subcommand that does not take it.
    options: { ...SUBCOMMANDS.list.options, ...SUBCOMMANDS.show.options, ...SUBCOMMANDS.start.options, ...SUBCOMMANDS.check.options },
    notes: `commands:
${Object.entries(SUBCOMMANDS)
  .map(([name, s]) => `  ${name.padEnd(6)}  ${s.summary}`)
  .join('\n')}

Each lab is a setup an engineer can meet in a real deployment, built on the tool's model: the mock CS
(csmock/1), PXZ-1 tokens, and GAX signing with the token-uuid and preamble of the primary CS it is
configured against (it has none of its own) [model]. A lab's CS is that primary, or a backup that took
over. In the app each hint and explanation is labelled "Genesys doc", "tool's model" or "advice".

gax-token lab COMMAND --help shows each command's options.`,
  },
  subcommands: SUBCOMMANDS,
  helpFor(args): string {
    const sub = subcommandSpec(args.positionals[0]);
    return formatHelp(sub ?? lab.spec);
  },
  async run(args, io) {
    const subName = args.positionals[0] ?? '';
    const sub = subcommandSpec(subName);
    if (!sub) throw new UsageError(`unknown lab command "${printable(subName)}": use list, show, start or check`);
    for (const [option, value] of Object.entries(args.options))
      if (value !== undefined && !Object.hasOwn(sub.options, option)) throw new UsageError(`--${option} is not an option of '${sub.name}'`);
    const wanted = sub.positionals?.length ?? 0;
    if (args.positionals.length - 1 < wanted) throw new UsageError(`'${sub.name}' needs NAME (a lab: \`gax-token lab list\` shows the names)`);
    if (args.positionals.length - 1 > wanted)
      throw new UsageError(
        `'${sub.name}' takes ${wanted === 0 ? 'no arguments' : 'one NAME'}; unexpected "${printable(args.positionals[wanted + 1]!)}"`,
      );
    if (subName === 'list') return list(args, io);
    const scenario = scenarioNamed(args.positionals[1]!);
    if (subName === 'show') return show(scenario, args, io);
    if (subName === 'start') return start(scenario, args, io);
    return check(scenario, args, io);
  },
});

function subcommandSpec(name: string | undefined): CommandSpec | undefined {
  return name !== undefined && Object.hasOwn(SUBCOMMANDS, name) ? (SUBCOMMANDS as Record<string, CommandSpec>)[name] : undefined;
}

function scenarioNamed(name: string): LabScenario {
  const scenario = findScenario(name);
  if (!scenario) throw new UsageError(`unknown lab "${printable(name)}": \`gax-token lab list\` shows the names`);
  return scenario;
}

function list(args: ArgsWith<{ json: 'boolean' }>, io: CliIo): number {
  if (args.options['json'] === true) {
    printJson(io, { labs: LAB_SCENARIOS.map((s) => ({ id: s.id, title: s.title, brokenCode: s.brokenCode, fixIn: s.fixIn })) });
    return EXIT.OK;
  }
  const idWidth = Math.max(...LAB_SCENARIOS.map((s) => s.id.length));
  const codeWidth = Math.max(...LAB_SCENARIOS.map((s) => s.brokenCode.length));
  for (const s of LAB_SCENARIOS) io.stdout.write(`${s.id.padEnd(idWidth)}  ${s.brokenCode.padEnd(codeWidth)}  ${s.title}\n`);
  return EXIT.OK;
}

function show(s: LabScenario, args: ArgsWith<{ setup: 'boolean'; json: 'boolean' }>, io: CliIo): number {
  if (args.options['setup'] === true) {
    io.stdout.write(labSetupToJson(s.broken));
    return EXIT.OK;
  }
  if (args.options['json'] === true) {
    printJson(io, {
      id: s.id,
      title: s.title,
      story: s.story,
      storySource: s.storySource,
      csRole: s.csRole,
      brokenCode: s.brokenCode,
      tools: s.tools,
      fixIn: s.fixIn,
    });
    return EXIT.OK;
  }
  io.stdout.write(
    `${s.id} — ${s.title}\n\n${s.story} ${sourceTag(s.storySource)}\n\n${roleLine(s)}\nfails with ${s.brokenCode}; the fix is on the ${s.fixIn.map((f) => (f === 'cs' ? 'CS' : 'GAX')).join(' and/or ')} side\n\nviews that help:\n` +
      formatFields(s.tools.map((t) => [t.view, t.why])) +
      `\nserve it:     gax-token lab start ${s.id}\ncheck a fix:  gax-token lab show ${s.id} --setup > fix.json   (edit it)\n              gax-token lab check ${s.id} --config fix.json\n`,
  );
  return EXIT.OK;
}

async function start(
  s: LabScenario,
  args: ArgsWith<{ host: 'string'; port: 'integer'; tls: 'boolean'; 'allow-network': 'boolean'; 'json-log': 'boolean' }>,
  io: CliIo,
): Promise<number> {
  const host = args.options['host'] ?? '127.0.0.1';
  const port = args.options['port'] ?? 2020;
  const tls = args.options['tls'] === true;
  if (!isLoopbackHost(host) && args.options['allow-network'] !== true)
    throw new UsageError(`--host ${printable(host)} is not a loopback address: add --allow-network to serve the lab to a classroom`);
  return serveUntilStopped(
    {
      command: 'lab start',
      owner: `lab:${s.id}`,
      name: s.title,
      // Only a TLS listener writes to the data folder (its certificate, kept so trainees' pins survive
      // a restart): the lab's token-uuid is configured, so without TLS nothing is written there.
      dataDir: tls ? dataDirOf(io) : dataFolderOf(io),
      options: {
        ...labCsToMockCsOptions(s.broken.cs),
        ...CLASSROOM_LIMITS,
        diagnostics: 'teaching',
        listeners: [{ host, port, ...(tls ? { tls: true } : {}) }],
      },
      json: args.options['json-log'] === true,
      announce: (_cs, listeners) =>
        (isLoopbackHost(host)
          ? ''
          : `warning: the lab's CS listens on ${host}, beyond this machine: anyone who reaches it can log in with the published training token-uuid; stop it after the class\n`) +
        introduction(s, listeners[0]?.host ?? host, listeners[0]?.port ?? port),
    },
    io,
  );
}

/** What the lab's CS plays, and so which token-uuid and preamble GAX signs with (GAX-SIDE). */
function roleLine(s: LabScenario): string {
  return s.csRole === 'backup'
    ? "this CS is the backup that took over; GAX signs with the primary CS's token-uuid and preamble [model]\n"
    : 'this CS is the primary GAX is configured against; GAX signs with its token-uuid and preamble [model]\n';
}

/** The story, then what GAX is set to (where trainees start from) and what the CS runs with. */
function introduction(s: LabScenario, host: string, port: number): string {
  const { gax, cs } = s.broken;
  const signing = gaxSigning(s, s.broken);
  const rows: [string, string][] = [
    ['host, port', `${WILDCARD.has(host) ? "this machine's address" : host.includes(':') ? `[${host}]` : host}:${port}`],
    ['UserName', gax.userName],
    ['confserv_trusted', String(gax.confservTrusted)],
    ['token_life_in_minutes', String(gax.tokenLifeMinutes)],
    ['token-uuid', `${signing.tokenUuid}   (the primary CS's, which GAX signs with; a published training value)`],
    ['preamble', signing.preamble],
  ];
  if (gax.clockOffsetSeconds) rows.push(['GAX clock', signed(gax.clockOffsetSeconds)]);
  if (gax.tokenUserName !== undefined) rows.push(['token minted for', gax.tokenUserName]);
  if (gax.tokenSource.kind === 'replay')
    rows.push(['token', `replayed: minted ${gax.tokenSource.issuedMinutesAgo} min ago, valid ${gax.tokenSource.lifeMinutes} min`]);
  const uuid = parseTokenUuid(cs.tokenUuid);
  const csLine =
    `${roleLine(s)}the CS: token-authentication-mode=${cs.tokenAuthenticationMode === 'enable' ? 'enable' : 'unset (token authentication off)'}, token-preambula=${cs.tokenPreambula}, ` +
    `token-uuid ${uuid.ok ? maskTokenUuid(uuid.canonical) : '(unreadable)'}, token-tolerance=${cs.tokenToleranceSeconds ?? 'default (60 s)'}, ` +
    `token-ttl=${cs.tokenTtlMinutes ?? 'unset'}${cs.clockOffsetSeconds ? `, clock ${signed(cs.clockOffsetSeconds)}` : ''}; users: ` +
    cs.users.map((u) => `${u.userName}${u.enabled ? '' : ' (disabled)'}`).join(', ');
  return (
    `lab ${s.id} — ${s.title}\n  ${s.story}\n\npoint GAX at it with:\n${formatFields(rows)}${csLine}\n` +
    `check a fix: gax-token lab show ${s.id} --setup > fix.json, edit it, gax-token lab check ${s.id} --config fix.json. Ctrl-C stops.\n`
  );
}

async function check(s: LabScenario, args: ArgsWith<{ config: 'string'; json: 'boolean' }>, io: CliIo): Promise<number> {
  const file = args.options['config'];
  if (file === undefined) throw new UsageError(`'lab check' needs --config FILE (write one with: gax-token lab show ${s.id} --setup > fix.json)`);
  const parsed = parseLabSetup(await readTextArgument(file, '--config'));
  if (!parsed.ok) throw new UsageError(`--config ${file}: ${parsed.message}`);
  const abort = new AbortController();
  void io.stopSignal.then(() => abort.abort());
  const result = await runLabCheck({ scenario: s, setup: parsed.setup, signal: abort.signal });
  if (args.options['json'] === true) printJson(io, result);
  else io.stdout.write(describeCheck(result.verdict, result.login, result.problems, parsed.setup));
  return result.solved ? EXIT.OK : EXIT.REJECTED;
}

function describeCheck(
  verdict: string,
  login: { outcome: string; code?: string; message: string; authMethod?: string },
  problems: { id: string; message: string }[],
  setup: LabSetup,
): string {
  const outcome = `${login.outcome}${login.code ? ` (${login.code})` : ''}${login.authMethod ? `, by ${login.authMethod}` : ''}`;
  let out = `${verdict}\n\n${formatFields([
    ['login', `"${setup.gax.userName}": ${outcome}`],
    ['', login.message],
  ])}`;
  if (problems.length > 0) out += `\nproblems:\n${problems.map((p) => `  - ${p.id}: ${p.message}`).join('\n')}\n`;
  return out;
}

/** addresses that listen on every interface: trainees use the machine's own address */
const WILDCARD = new Set(['0.0.0.0', '::']);

function signed(seconds: number): string {
  return `${seconds > 0 ? '+' : ''}${seconds} s`;
}
