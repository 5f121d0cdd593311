/**
 * One renderer of reports for every door (the Doctor, Connect and Set up views, `gax-token doctor
 * --report` and `login --report`): data in, one self-contained HTML string out. Pure and
 * browser-safe — no I/O, no Node APIs — so the renderer builds reports itself and the CLI writes
 * the very same bytes.
 */
import { doctorBody } from './doctor.js';
import { esc, page, text, utc } from './html.js';
import { loginBody } from './login.js';
import { setupBody } from './setup.js';
import type { ReportInput } from './types.js';

export type * from './types.js';
export { doctorVerdict } from './doctor.js';
export { durationText, offsetText, daysLeftText } from './login.js';

const TITLES: Record<ReportInput['kind'], string> = {
  doctor: 'GAX token authentication — option files diagnosis',
  login: 'GAX token authentication — login test',
  setup: 'GAX token authentication — planned settings',
};

export function renderReport(input: ReportInput): string {
  const body = input.kind === 'doctor' ? doctorBody(input.doctor) : input.kind === 'login' ? loginBody(input.runs) : setupBody(input.setup);
  const m = input.meta;
  const subtitle = `Made ${text(utc(m.createdAt))} by GAX Token Lab ${text(m.appVersion)} (${text(m.madeBy)})`;
  // The legend only when some finding carries its source: a report must not promise what it does not show.
  const sourced = /class="tag (genesys|model|advice)"/.test(body);
  const footer = `${esc(
    'Secrets are not in this report: a token-uuid shows only its last four digits, tokens only their first characters, passwords not at all.',
  )}${
    sourced
      ? esc(
          ' Each finding names whose word it is: a Genesys document ("Genesys doc"), the tool\'s own model of the product ("tool\'s model"), or the tool\'s advice.',
        )
      : ''
  }<br>GAX Token Lab ${text(m.appVersion)} · ${text(utc(m.createdAt))}`;
  return page(TITLES[input.kind], subtitle, body, footer);
}

/** "gax-login-report-2026-12-07T213005Z.html": a file name to offer, from the kind and the time */
export function reportFileName(kind: ReportInput['kind'], createdAt: number): string {
  const stamp = new Date(createdAt).toISOString().slice(0, 19).replace(/:/g, '').replace(/-/g, '');
  return `gax-${kind}-report-${stamp}Z.html`;
}

/** The chain as one PEM file, certificates in the order presented (leaf first). */
export function chainPem(chain: readonly { pem: string }[]): string {
  return chain.map((c) => (c.pem.endsWith('\n') ? c.pem : `${c.pem}\n`)).join('');
}
export {
  loginCommand,
  commandCredentials,
  commandTls,
  shellQuote,
  UUID_PLACEHOLDER,
  CA_PLACEHOLDER,
  PASSWORD_VAR,
  GAX_PASSWORD_VAR,
  type CommandTarget,
  type CopiedCommand,
} from './command.js';
