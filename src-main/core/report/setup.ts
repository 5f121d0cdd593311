/** The Set up wizard's report: the options to set on each application, what they imply, and every warning. */
import { countWords, findingList } from './findings.js';
import { facts, pre, section, text, verdict } from './html.js';
import type { ReportSetup } from './types.js';

export function setupBody(s: ReportSetup): string {
  const errors = s.warnings.filter((w) => w.severity === 'error').length;
  const counts = countWords(s.warnings);
  let out = errors
    ? verdict('bad', `These settings will not work as they are: ${counts}`, 'Read the warnings below before applying them.')
    : verdict(
        counts ? 'warn' : 'good',
        counts ? `Ready to apply, with ${counts}` : 'Ready to apply: no warning',
        'Enable token authentication on the CS first, then on GAX.',
      );
  out += section('Options to set', s.options.map((o) => `<h3>${text(o.title)}</h3>\n${pre(o.text)}`).join('') || '<p>No options.</p>\n');
  if (s.facts.length) out += section('What they imply', facts(s.facts.map((f) => [f.label, text(f.value)])));
  out += section('Warnings', findingList(s.warnings, 'No warnings.'));
  return out;
}
