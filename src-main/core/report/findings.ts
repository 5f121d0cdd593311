/** Findings (the doctor's, the wizard's warnings) as report blocks, each with whose word it is. */
import { SOURCES, SOURCE_LABEL, type SourceId, type SourceKind } from '../sources.js';
import { esc, pre, text } from './html.js';
import type { ReportFinding } from './types.js';

const SEVERITY_WORD = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

/** "Genesys doc · GAX Deployment Guide: …", or nothing when the finding carries no source */
export function sourceTag(source: { kind: SourceKind; id: string } | undefined): string {
  if (!source || !(source.kind in SOURCE_LABEL)) return '';
  const entry = SOURCES[source.id as SourceId] as (typeof SOURCES)[SourceId] | undefined;
  const title = entry ? ` — ${entry.title}` : ` — ${source.id}`;
  return `<span class="tag ${source.kind}">${esc(SOURCE_LABEL[source.kind])}</span><span class="muted">${text(title.slice(3))}</span>`;
}

function where(f: ReportFinding): string {
  const parts: string[] = [];
  if (f.file) parts.push(f.line ? `${f.file}, line ${f.line}` : f.file);
  if (f.application) parts.push(f.application === 'cs' ? 'Configuration Server' : f.application === 'gax' ? 'GAX' : f.application);
  return parts.length ? ` <span class="muted">(${text(parts.join(' · '))})</span>` : '';
}

export function findingBlock(f: ReportFinding): string {
  const sev = f.severity in SEVERITY_WORD ? f.severity : 'info';
  const source = 'source' in f && f.source ? `<p>Source: ${sourceTag(f.source)}</p>` : '';
  return `<div class="finding ${sev}">
<p><span class="tag">${SEVERITY_WORD[sev]}</span><code>${text(f.id)}</code>${where(f)}</p>
<p><strong>${text(f.message)}</strong></p>
${f.why ? `<p>${text(f.why)}</p>` : ''}${f.fix ? `<p>Fix:</p>${pre(f.fix)}` : ''}${source}</div>
`;
}

export function findingList(findings: readonly ReportFinding[], none: string): string {
  if (findings.length === 0) return `<p>${esc(none)}</p>\n`;
  return findings.map(findingBlock).join('');
}

/** "2 errors, 1 warning" */
export function countWords(findings: readonly ReportFinding[]): string {
  const n = (s: ReportFinding['severity']) => findings.filter((f) => f.severity === s).length;
  const words = [
    [n('error'), 'error'],
    [n('warning'), 'warning'],
    [n('info'), 'note'],
  ]
    .filter(([c]) => (c as number) > 0)
    .map(([c, w]) => `${c} ${w}${c === 1 ? '' : 's'}`);
  return words.join(', ');
}
