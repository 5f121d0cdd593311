// Runs the real, built gax-token command as a child process (the test command builds first):
// to its end (`runGaxToken`), or left running like `serve` and `lab start` (`startGaxToken`).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/gax-token.js', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI tests run the command as shipped: bin/gax-token.js loading the bundle in dist/cli. */
export function assertBuilt(): void {
  for (const built of ['dist/main/cli/main.js', 'dist/cli/main.js'])
    if (!existsSync(new URL(`../../${built}`, import.meta.url)))
      throw new Error(`${built} is missing: run \`npm run build\` (npm test does) before the CLI tests`);
}

export function runGaxToken(
  args: string[],
  opts: { stdin?: string; env?: Record<string, string | undefined>; timeoutMs?: number } = {},
): Promise<CliRun> {
  assertBuilt();
  return new Promise((resolve, reject) => {
    const env: Record<string, string | undefined> = { ...process.env, GAX_TOKEN_UUID: undefined, ...opts.env };
    for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: env as NodeJS.ProcessEnv, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`gax-token ${args.join(' ')} did not finish in time`));
    }, opts.timeoutMs ?? 15_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(opts.stdin ?? '');
  });
}

/** A usage error is one line on stderr, no stack trace. */
export function expectOneLineError(run: CliRun): string {
  const lines = run.stderr.trimEnd().split('\n');
  if (lines.length !== 1 || /\n\s+at /.test(run.stderr) || run.stderr.includes('Error:'))
    throw new Error(`expected one error line, got:\n${run.stderr}`);
  return lines[0]!;
}

/** A long-running gax-token command (serve, lab start), its output kept as it comes. */
export interface RunningCommand {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** resolves with the exit code */
  exited: Promise<number | null>;
  /** SIGTERM (SIGKILL after 8 s), then the exit code */
  stop(): Promise<number | null>;
}

/** `gax-token ARGS` started and left running, with no token-uuid from this process's environment. */
export function startGaxToken(args: string[], env: Record<string, string> = {}): RunningCommand {
  assertBuilt();
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, GAX_TOKEN_UUID: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Polls `get()` until `pattern` matches (the output of a child process grows as it runs). */
export async function waitForOutput(get: () => string, pattern: RegExp, timeoutMs = 15_000): Promise<RegExpExecArray> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const m = pattern.exec(get());
    if (m) return m;
    if (Date.now() > end) throw new Error(`timed out waiting for ${pattern}; got:\n${get()}`);
    await new Promise((r) => setTimeout(r, 40));
  }
}
