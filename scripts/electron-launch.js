// Starting Electron for `npm start`, or saying in one line why it cannot start here.
//
// Electron 45's npm package holds no runtime: it downloads one on first launch. Offline that fails,
// and without a display (a container, SSH) a downloaded runtime cannot open a window either. Both
// end with pages of stack traces from Electron's tools; this module turns them into one reason so
// start.js can fall back to web mode. Plain JS (scripts run before any build); types in the .d.ts.
import { spawn } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';

/** How long Electron must stay up to count as started: failures to start come well within this. */
export const DEFAULT_PROBE_MS = 3000;
/** The runtime is ~100 MB: a slow line needs minutes; a machine with no network fails in seconds. */
export const DEFAULT_INSTALL_TIMEOUT_MS = 5 * 60_000;

export const RUNTIME_MISSING = "Electron's runtime is not installed and cannot be downloaded here";

/** Why no window can be shown on this platform and environment, or null when a display is there. */
export function displayProblem(env, platform) {
  if (platform === 'win32' || platform === 'darwin') return null;
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return null;
  return 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)';
}

/** The electron package's folder and its cli.js, or null when the package is not installed. */
export function locateElectron(root) {
  try {
    const cli = createRequire(path.join(root, 'package.json')).resolve('electron/cli.js');
    return { pkgDir: path.dirname(cli), cli };
  } catch {
    return null;
  }
}

/**
 * Whether the runtime is on disk, read the way the electron package itself finds it (path.txt and
 * dist/, or ELECTRON_OVERRIDE_DIST_PATH) — asking the package would start the download.
 */
export function isRuntimeInstalled(pkgDir, env) {
  const pathFile = path.join(pkgDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return existsSync(path.join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron'));
  return executable !== '' && existsSync(path.join(pkgDir, 'dist', executable));
}

/** The cause of a failed runtime download, in a few words, from the installer's output. */
export function downloadFailureCause(output) {
  const host = /getaddrinfo (?:ENOTFOUND|EAI_AGAIN) (\S+)/.exec(output);
  if (host) return `no network: ${host[1]} cannot be resolved`;
  if (/ECONNREFUSED/.test(output)) return 'the download server refused the connection';
  if (/ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|timed out/i.test(output)) return 'the download timed out';
  const http = /HTTPError: ([^\n]+)/.exec(output);
  if (http) return `the download failed: ${http[1].trim().slice(0, 100)}`;
  if (/checksum/i.test(output)) return 'the download did not match its checksum';
  if (/fetch failed/.test(output)) return 'the download failed';
  const line = lastMessageLine(output);
  return line ? `the download failed: ${line}` : 'the download failed';
}

/** Why Electron ended during start-up, in one line, from its exit and its output. */
export function classifyStartFailure(output, code, signal) {
  if (/Electron failed to install correctly/.test(output)) return RUNTIME_MISSING;
  if (/Missing X server|cannot open display|Failed to connect to Wayland display|ozone_platform_(?:x11|wayland)\.cc.*(?:failed|Failed)/i.test(output))
    return 'there is no display Electron can use';
  if (/Running as root without --no-sandbox is not supported/.test(output))
    return "Electron will not run as root (Chromium's sandbox needs a normal user account)";
  if (/SUID sandbox helper binary was found, but is not configured correctly/.test(output))
    return "Electron's sandbox helper (chrome-sandbox) is not set up: it must be owned by root with mode 4755";
  const library = /error while loading shared libraries: ([^:\s]+)/.exec(output);
  if (library) return `a system library Electron needs is missing (${library[1]})`;
  if (signal) return `Electron was stopped by ${signal} while starting`;
  const line = lastMessageLine(output);
  return `Electron exited with code ${code} while starting${line ? ` (${line})` : ''}`;
}

/** The last line of output that is a message, not a stack frame or a Node banner. */
function lastMessageLine(output) {
  const lines = output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('at ') && !/^Node\.js v\d/.test(l) && !/^\^+$/.test(l) && !/^(?:throw|\{|\})/.test(l));
  const last = lines.at(-1);
  return last ? last.slice(0, 160) : '';
}

/** Runs a child to its end with its output captured (never shown), killing it after `timeoutMs`. */
function runCaptured(command, args, options, timeoutMs, onSlow) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (d) => {
      output = (output + d.toString()).slice(-64 * 1024);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const slow = onSlow ? setTimeout(onSlow, 3000) : undefined;
    const timer = setTimeout(() => {
      output += '\ntimed out';
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      output += `\n${error.message}`;
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      clearTimeout(slow);
      resolve({ code, output });
    });
  });
}

/** Downloads the runtime with Electron's own installer; says why not when it fails. */
export async function installRuntime(pkgDir, env, timeoutMs, onSlow) {
  const run = await runCaptured(process.execPath, [path.join(pkgDir, 'install.js')], { cwd: pkgDir, env }, timeoutMs, onSlow);
  if (run.code === 0) return { ok: true };
  let cause = downloadFailureCause(run.output);
  // The installer prints "fetch failed" without its cause: find out whether the host is reachable.
  if (cause === 'the download failed') cause = (await unreachableCause(downloadUrl(env))) ?? cause;
  return { ok: false, reason: `${RUNTIME_MISSING} (${cause})` };
}

/** Where the installer downloads from: a mirror set in the environment, else GitHub. */
export function downloadUrl(env) {
  return (
    env.npm_config_electron_mirror ||
    env.NPM_CONFIG_ELECTRON_MIRROR ||
    env.ELECTRON_MIRROR ||
    'https://github.com/electron/electron/releases/download/'
  );
}

/** Why `url`'s host cannot be reached (name, refusal, silence), or null when it can be. */
export async function unreachableCause(url, timeoutMs = 3000) {
  let target;
  try {
    target = new URL(url);
  } catch {
    return `the download address ${url} is not a URL`;
  }
  const host = target.hostname.replace(/^\[|\]$/g, '');
  const port = Number(target.port || (target.protocol === 'http:' ? 80 : 443));
  try {
    await lookup(host);
  } catch {
    return `no network: ${host} cannot be resolved`;
  }
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (cause) => {
      socket.destroy();
      resolve(cause);
    };
    socket.setTimeout(timeoutMs, () => done(`${host} does not answer`));
    socket.once('connect', () => done(null));
    socket.once('error', (error) =>
      done(error.code === 'ECONNREFUSED' ? `${host} refused the connection` : `${host} cannot be reached (${error.code ?? error.message})`),
    );
  });
}

/**
 * Launches `electron <root>` and watches it for `probeMs`. Output during that window is held back:
 * on a failure it is summarised in one reason; once Electron has stayed up it is shown and passed
 * through, and `exit` resolves with Electron's exit code.
 */
export function launchElectron({
  cli,
  root,
  env,
  probeMs = DEFAULT_PROBE_MS,
  stdout = process.stdout,
  stderr = process.stderr,
  forwardSignals = true,
}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, root], { cwd: root, env, stdio: ['inherit', 'pipe', 'pipe'] });
    const held = [];
    let output = '';
    let probing = true;
    const pass = (stream) => (chunk) => {
      if (!probing) return void stream.write(chunk);
      held.push([stream, chunk]);
      output = (output + chunk.toString()).slice(-64 * 1024);
    };
    child.stdout.on('data', pass(stdout));
    child.stderr.on('data', pass(stderr));
    const exited = new Promise((done) => child.on('close', (code, signal) => done({ code, signal })));
    const attach = () => {
      probing = false;
      for (const [stream, chunk] of held.splice(0)) stream.write(chunk);
      // Ctrl+C and a stop request reach Electron, and we exit when it does.
      if (forwardSignals) for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
      resolve({ started: true, exit: exited.then(({ code }) => code ?? 1) });
    };
    const timer = setTimeout(attach, probeMs);
    child.on('error', (error) => {
      if (!probing) return;
      probing = false;
      clearTimeout(timer);
      resolve({ started: false, reason: `Electron could not be run (${error.code ?? error.message})` });
    });
    void exited.then(({ code, signal }) => {
      if (!probing) return;
      clearTimeout(timer);
      // A clean early exit (a second instance handing over to the first) is not a failure.
      if (code === 0) return attach();
      probing = false;
      resolve({ started: false, reason: classifyStartFailure(output, code, signal) });
    });
  });
}

/**
 * The whole decision: resolves `{started:true, exit}` while Electron runs, or `{started:false,
 * reason}` with one line saying why it cannot start here.
 */
export async function startElectron({ root, env, platform, probeMs, installTimeoutMs = DEFAULT_INSTALL_TIMEOUT_MS, onDownloading }) {
  const electron = locateElectron(root);
  if (!electron) return { started: false, reason: 'the electron package is not installed (run "npm install")' };
  // Electron would behave as plain Node with this set, and never open a window.
  const childEnv = { ...env };
  delete childEnv.ELECTRON_RUN_AS_NODE;
  const noDisplay = displayProblem(env, platform);
  const installed = isRuntimeInstalled(electron.pkgDir, env);
  if (!installed && noDisplay) return { started: false, reason: `Electron's runtime is not installed and ${noDisplay}` };
  if (noDisplay) return { started: false, reason: noDisplay };
  if (!installed) {
    const install = await installRuntime(electron.pkgDir, childEnv, installTimeoutMs, onDownloading);
    if (!install.ok) return { started: false, reason: install.reason };
  }
  return launchElectron({ cli: electron.cli, root, env: childEnv, probeMs });
}
