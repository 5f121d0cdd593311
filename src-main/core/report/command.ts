/**
 * "Copy as command": the `gax-token login …` that reruns a Connect attempt from a terminal. Secrets
 * never appear in it: the token-uuid is referenced by `--uuid-file FILE`, a password by
 * `--password-env VAR`, and each placeholder comes with one line saying what to put there. Every
 * argument is quoted for a POSIX shell (sh, bash, zsh); PowerShell quotes differently.
 */

export interface CommandTarget {
  host: string;
  port: number;
  /** null: plain TCP */
  tls: null | { fingerprint256?: string | undefined; hasCa?: boolean | undefined; servername?: string | undefined };
  userName: string;
  /** RegisterClient clientName; omitted when it is GAX, the CLI's default */
  clientName?: string | undefined;
  credentials:
    | { kind: 'password' }
    | {
        kind: 'gax';
        confservTrusted: boolean;
        tokenLifeMinutes: number;
        preamble: string;
        gaxClockOffsetSeconds?: number | undefined;
        /** where the token-uuid is on this machine (the mock CS's own file); else a placeholder */
        uuidFile?: string | undefined;
      };
  /** one timeout for every step, when the attempt set one */
  timeoutMs?: number | undefined;
}

export interface CopiedCommand {
  command: string;
  /** what to supply before running it, one line each */
  notes: string[];
}

/** The credentials of a login request, as the command needs them: which kind, and GAX's settings (never a secret). */
export function commandCredentials(
  c:
    | { kind: 'password' }
    | { kind: 'gax'; confservTrusted: boolean; tokenLifeMinutes: number; preamble: string; gaxClockOffsetSeconds?: number | undefined },
  uuidFile?: string,
): CommandTarget['credentials'] {
  if (c.kind === 'password') return { kind: 'password' };
  const { confservTrusted, tokenLifeMinutes, preamble, gaxClockOffsetSeconds } = c;
  return { kind: 'gax', confservTrusted, tokenLifeMinutes, preamble, gaxClockOffsetSeconds, ...(uuidFile !== undefined ? { uuidFile } : {}) };
}

/** A login request's TLS settings, as the command needs them: the pinned fingerprint, whether a CA was given, the name. */
export function commandTls(
  tls: { fingerprint256?: string | undefined; caPem?: string | undefined; servername?: string | undefined } | null | undefined,
): CommandTarget['tls'] {
  return tls ? { fingerprint256: tls.fingerprint256, hasCa: tls.caPem !== undefined, servername: tls.servername } : null;
}

export const UUID_PLACEHOLDER = './token-uuid.txt';
export const CA_PLACEHOLDER = './ca.pem';
export const PASSWORD_VAR = 'CS_PASSWORD';
export const GAX_PASSWORD_VAR = 'GAX_PASSWORD';
const DEFAULT_PREAMBLE = '{PXZ}';

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One argument for a POSIX shell: bare when it holds nothing a shell reads specially, else in single quotes. */
export function shellQuote(arg: string): string {
  if (SAFE.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function loginCommand(t: CommandTarget): CopiedCommand {
  const args: string[] = ['gax-token', 'login', '--host', t.host, '--port', String(t.port)];
  const notes: string[] = [];
  if (t.tls) {
    args.push('--tls');
    if (t.tls.fingerprint256) args.push('--fingerprint', t.tls.fingerprint256);
    else if (t.tls.hasCa) {
      args.push('--ca', CA_PLACEHOLDER);
      notes.push(`${CA_PLACEHOLDER}: save the CA certificate (PEM) you chose in Connect under this name.`);
    }
    if (t.tls.servername) args.push('--servername', t.tls.servername);
  }
  args.push('--user', t.userName);
  if (t.clientName && t.clientName !== 'GAX') args.push('--client-name', t.clientName);
  const c = t.credentials;
  if (c.kind === 'password') {
    args.push('--password-env', PASSWORD_VAR);
    notes.push(
      `$${PASSWORD_VAR}: the user's password — run \`read -rs ${PASSWORD_VAR} && export ${PASSWORD_VAR}\` first, so it is not in the shell's history.`,
    );
  } else if (!c.confservTrusted) {
    // With confserv_trusted=false GAX sends its password, not a token: the same attempt is a password login.
    args.push('--password-env', GAX_PASSWORD_VAR);
    notes.push(
      `$${GAX_PASSWORD_VAR}: the password GAX sends (confserv_trusted=false) — run \`read -rs ${GAX_PASSWORD_VAR} && export ${GAX_PASSWORD_VAR}\` first.`,
    );
  } else {
    const file = c.uuidFile ?? UUID_PLACEHOLDER;
    args.push('--uuid-file', file);
    if (!c.uuidFile) notes.push(`${UUID_PLACEHOLDER}: a file holding the CS [system] token-uuid on one line (keep it private: chmod 600).`);
    args.push('--life', String(c.tokenLifeMinutes));
    if (c.preamble !== DEFAULT_PREAMBLE) args.push('--preamble', c.preamble);
    if (c.gaxClockOffsetSeconds) args.push('--gax-clock-offset', String(c.gaxClockOffsetSeconds));
  }
  if (t.timeoutMs !== undefined) args.push('--timeout', String(t.timeoutMs));
  return { command: args.map(shellQuote).join(' '), notes };
}
