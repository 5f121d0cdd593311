/**
 * Web mode from start to stop: the user-data folder, the IPC runtime (secrets only in this
 * process's memory: a browser has no OS keychain to lend us), the loopback server, the announced
 * URL, and a clean stop on Ctrl+C or SIGTERM. Used by `node dist/main/web/main.js` and by
 * `npm start` when Electron cannot start. Every failure is one line saying what to do.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crashSummary } from '../host/crash-report.js';
import { createIpcRuntime, type IpcRuntime } from '../ipc/index.js';
import { openSupportLog, supportLogDir, type SupportLog } from '../host/support-log.js';
import { SessionSecretVault } from '../store/index.js';
import { startWebServer, WebServerError, type WebServer } from './server.js';
import { HOME_ENV, dataFolder } from '../host/data-folder.js';
import { cannotStartLine, parseWebArgs, WEB_USAGE } from './web-args.js';

export interface WebModeOptions {
  /** the folder holding package.json and dist/ */
  appRoot: string;
  env?: NodeJS.ProcessEnv;
  out?: (line: string) => void;
  err?: (line: string) => void;
  /** where uncaught exceptions and unhandled rejections come from; default `process` */
  crashSource?: Pick<NodeJS.EventEmitter, 'on'>;
}

/** Runs web mode until SIGINT/SIGTERM; resolves with the process exit code. */
export async function runWebMode(argv: readonly string[], options: WebModeOptions): Promise<number> {
  // What web mode says goes to the support log too, once the data folder (and so the log) is there.
  let supportLog: SupportLog | null = null;
  const toStdout = options.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const toStderr = options.err ?? ((line: string) => process.stderr.write(`${line}\n`));
  const out = (line: string): void => (toStdout(line), supportLog?.write('info', line));
  const err = (line: string): void => (toStderr(line), supportLog?.write('error', line));
  const env = options.env ?? process.env;
  let runtime: IpcRuntime | undefined;
  reportUnexpectedErrors(
    options.crashSource ?? process,
    err,
    () => runtime,
    (error) => supportLog?.crash('unexpected error', error),
  );
  const cannotStart = (why: string): number => {
    err(cannotStartLine(why));
    return 1;
  };

  const args = parseWebArgs(argv);
  if (!args.ok) return cannotStart(args.message);
  if (args.help) {
    out(WEB_USAGE);
    return 0;
  }
  const rendererDir = path.join(options.appRoot, 'dist', 'renderer');
  if (!existsSync(path.join(rendererDir, 'index.html')))
    return cannotStart(`the renderer build is missing (${rendererDir}); run "npm run build" and start again`);

  const dataDir = dataFolder(env, process.platform, os.homedir());
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (e) {
    return cannotStart(
      `the data folder ${dataDir} cannot be created (${(e as NodeJS.ErrnoException).code ?? 'error'}); set ${HOME_ENV} to a writable folder`,
    );
  }

  supportLog = openSupportLog({ dir: supportLogDir(dataDir) });
  let server: WebServer | undefined;
  try {
    runtime = await createIpcRuntime({
      mode: 'web',
      dataDir,
      cipher: new SessionSecretVault(),
      appInfo: { version: readVersion(options.appRoot), versions: { node: process.versions.node } },
      // The socket already proved the secret; the Origin must also be this server's own page.
      isTrustedSender: (sender) => sender.authenticated && server !== undefined && server.isOwnOrigin(sender.url),
      onInternalError: (channel, error) => err(`[gax-token-lab] ${channel} failed unexpectedly: ${crashSummary(error)}`),
      logDir: supportLog.dir,
      log: (level, line) => supportLog?.write(level, line),
    });
    supportLog.follow(runtime);
  } catch (e) {
    return cannotStart(crashSummary(e));
  }
  try {
    server = await startWebServer({ rendererDir, runtime, host: '127.0.0.1', port: args.port });
  } catch (e) {
    await runtime.dispose().catch(() => undefined);
    runtime = undefined;
    if (e instanceof WebServerError && e.code === 'PORT_IN_USE')
      return cannotStart(`${e.message}; choose another with --port N, or --port 0 for any free port`);
    return cannotStart(e instanceof WebServerError ? e.message : crashSummary(e));
  }

  supportLog.write('info', `web mode started at ${server.origin} (data folder ${dataDir})`);
  // The URL carries the session's key: it is printed for the person, never written to the log.
  toStdout(`GAX Token Lab (web mode) at ${server.url}`);
  toStdout('Open that URL in a browser; Ctrl+C stops.');
  await stopSignal(() => err('Stopping now without waiting any longer.'));
  const stopped = await withinMs(STOP_TIMEOUT_MS, Promise.allSettled([server.close(), runtime.dispose()]));
  if (!stopped) {
    err(`GAX Token Lab (web mode) did not stop cleanly within ${STOP_TIMEOUT_MS / 1000} s; exiting anyway.`);
    return 1;
  }
  out('GAX Token Lab (web mode) stopped.');
  return 0;
}

/**
 * An unexpected error after start-up is reported in one scrubbed line — on stderr, and in the
 * window's banner (`app.problem`) once the runtime is up — and the server keeps serving, as the
 * Electron app keeps its window: the person's session is not thrown away.
 */
function reportUnexpectedErrors(
  source: Pick<NodeJS.EventEmitter, 'on'>,
  err: (line: string) => void,
  runtime: () => IpcRuntime | undefined,
  logCrash: (error: unknown) => void,
): void {
  const report = (error: unknown): void => {
    logCrash(error);
    err(`[gax-token-lab] unexpected error: ${crashSummary(error)}`);
    runtime()?.reportProblem(error);
  };
  source.on('uncaughtException', report);
  source.on('unhandledRejection', report);
}

/** how long a stop may take (the mock CS and login runs wind down) before the process just exits */
const STOP_TIMEOUT_MS = 10_000;

async function withinMs(ms: number, work: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const done = await Promise.race([work.then(() => true as const), late]);
  clearTimeout(timer);
  return done;
}

/**
 * Resolves on the first SIGINT or SIGTERM. A second one while stopping means "now": the process
 * exits at once (a stuck stop must never trap the person).
 */
function stopSignal(onForce: () => void): Promise<void> {
  return new Promise((resolve) => {
    let stopping = false;
    const onSignal = (): void => {
      if (stopping) {
        onForce();
        process.exit(1);
      }
      stopping = true;
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

function readVersion(appRoot: string): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
