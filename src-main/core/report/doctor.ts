/** The doctor's report: the verdict, each finding with its source, the corrected lines, what was not checked. */
import { countWords, findingList } from './findings.js';
import { facts, pre, section, text, verdict } from './html.js';
import type { ReportDoctor } from './types.js';

const APP_NAME: Record<string, string> = { cs: 'Configuration Server', gax: 'GAX' };

export function doctorVerdict(d: ReportDoctor): { tone: 'good' | 'bad' | 'warn'; headline: string; detail: string } {
  const errors = d.findings.filter((f) => f.severity === 'error').length;
  const unread = d.errors.length;
  const counts = countWords(d.findings);
  if (errors > 0)
    return { tone: 'bad', headline: `Token login will fail: ${counts}`, detail: 'Apply the corrected lines below, then run the doctor again.' };
  if (unread > 0 || d.findings.some((f) => f.severity === 'warning'))
    return {
      tone: 'warn',
      headline: counts ? `No blocking error, but ${counts}` : 'No blocking error in what could be read',
      detail: unread ? `${unread} file${unread === 1 ? '' : 's'} could not be read; their options were not checked.` : 'Read the warnings below.',
    };
  return {
    tone: 'good',
    headline: counts ? `No problem found (${counts})` : 'No problem found',
    detail: 'The token options agree with each other as far as these files show.',
  };
}

export function doctorBody(d: ReportDoctor): string {
  const v = doctorVerdict(d);
  const inputs: [string, string][] = d.files.map((f) => [f.name, text(`${APP_NAME[f.application] ?? f.application}${f.role ? ` — ${f.role}` : ''}`)]);
  if (d.users?.length) inputs.push(['Usernames checked', text(d.users.join(', '))]);
  if (d.clockOffsetSeconds !== undefined) inputs.push(['Clock offset given', text(`${d.clockOffsetSeconds} s (CS clock − GAX clock)`)]);
  let body = verdict(v.tone, v.headline, v.detail);
  body += section('Files read', inputs.length ? facts(inputs) : '<p>No file could be read.</p>\n');
  if (d.errors.length)
    body += section(
      'Files that could not be read',
      `<ul>${d.errors.map((e) => `<li><strong>${text(e.file ?? e.name ?? '')}</strong>: ${text(e.message)}${e.fix ? ` — ${text(e.fix)}` : ''}</li>`).join('')}</ul>\n`,
    );
  body += section('Findings', findingList(d.findings, 'No findings.'));
  const changed = d.corrected.filter((c) => c.changed);
  body += section(
    'Corrected lines',
    changed.length
      ? changed
          .map(
            (c) =>
              `<h3>${text(c.fileName)} <span class="muted">(${text(APP_NAME[c.application] ?? c.application)})</span></h3>\n${pre(c.text)}${
                c.secretsOmitted
                  ? '<p class="muted">The token-uuid is left out of these lines: it is a secret. Keep the value the CS already has.</p>\n'
                  : ''
              }`,
          )
          .join('')
      : '<p>No file needs a change to its token options.</p>\n',
  );
  if (d.notChecked?.length) body += section('Not checked', `<ul>${d.notChecked.map((n) => `<li>${text(n)}</li>`).join('')}</ul>\n`);
  return body;
}
