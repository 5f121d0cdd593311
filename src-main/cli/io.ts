/** What a command may touch of the outside world; injected so commands can also run in-process in tests. */
import { UsageError } from './args.js';
import { readFileBounded, tooLargeLine } from './bounded-file.js';

export interface CliIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  stdin: NodeJS.ReadableStream;
  env: Record<string, string | undefined>;
  /** resolves when the command should stop (SIGINT/SIGTERM); long-running commands await it */
  stopSignal: Promise<string>;
}

export function processIo(): CliIo {
  const stopSignal = new Promise<string>((resolve) => {
    for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => resolve(sig));
  });
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, stopSignal };
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
    default:
      return code ?? (err instanceof Error ? err.message : String(err));
  }
}
