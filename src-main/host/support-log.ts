/**
 * The support log: one file a person can send with a ticket, for the Electron app and web mode
 * alike (plain Node, no `electron`). electron-log's Node entry writes and rotates it — past its
 * bound the file becomes `main.old.log` and a new one starts, so the folder holds at most twice the
 * bound — and every line goes through the secret scrubber first, as its hook: a token-uuid or a
 * token that slipped into a message is masked before it reaches the disk.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import electronLog from 'electron-log/node';
import { scrubSecrets } from '../core/scrub.js';
import { crashLogText } from './crash-report.js';

/** the folder in the data folder that holds the log */
export const LOG_FOLDER = 'logs';
export const LOG_FILE = 'main.log';
/** one file's bound; with the rotated copy the folder stays under twice this */
export const SUPPORT_LOG_MAX_BYTES = 1024 * 1024;

export type LogLevel = 'info' | 'warn' | 'error';

export interface SupportLog {
  /** the folder (Settings shows it and opens it) */
  readonly dir: string;
  /** the file being written now */
  readonly file: string;
  write(level: LogLevel, line: string): void;
  /** an unexpected error with its stack (scrubbed), for crash reports */
  crash(kind: string, error: unknown): void;
  /** main's own console lines go to the log too (they are the "main-process messages"); returns the undo */
  teeConsole(target?: Pick<Console, 'log' | 'info' | 'warn' | 'error'>): () => void;
  /** the window's banner problems and the store's start-up notices go to the log too */
  follow(runtime: { subscribe(listener: (event: string, payload: unknown) => void): () => void }): () => void;
}

export interface SupportLogOptions {
  /** the folder for the log: `logs/` in the data folder (supportLogDir) */
  dir: string;
  maxBytes?: number;
}

export function supportLogDir(dataDir: string): string {
  return path.join(dataDir, LOG_FOLDER);
}

let instances = 0;

export function openSupportLog(options: SupportLogOptions): SupportLog {
  const dir = path.resolve(options.dir);
  const file = path.join(dir, LOG_FILE);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch {
    // electron-log reports a file it cannot write (once, on the console); the app runs on without its log
  }
  // An instance of its own, so two logs in one process (tests, a second window) never share settings.
  const log = electronLog.create({ logId: `gax-token-lab-${++instances}` });
  log.transports.console.level = false;
  log.transports.file.level = 'info';
  log.transports.file.maxSize = options.maxBytes ?? SUPPORT_LOG_MAX_BYTES;
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.writeOptions = { flag: 'a', mode: 0o600, encoding: 'utf8' };
  log.transports.file.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}] {text}';
  if (log.transports.remote) log.transports.remote.level = false;
  log.hooks.push((message) => ({ ...message, data: message.data.map(scrubbed) }));

  const write = (level: LogLevel, line: string): void => {
    log[level](line);
  };
  return {
    dir,
    file,
    write,
    crash: (kind, error) => write('error', `${kind}: ${crashLogText(error)}`),
    teeConsole(target = console) {
      const original = { log: target.log, info: target.info, warn: target.warn, error: target.error };
      const levels: Record<keyof typeof original, LogLevel> = { log: 'info', info: 'info', warn: 'warn', error: 'error' };
      for (const name of Object.keys(original) as (keyof typeof original)[])
        target[name] = (...args: unknown[]) => {
          original[name].apply(target, args);
          write(levels[name], args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 3, breakLength: Infinity }))).join(' '));
        };
      return () => Object.assign(target, original);
    },
    follow(runtime) {
      return runtime.subscribe((event, payload) => {
        if (event === 'app.problem') write('error', `problem shown in the window: ${(payload as { message: string }).message}`);
        else if (event === 'store.notices') for (const n of (payload as { notices: { message: string }[] }).notices) write('warn', n.message);
      });
    },
  };
}

/** Every value becomes scrubbed text: the hook is the one door to the file. */
function scrubbed(value: unknown): string {
  const text = typeof value === 'string' ? value : value instanceof Error ? crashLogText(value) : inspect(value, { depth: 3, breakLength: Infinity });
  return scrubSecrets(text);
}
