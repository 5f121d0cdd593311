/**
 * "Copy as command" for a Connect run: the form's request (which holds secrets) reduced to what a
 * `gax-token login` needs, secrets by reference only. For the mock CS target the listener the run
 * went to gives the host, the port and the fingerprint main pinned.
 */
import { commandCredentials, commandTls, loginCommand, UUID_PLACEHOLDER, type CopiedCommand } from '../../../src-main/core/browser.js';
import type { LoginRunInput } from './connect-form.svelte.js';

export interface ListenerInfo {
  host: string;
  port: number;
  tls: boolean;
  fingerprint256?: string | undefined;
}

/** The command, or null when the mock CS listener the run went to is not known. */
export function commandForRun(input: LoginRunInput, listener: ListenerInfo | null): CopiedCommand | null {
  let host: string;
  let port: number;
  let tls: Parameters<typeof loginCommand>[0]['tls'];
  if (input.target.kind === 'mockcs') {
    if (!listener) return null;
    host = listener.host === '0.0.0.0' || listener.host === '::' ? '127.0.0.1' : listener.host;
    port = listener.port;
    tls = listener.tls ? { fingerprint256: listener.fingerprint256 } : null;
  } else {
    host = input.target.host;
    port = input.target.port;
    tls = commandTls(input.tls);
  }
  const c = input.credentials;
  const timeouts = input.timeoutsMs ? Object.values(input.timeoutsMs) : [];
  const copied = loginCommand({
    host,
    port,
    tls,
    userName: input.userName,
    clientName: input.clientName,
    credentials: commandCredentials(c),
    timeoutMs: timeouts.length ? Math.max(...timeouts) : undefined,
  });
  if (c.kind === 'gax' && c.confservTrusted) {
    const where =
      c.tokenUuid.kind === 'mockcs'
        ? "the mock CS's token-uuid (one it generated is in the data folder's mockcs-token-uuid file: Help → About shows the folder)"
        : c.tokenUuid.kind === 'profile'
          ? 'the token-uuid of the CS profile you chose (Tokens → CS profiles)'
          : 'the token-uuid you typed';
    copied.notes = copied.notes.map((n) =>
      n.startsWith(UUID_PLACEHOLDER) ? `${UUID_PLACEHOLDER}: ${where}, on one line (keep it private: chmod 600).` : n,
    );
  }
  return copied;
}

/** The command with its notes as shell comments above it: pasted whole into a shell, only the command runs. */
export function clipboardText(c: CopiedCommand): string {
  const notes = c.notes.map((n) => `# ${n}`);
  return [...notes, '# (quoted for a POSIX shell: sh, bash, zsh)', c.command].join('\n') + '\n';
}
