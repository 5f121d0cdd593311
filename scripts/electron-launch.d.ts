// Types for electron-launch.js (plain JS so that `npm start` can run it before anything is built).
import type { Writable } from 'node:stream';

export const DEFAULT_PROBE_MS: number;
export const DEFAULT_INSTALL_TIMEOUT_MS: number;
export const RUNTIME_MISSING: string;

type Env = Readonly<Record<string, string | undefined>>;
export type StartOutcome = { started: true; exit: Promise<number> } | { started: false; reason: string };

export function displayProblem(env: Env, platform: NodeJS.Platform): string | null;
export function locateElectron(root: string): { pkgDir: string; cli: string } | null;
export function isRuntimeInstalled(pkgDir: string, env: Env): boolean;
export function downloadFailureCause(output: string): string;
export function classifyStartFailure(output: string, code: number | null, signal: NodeJS.Signals | null): string;
export function downloadUrl(env: Env): string;
export function unreachableCause(url: string, timeoutMs?: number): Promise<string | null>;
export function installRuntime(
  pkgDir: string,
  env: Env,
  timeoutMs: number,
  onSlow?: () => void,
): Promise<{ ok: true } | { ok: false; reason: string }>;
export function launchElectron(options: {
  cli: string;
  root: string;
  env: Env;
  probeMs?: number;
  stdout?: Writable;
  stderr?: Writable;
  forwardSignals?: boolean;
}): Promise<StartOutcome>;
export function startElectron(options: {
  root: string;
  env: Env;
  platform: NodeJS.Platform;
  probeMs?: number;
  installTimeoutMs?: number;
  onDownloading?: () => void;
}): Promise<StartOutcome>;
