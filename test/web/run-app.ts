// Runs web mode's entry or `npm start`'s script as a real child process and reads what it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/cli.js';

export function assertAppBuilt(): void {
  for (const file of ['dist/main/web/main.js', 'dist/main/web/web-mode.js', 'dist/renderer/index.html'])
    if (!existsSync(path.join(ROOT, file))) throw new Error(`${file} is missing: run \`npm run build\` first (npm test does)`);
}

export const URL_LINE = /GAX Token Lab \(web mode\) at (http:\/\/127\.0\.0\.1:\d+\/#key=[A-Za-z0-9_-]{43})\n/;

export class AppProcess {
  stdout = '';
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(readonly child: ChildProcess) {
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (this.stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (this.stderr += d));
    this.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  /** Waits until stdout (or stderr) matches (or the process ends or time runs out); returns the match. */
  async waitFor(pattern: RegExp, timeoutMs = 20_000, stream: 'stdout' | 'stderr' = 'stdout'): Promise<RegExpExecArray> {
    const until = Date.now() + timeoutMs;
    let ended = false;
    void this.exited.then(() => (ended = true));
    for (;;) {
      const m = pattern.exec(this[stream]);
      if (m) return m;
      if (ended || Date.now() > until)
        throw new Error(
          `no ${pattern} in the ${stream}${ended ? ' (the process ended)' : ''}:\n--- stdout\n${this.stdout}\n--- stderr\n${this.stderr}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** SIGTERM, then SIGKILL if it has not ended in `graceMs`; resolves with how it ended. */
  async stop(graceMs = 8000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    const result = await this.exited;
    clearTimeout(timer);
    return result;
  }
}

/** Starts `node <script> ...args` from the project folder with `env` replacing the named variables. */
export function runNode(script: string, args: string[], env: Record<string, string | undefined>): AppProcess {
  const merged: Record<string, string | undefined> = { ...process.env, ...env };
  for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
  const child = spawn(process.execPath, [path.resolve(ROOT, script), ...args], {
    cwd: ROOT,
    env: merged as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new AppProcess(child);
}
