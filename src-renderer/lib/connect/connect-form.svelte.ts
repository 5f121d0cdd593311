/**
 * What the Connect view logs in with: the target (the running mock CS or any host:port), TLS (off,
 * a pinned fingerprint, or a CA file), and as whom (a password, or GAX's token settings). Checked as
 * typed; a missing value is only an error once the person tries to run.
 */
import type { RequestInput } from '../../../src-main/ipc/contract/index.js';
import { checkPreamble, checkUsername, DEFAULT_PREAMBLE, GENESYS_MAX_INT } from '../../../src-main/core/browser.js';
import { UuidSourceChoice } from '../tokens/uuid-source.svelte.js';
import { clockOffsetWords } from '../server/clock-words.js';
import { wholeNumberProblem } from '../app/whole-number.js';

export type TargetKind = 'mockcs' | 'host';
export type TlsMode = 'off' | 'pin' | 'ca';
export type WhoKind = 'gax' | 'password';

export type LoginRunInput = RequestInput<'login.run'>;
export type LoginTargetInput = LoginRunInput['target'];
export type TlsInput = NonNullable<LoginRunInput['tls']>;

export type ConnectField =
  | 'host'
  | 'port'
  | 'fingerprint'
  | 'caPem'
  | 'servername'
  | 'userName'
  | 'password'
  | 'tokenLife'
  | 'tokenUuid'
  | 'preamble'
  | 'gaxOffset'
  | 'gaxPassword'
  | 'clientName';

/** the largest CA file the contract carries */
export const MAX_CA_BYTES = 65536;

/** A SHA-256 fingerprint: 32 bytes of hex, with or without colons or spaces. */
export function fingerprintError(text: string): string | null {
  const hex = text.replace(/[\s:]/g, '');
  if (hex === '') return "paste the server certificate's SHA-256 fingerprint";
  if (!/^[0-9a-fA-F]*$/.test(hex)) return 'a fingerprint holds only hex digits (and colons)';
  if (hex.length !== 64) return `a SHA-256 fingerprint has 64 hex digits; this has ${hex.length}`;
  return null;
}

/** Why `text` is not a certificate in PEM form, or null. */
export function pemError(text: string): string | null {
  if (new TextEncoder().encode(text).length > MAX_CA_BYTES)
    return `the file is larger than ${MAX_CA_BYTES / 1024} KiB; a CA certificate is a few KiB`;
  if (!/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.test(text))
    return 'this is not a PEM certificate (no "-----BEGIN CERTIFICATE-----" block); export the CA as PEM (.pem or .crt, Base64)';
  return null;
}

export class ConnectForm {
  targetKind = $state<TargetKind>('mockcs');
  /** '' = the mock CS's first listener */
  listenerId = $state('');
  host = $state('127.0.0.1');
  port = $state('2020');
  tlsMode = $state<TlsMode>('off');
  fingerprint = $state('');
  caPem = $state('');
  caFileName = $state('');
  caFileProblem = $state<string | null>(null);
  servername = $state('');

  /** RegisterClient clientName: how the CS's log (and a classroom's trainee table) names this client */
  clientName = $state('GAX');
  who = $state<WhoKind>('gax');
  userName = $state('default');
  password = $state('');
  confservTrusted = $state(true);
  tokenLife = $state('60');
  readonly uuid = new UuidSourceChoice('mockcs');
  preamble = $state(DEFAULT_PREAMBLE);
  gaxOffset = $state('0');
  gaxPassword = $state('');

  /** set by a run attempt: from then on a missing value is an error too */
  attempted = $state(false);

  readonly errors = $derived.by((): Partial<Record<ConnectField, string>> => {
    const e: Partial<Record<ConnectField, string>> = {};
    const need = this.attempted;
    if (this.targetKind === 'host') {
      const h = this.host.trim();
      if (h === '') {
        if (need) e.host = 'enter the host name or address of the CS';
      } else if (/\s|\//.test(h) || h.length > 253) e.host = 'a host name or an IP address, without spaces, "/" or a port';
      const p = this.port.trim();
      if (p === '') {
        if (need) e.port = 'enter the port (CS ports are often 2020)';
      } else {
        const bad = wholeNumberProblem(p, 1, 65535, 'the port');
        if (bad) e.port = bad;
      }
      if (this.tlsMode === 'pin' && (need || this.fingerprint.trim() !== '')) {
        const bad = fingerprintError(this.fingerprint);
        if (bad) e.fingerprint = bad;
      }
      if (this.tlsMode === 'ca') {
        if (this.caFileProblem) e.caPem = this.caFileProblem;
        else if (need && this.caPem === '') e.caPem = 'choose the CA certificate file (PEM)';
      }
      if (this.tlsMode !== 'off' && this.servername.trim() !== '' && /\s/.test(this.servername.trim())) e.servername = 'a server name has no spaces';
    }
    const client = this.clientName.trim();
    if (client === '') {
      if (need) e.clientName = 'enter a client name (GAX, or your name in a classroom)';
    } else if (client.length > 255 || /[\u0000-\u001f\u007f]/.test(client)) e.clientName = 'at most 255 characters, no control characters';
    if (this.userName === '') {
      if (need) e.userName = 'enter the user name to log in as';
    } else {
      const bad = checkUsername(this.userName);
      if (bad) e.userName = bad;
    }
    if (this.who === 'password') {
      if (need && this.password === '') e.password = 'enter the password';
    } else {
      const life = wholeNumberProblem(this.tokenLife, 1, GENESYS_MAX_INT, 'token_life_in_minutes');
      if (life) e.tokenLife = life;
      const offset = wholeNumberProblem(this.gaxOffset, -GENESYS_MAX_INT, GENESYS_MAX_INT, 'the offset');
      if (offset) e.gaxOffset = offset;
      if (this.confservTrusted) {
        const pre = checkPreamble(this.preamble);
        if (pre) e.preamble = pre;
        const uuid = this.uuid.problem;
        if (uuid && (need || !uuid.missing)) e.tokenUuid = uuid.message;
      } else if (need && this.gaxPassword === '') e.gaxPassword = 'with confserv_trusted=false GAX sends its password: enter it';
    }
    return e;
  });

  readonly valid = $derived(Object.keys(this.errors).length === 0);

  /** the GAX clock offset in words, when it is a number */
  readonly gaxOffsetWords = $derived.by((): string | null => {
    if (wholeNumberProblem(this.gaxOffset, -GENESYS_MAX_INT, GENESYS_MAX_INT, 'x')) return null;
    return clockOffsetWords(Number(this.gaxOffset.trim()), 'GAX clock');
  });

  errorFor(field: ConnectField): string | null {
    return this.errors[field] ?? null;
  }

  /** Reads a CA file the person picked (in this window; only its PEM text is sent to main). */
  async loadCaFile(file: File | null): Promise<void> {
    if (!file) return;
    this.caFileName = file.name;
    if (file.size > MAX_CA_BYTES) {
      this.caPem = '';
      this.caFileProblem = `${file.name} is ${Math.round(file.size / 1024)} KiB; a CA certificate is a few KiB — is this the right file?`;
      return;
    }
    const text = await file.text();
    const bad = pemError(text);
    this.caPem = bad ? '' : text;
    this.caFileProblem = bad ? `${file.name}: ${bad}` : null;
  }

  clearCaFile(): void {
    this.caPem = '';
    this.caFileName = '';
    this.caFileProblem = null;
  }

  /** "mock CS" / "cs.example.com:2020 (TLS)": the target in a history row */
  describeTarget(mockCsListener: string | null): string {
    if (this.targetKind === 'mockcs') return `mock CS${mockCsListener ? ` ${mockCsListener}` : ''}`;
    return `${this.host.trim()}:${this.port.trim()}${this.tlsMode !== 'off' ? ' (TLS)' : ''}`;
  }

  target(): LoginTargetInput {
    if (this.targetKind === 'mockcs') return this.listenerId ? { kind: 'mockcs', listenerId: this.listenerId } : { kind: 'mockcs' };
    return { kind: 'host', host: this.host.trim(), port: Number(this.port.trim()) };
  }

  /** TLS for a host target; for the mock CS main pins its listener's certificate itself. */
  tls(): TlsInput | null {
    if (this.targetKind === 'mockcs' || this.tlsMode === 'off') return null;
    const servername = this.servername.trim();
    const name = servername ? { servername } : {};
    if (this.tlsMode === 'pin') return { fingerprint256: this.fingerprint.replace(/\s/g, ''), ...name };
    return { caPem: this.caPem, ...name };
  }

  /**
   * The login.run request, or null (and the errors shown) when something is missing or wrong.
   * The password and a typed token-uuid go to main in this request only.
   */
  request(runId: string): LoginRunInput | null {
    this.attempted = true;
    if (!this.valid) return null;
    const tls = this.tls();
    const clientName = this.clientName.trim();
    const base = { runId, target: this.target(), ...(tls ? { tls } : {}), userName: this.userName, ...(clientName !== 'GAX' ? { clientName } : {}) };
    if (this.who === 'password') return { ...base, credentials: { kind: 'password', password: this.password } };
    const offset = Number(this.gaxOffset.trim());
    const source = this.uuid.source ?? { kind: 'mockcs' as const };
    return {
      ...base,
      credentials: {
        kind: 'gax',
        confservTrusted: this.confservTrusted,
        tokenLifeMinutes: Number(this.tokenLife.trim()),
        tokenUuid: source,
        // GAX sends no token when not trusted: the preamble is not used, but the request needs a valid one
        preamble: this.confservTrusted || !checkPreamble(this.preamble) ? this.preamble : DEFAULT_PREAMBLE,
        ...(offset !== 0 ? { gaxClockOffsetSeconds: offset } : {}),
        ...(!this.confservTrusted && this.gaxPassword !== '' ? { password: this.gaxPassword } : {}),
      },
    };
  }

  /** The clock.probe request for the same target, or null when the target is not valid. */
  probeRequest(): RequestInput<'clock.probe'> | null {
    const targetErrors = (['host', 'port', 'fingerprint', 'caPem', 'servername'] as const).some((f) => this.errors[f]);
    if (targetErrors) return null;
    if (this.targetKind === 'host') {
      if (this.host.trim() === '' || this.port.trim() === '') return null;
      if (this.tlsMode === 'pin' && fingerprintError(this.fingerprint)) return null;
      if (this.tlsMode === 'ca' && this.caPem === '') return null;
    }
    const tls = this.tls();
    return { target: this.target(), ...(tls ? { tls } : {}), samples: 8 };
  }
}
