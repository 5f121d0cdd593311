// Runs the real, built gax-token command as a child process (the test command builds first).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/gax-token.js', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function assertBuilt(): void {
  if (!existsSync(new URL('../../dist/main/cli/main.js', import.meta.url)))
    throw new Error('dist/main is missing: run `npm run build` (npm test does) before the CLI tests');
}

export function runGaxToken(args: string[], opts: { stdin?: string; env?: Record<string, string | undefined>; timeoutMs?: number } = {}): Promise<CliRun> {
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
