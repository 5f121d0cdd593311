/**
 * The login client's public contract. The IPC layer, the Connect view and the CLI code against
 * these names; keep them stable.
 */
import type { Source } from '../core/sources.js';

/** TLS settings of a target; null or absent means plain TCP. */
export interface TlsTarget {
  /** SHA-256 fingerprint to pin, "AB:CD:…" or plain hex, any case: the one certificate accepted, self-signed or not */
  fingerprint256?: string;
  /** a CA certificate (PEM): normal verification against it instead of the system's CAs */
  caPem?: string;
  /** the name the certificate must hold; default the host */
  servername?: string;
}

export type GaxCredentials = {
  kind: 'gax';
  /** GAX [general] confserv_trusted: true makes GAX send a token instead of the password */
  confservTrusted: boolean;
  /** GAX [general] token_life_in_minutes */
  tokenLifeMinutes: number;
  tokenUuid: string;
  preamble: string;
  /** simulates a GAX host clock that is off, in seconds (positive: ahead of ours) */
  gaxClockOffsetSeconds?: number;
  /** what GAX sends when confserv_trusted is false; without it such a login cannot be tried */
  password?: string;
  /**
   * A token minted earlier, sent as is instead of minting one (a captured token replayed, or one
   * minted for another user): the training labs use it. It must start with `preamble`. Client-only:
   * the IPC contract does not carry it.
   */
  token?: string;
};

export type PasswordCredentials = { kind: 'password'; password: string };

export interface LoginRequest {
  host: string;
  port: number;
  tls?: TlsTarget | null;
  userName: string;
  credentials: PasswordCredentials | GaxCredentials;
  /** default 'GAX' */
  clientName?: string;
  timeoutsMs?: Partial<Record<TimedStepId, number>>;
  /** cancel: the run ends with outcome 'cancelled' and the socket is destroyed */
  signal?: AbortSignal;
  /** ms since the epoch; default Date.now. Tokens are minted at clock() + gaxClockOffsetSeconds */
  clock?: () => number;
}

// The step names are core vocabulary: the renderer labels a trace with them without importing the client.
import type { StepId, TimedStepId } from '../core/login-steps.js';
export { STEP_LABELS, STEP_ORDER, type StepId, type TimedStepId } from '../core/login-steps.js';

export const DEFAULT_TIMEOUTS_MS: Record<TimedStepId, number> = {
  resolve: 3000,
  connect: 5000,
  tls: 5000,
  hello: 5000,
  register: 5000,
};

export interface TraceStep {
  id: StepId;
  label: string;
  status: 'running' | 'ok' | 'failed' | 'skipped';
  /** ms since the epoch, by the request's clock */
  startedAt: number;
  /** measured on a monotonic clock; null while running and for a skipped step */
  durationMs: number | null;
  detail: string;
  data?: Record<string, unknown>;
}

import type { CertificateFacts } from '../core/report/types.js';

export type { CertificateFacts };

/** The server's certificate, the connection's protocol and cipher, and the chain it presented. */
export interface CertificateInfo extends CertificateFacts {
  protocol: string;
  cipher: string;
  /** every certificate the server presented, leaf first, each followed by its issuer (a self-signed one is a chain of one) */
  chain?: ChainCertificate[];
}

/** One certificate of the presented chain, and its PEM to save. */
export interface ChainCertificate extends CertificateFacts {
  pem: string;
}

export type LoginOutcome = 'accepted' | 'rejected' | 'unreachable' | 'not-csmock' | 'tls-failed' | 'timeout' | 'cancelled' | 'invalid-input';

export interface ServerError {
  code: string;
  message: string;
  detail?: Record<string, unknown>;
}

export interface ClockMeasurement {
  /** server clock − ours */
  offsetMs: number;
  roundTripMs: number;
}

export interface TokenSummary {
  /** preamble + first 6 characters + "…(N chars)": never the whole token */
  redacted: string;
  length: number;
  iat: number;
  exp: number;
  fitsPasswordField: boolean;
}

export interface LoginResult {
  outcome: LoginOutcome;
  steps: TraceStep[];
  /** the server's Error answer, as sent */
  server?: ServerError;
  session?: { sessionId: string; authMethod: 'token' | 'password'; tokenExpires?: number };
  clock?: ClockMeasurement;
  certificate?: CertificateInfo;
  token?: TokenSummary;
  /** one line: what happened */
  message: string;
  /** what to do; empty when accepted */
  fix: string;
  /** whose word the explanation is (a Genesys document, the tool's model, advice); absent when accepted */
  source?: Source;
}

export interface ServerTimeTarget {
  host: string;
  port: number;
  tls?: TlsTarget | null;
  /** default 5 */
  samples?: number;
  /** per network step and per sample; default 5000 */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** ms since the epoch; default Date.now */
  clock?: () => number;
}

export type ServerTimeResult =
  | {
      ok: true;
      offsetMs: number;
      roundTripMs: number;
      samples: ClockMeasurement[];
      /** the server's clock (ms) in the best sample */
      serverTime: number;
    }
  | { ok: false; outcome: LoginOutcome; message: string; fix: string };
