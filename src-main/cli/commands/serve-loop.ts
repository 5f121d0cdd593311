/**
 * The one start / print / stop loop of `serve` and `lab start`: a workbench host (as the app runs
 * its mock CS) started with the options, one `listening on` line per listener, the events on stdout
 * (bounded for a slow reader), then a stop on the first SIGINT/SIGTERM.
 */
import { homedir } from 'node:os';
import { HOME_ENV, dataFolder, ensureDataFolder } from '../../host/data-folder.js';
import type { ListenerInfo, MockCsEvent, MockCsOptions } from '../../mockcs/index.js';
import { firstLine } from '../../workbench/failure.js';
import { startedHost } from '../../workbench/cli-host.js';
import type { MockCs } from '../../mockcs/index.js';
import type { MockCsOwner } from '../../workbench/mockcs-host.js';
import { UsageError } from '../args.js';
import { EXIT } from '../command.js';
import { describeFsError, type CliIo } from '../io.js';
import { safeWriter } from './log-output.js';

export interface ServeLoop {
  /** the command, for its error line ("serve", "lab start") */
  command: string;
  owner: MockCsOwner;
  name: string;
  dataDir: string;
  options: Partial<MockCsOptions>;
  /** --json-log: events as JSON lines */
  json: boolean;
  /** what to tell the person on stderr once it listens */
  announce(cs: MockCs, listeners: ListenerInfo[]): string;
}

export async function serveUntilStopped(loop: ServeLoop, io: CliIo): Promise<number> {
  const write = safeWriter(io);
  let started;
  try {
    started = await startedHost({
      owner: loop.owner,
      name: loop.name,
      dataDir: loop.dataDir,
      options: loop.options,
      // The command says `listening on …` and `stopped (…)` itself, where scripts expect them; the
      // host's own start/stop events are for the app's live log.
      onEvent: (e) => {
        if (e.kind !== 'server') write(eventLine(e, loop.json));
      },
    });
  } catch (err) {
    io.stderr.write(`gax-token ${loop.command}: ${firstLine(err)}\n`);
    return EXIT.REJECTED;
  }
  for (const l of started.listeners) write(listeningLine(l));
  io.stderr.write(loop.announce(started.host.cs(), started.listeners));
  const signal = await io.stopSignal;
  await started.host.stop();
  io.stderr.write(`stopped (${signal})\n`);
  return EXIT.OK;
}

/** "listening on HOST:PORT" (with the TLS fingerprint): the line scripts wait for. */
export function listeningLine(l: ListenerInfo): string {
  return `listening on ${l.host.includes(':') ? `[${l.host}]` : l.host}:${l.port}${l.tls ? ` (tls, sha256 ${l.fingerprint256})` : ''}\n`;
}

/** One event as a CS-style log line, or as a JSON line (--json-log). */
export function eventLine(e: MockCsEvent, json: boolean): string {
  return json ? `${JSON.stringify(e)}\n` : `${e.logLine}\n`;
}

/** The data folder every door shares (host/data-folder.ts), without creating it. */
export function dataFolderOf(io: CliIo): string {
  return dataFolder(io.env, process.platform, homedir());
}

/** The data folder every door shares, created readable by its owner only. */
export function dataDirOf(io: CliIo): string {
  const dir = dataFolderOf(io);
  try {
    ensureDataFolder(dir);
  } catch (err) {
    throw new UsageError(`cannot use the data directory ${dir}: ${describeFsError(err)} (set $${HOME_ENV} to another folder)`);
  }
  return dir;
}
