/** What a command may touch of the outside world; injected so commands can also run in-process in tests. */
import { UsageError } from './args.js';

export interface CliIo {
  /** the process's stdout keeps its back-pressure surface; a test's `{ write }` needs none */
  stdout: {
    write(s: string): unknown;
    readonly writableLength?: number;
    once?(event: 'drain', cb: () => void): unknown;
    on?(event: 'error', cb: () => void): unknown;
  };
  stderr: { write(s: string): unknown };
  stdin: NodeJS.ReadableStream;
  env: Record<string, string | undefined>;
  /**
   * Resolves when the command should stop (SIGINT/SIGTERM); long-running commands await it. In the
   * real process the handlers are installed only when a command reads this, so every other command
   * keeps the default of ending on the first signal.
   */
  readonly stopSignal: Promise<string>;
}

/** What processIo() knows about the run, so a closed stdout can end it the right way. */
export interface ProcessRun {
  io: CliIo;
  /** set once the command has returned: a late EPIPE then keeps the command's own exit status */
  finished(): void;
}

export function processIo(proc: NodeJS.Process = process): ProcessRun {
  let stop: Promise<string> | undefined;
  let finished = false;
  let stdoutClosed = false;
  // What the server log's writer (log-output.ts) needs to see a slow reader: without the stream's
  // backlog and 'drain', a stopped reader would make it hold every line in memory.
  const stdout = {
    write: (s: string) => (stdoutClosed ? false : proc.stdout.write(s)),
    get writableLength() {
      return proc.stdout.writableLength;
    },
    once: (event: 'drain', cb: () => void) => proc.stdout.once(event, cb),
    on: (event: 'error', cb: () => void) => proc.stdout.on(event, cb),
  };
  const io: CliIo = {
    stdout,
    stderr: proc.stderr,
    stdin: proc.stdin,
    env: proc.env,
    get stopSignal() {
      stop ??= new Promise<string>((resolve) => {
        for (const sig of ['SIGINT', 'SIGTERM'] as const) proc.once(sig, () => resolve(sig));
      });
      return stop;
    },
  };
  // A reader that went away (`gax-token lab list | head -1`) took what it wanted: stop quietly. A
  // server (it awaits stopSignal) keeps serving without output; anything else ends now with 0.
  proc.stdout.on('error', (err: NodeJS.ErrnoException) => {
    stdoutClosed = true;
    if (err.code !== 'EPIPE') proc.stderr.write(`gax-token: cannot write the output: ${err.code ?? err.message}\n`);
    if (!finished && stop === undefined) proc.exit(err.code === 'EPIPE' ? 0 : 2);
  });
  // Nowhere left to report a failure of stderr itself.
  proc.stderr.on('error', () => undefined);
  return { io, finished: () => (finished = true) };
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(JSON.stringify(value) + '\n');
}

/** Reads all of stdin as UTF-8 (for `-` arguments), bounded so a runaway pipe cannot exhaust memory. */
export async function readStdin(io: CliIo, what: string, limitBytes = 1 << 20): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > limitBytes) throw new UsageError(`${what} on standard input is over ${limitBytes} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Reads a small text file named on the command line (never more than `limitBytes` + 1 bytes); any
 * failure is a usage error naming the file.
 */
export async function readTextArgument(path: string, option: string, limitBytes = 1 << 20): Promise<string> {
  // Loaded when a file is named: commands that read none start faster without node:fs/promises.
  const { readFileBounded, tooLargeLine } = await import('./bounded-file.js');
  const read = await readFileBounded(path, limitBytes);
  if (read.ok) return read.bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (read.tooLarge) throw new UsageError(tooLargeLine(path, limitBytes, `is it the right file for ${option}?`));
  throw new UsageError(`cannot read ${option} ${path}: ${describeFsError(read.error)}`);
}

export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'NOT_REGULAR':
      return `${(err as Error).message}: name a regular file, or - for standard input`;
    default:
      return code ?? (err instanceof Error ? err.message : String(err));
  }
}
