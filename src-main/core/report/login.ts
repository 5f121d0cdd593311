/** A Connect run (or the whole history) as a report: verdict, the timed trace, the clock, the certificate chain. */
import { esc, facts, pre, section, text, utc, verdict } from './html.js';
import type { ReportChainCertificate, ReportLoginResult, ReportLoginRun } from './types.js';

export function durationText(ms: number | null): string {
  if (ms === null) return '';
  return ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** "+1.250 s (server ahead of this machine)" */
export function offsetText(ms: number): string {
  const s = (Math.abs(ms) / 1000).toFixed(3);
  if (Math.abs(ms) < 0.5) return '0 s (in step)';
  return ms > 0 ? `+${s} s (the server's clock is ahead of this machine's)` : `−${s} s (the server's clock is behind this machine's)`;
}

function tone(outcome: string): 'good' | 'bad' | 'warn' {
  return outcome === 'accepted' ? 'good' : outcome === 'cancelled' ? 'warn' : 'bad';
}

function traceTable(r: ReportLoginResult): string {
  const rows = r.steps
    .map(
      (s) =>
        `<tr><td class="nowrap">${text(s.label)}</td><td class="nowrap st-${text(s.status)}">${text(s.status)}</td><td class="num">${text(durationText(s.durationMs))}</td><td class="nowrap">${
          s.status === 'skipped' ? '' : text(utc(s.startedAt).slice(11, 19))
        }</td><td>${text(s.detail)}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th>Step</th><th>Status</th><th>Took</th><th class="nowrap">Started (UTC)</th><th>Detail</th></tr></thead><tbody>${rows}</tbody></table>\n`;
}

export function daysLeftText(days: number): string {
  return days < 0 ? `expired ${-days} days ago` : `${days} days left`;
}

function certTable(c: ReportChainCertificate, n: number, of: number): string {
  const role = n === 0 ? 'presented by the server' : n === of - 1 && c.subject === c.issuer ? 'root, self-signed' : 'intermediate';
  return `<div class="cert"><h3>Certificate ${n + 1} of ${of} <span class="muted">(${esc(role)})</span></h3>${facts([
    ['Subject', `<span class="mono">${text(c.subject)}</span>`],
    ['Issuer', `<span class="mono">${text(c.issuer)}</span>${c.subject === c.issuer ? ' <span class="muted">(self-signed)</span>' : ''}`],
    ['Valid', `${text(c.validFrom)} – ${text(c.validTo)} (${text(daysLeftText(c.daysLeft))})`],
    ['SHA-256 fingerprint', `<span class="mono">${text(c.fingerprint256)}</span>`],
    ['Names (SAN)', c.altNames.length ? `<span class="mono">${text(c.altNames.join(', '))}</span>` : '<span class="muted">none</span>'],
  ])}</div>\n`;
}

export function chainBlock(r: ReportLoginResult): string {
  const c = r.certificate;
  if (!c) return '<p class="muted">No certificate: the run did not use TLS, or ended before the handshake.</p>\n';
  const chain = c.chain?.length ? c.chain : [c];
  return `${facts([['Protocol · cipher', text(`${c.protocol} · ${c.cipher}`)]])}${chain.map((cert, i) => certTable(cert, i, chain.length)).join('')}`;
}

function runBody(run: ReportLoginRun, level: 'h2' | 'h3'): string {
  const r = run.result;
  const rows: [string, string][] = [
    ['Target', text(run.target)],
    ['User', text(`${run.userName} (by ${run.how})`)],
    ['Started', text(utc(run.startedAt))],
    ['Outcome', `<strong>${text(r.outcome)}</strong>`],
  ];
  if (r.server) rows.push(['Server answered', text(`${r.server.code}: ${r.server.message}`)]);
  if (r.session) rows.push(['Session', text(`${r.session.sessionId} (${r.session.authMethod} login)`)]);
  // ms on the server's clock (csmock/1 ClientRegistered)
  if (r.session?.tokenExpires !== undefined) rows.push(['Token expires', text(`${utc(r.session.tokenExpires)} by the server's clock`)]);
  if (r.token)
    rows.push([
      'Token sent',
      text(
        `${r.token.redacted}, issued ${utc(r.token.iat * 1000)}, expires ${utc(r.token.exp * 1000)}, ${r.token.fitsPasswordField ? 'fits' : 'does not fit'} the Password field`,
      ),
    ]);
  rows.push([
    'Clock offset',
    r.clock ? text(`${offsetText(r.clock.offsetMs)}; round trip ${durationText(r.clock.roundTripMs)}`) : '<span class="muted">not measured</span>',
  ]);
  const h = (t: string) => `<${level}>${esc(t)}</${level}>\n`;
  let out = verdict(tone(r.outcome), `${r.outcome}: ${r.message}`, r.fix ? `Fix: ${r.fix}` : '');
  out += facts(rows);
  out += `${h('Trace')}${traceTable(r)}`;
  out += `${h('Certificate chain')}${chainBlock(r)}`;
  if (run.command) out += `${h('Run it again from a terminal')}${pre(run.command)}`;
  return out;
}

export function loginBody(runs: readonly ReportLoginRun[]): string {
  if (runs.length === 0) return '<p>No login was run.</p>\n';
  if (runs.length === 1) return runBody(runs[0]!, 'h2');
  const accepted = runs.filter((r) => r.result.outcome === 'accepted').length;
  const summary = `<table><thead><tr><th>#</th><th>Started</th><th>Target</th><th>User</th><th>Outcome</th><th>Clock offset</th></tr></thead><tbody>${runs
    .map(
      (r, i) =>
        `<tr><td class="num">${i + 1}</td><td>${text(utc(r.startedAt))}</td><td>${text(r.target)}</td><td>${text(r.userName)}</td><td class="st-${
          r.result.outcome === 'accepted' ? 'ok' : 'failed'
        }">${text(r.result.outcome)}</td><td>${r.result.clock ? text(`${(r.result.clock.offsetMs / 1000).toFixed(3)} s`) : '—'}</td></tr>`,
    )
    .join('')}</tbody></table>\n`;
  let out = verdict(accepted === runs.length ? 'good' : accepted === 0 ? 'bad' : 'warn', `${accepted} of ${runs.length} logins accepted`, '');
  out += section('All runs', summary);
  runs.forEach((run, i) => {
    out += section(`Run ${i + 1}: ${run.userName} at ${run.target}`, runBody(run, 'h3'), 'run');
  });
  return out;
}
