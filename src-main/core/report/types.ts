/**
 * What a report is made from. Structural shapes, so the core's results, the IPC answers and the
 * renderer's state all fit without conversion; fields another branch may add (a finding's source,
 * the doctor's notChecked, a file's role) are optional and shown when present.
 */
import type { SourceKind } from '../sources.js';

export interface ReportMeta {
  /** the app's version, e.g. "0.1.0" */
  appVersion: string;
  /** when the report was made, ms since the epoch */
  createdAt: number;
  /** which door made it: "Doctor view", "gax-token doctor", … */
  madeBy: string;
}

export interface ReportFinding {
  id: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  why: string;
  fix: string;
  file?: string | null;
  line?: number | null;
  application?: string | null;
  source?: { kind: SourceKind; id: string } | undefined;
}

export interface ReportDoctor {
  files: readonly { name: string; application: string; role?: string }[];
  findings: readonly ReportFinding[];
  corrected: readonly { fileName: string; application: string; text: string; changed: boolean; secretsOmitted?: boolean }[];
  errors: readonly { file?: string; name?: string; message: string; fix?: string }[];
  notChecked?: readonly string[];
  /** what the run was given besides the files */
  users?: readonly string[] | undefined;
  clockOffsetSeconds?: number | undefined;
}

export interface ReportStep {
  id: string;
  label: string;
  status: string;
  startedAt: number;
  durationMs: number | null;
  detail: string;
}

/** What a person checks of one certificate (public, never a secret): the login client's and the report's. */
export interface CertificateFacts {
  subject: string;
  issuer: string;
  /** ISO 8601 */
  validFrom: string;
  validTo: string;
  /** whole days until validTo; negative once expired */
  daysLeft: number;
  /** "AB:CD:…" upper case */
  fingerprint256: string;
  altNames: string[];
}

export type ReportChainCertificate = CertificateFacts;

export interface ReportLoginResult {
  outcome: string;
  steps: readonly ReportStep[];
  server?: { code: string; message: string } | undefined;
  session?: { sessionId: string; authMethod: string; tokenExpires?: number | undefined } | undefined;
  clock?: { offsetMs: number; roundTripMs: number } | undefined;
  certificate?: (ReportChainCertificate & { protocol: string; cipher: string; chain?: readonly ReportChainCertificate[] | undefined }) | undefined;
  token?: { redacted: string; length: number; iat: number; exp: number; fitsPasswordField: boolean } | undefined;
  message: string;
  fix: string;
}

export interface ReportLoginRun {
  /** "127.0.0.1:2020 (TLS)", "mock CS" */
  target: string;
  userName: string;
  /** "token" or "password" */
  how: string;
  /** ms since the epoch */
  startedAt: number;
  result: ReportLoginResult;
  /** the `gax-token login …` that reruns it, secrets by reference only */
  command?: string | undefined;
}

export interface ReportSetup {
  /** the option lines to set, per application; a token-uuid shows masked */
  options: readonly { application: string; title: string; text: string }[];
  /** label → value: the sample token's length, the window, … */
  facts: readonly { label: string; value: string }[];
  warnings: readonly ReportFinding[];
}

export type ReportInput =
  | { kind: 'doctor'; meta: ReportMeta; doctor: ReportDoctor }
  | { kind: 'login'; meta: ReportMeta; runs: readonly ReportLoginRun[] }
  | { kind: 'setup'; meta: ReportMeta; setup: ReportSetup };
