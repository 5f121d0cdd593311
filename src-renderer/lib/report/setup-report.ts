/**
 * The Set up wizard as a report: the [system] and [general] lines to set (the token-uuid masked:
 * a report goes to people who must not hold it), what they imply for a sample user, and every
 * warning the Check step shows.
 */
import { maskTokenUuid, writeOptionsText } from '../../../src-main/core/browser.js';
import type { ReportSetup } from '../../../src-main/core/browser.js';
import type { SetupCheck } from '../setup/check.svelte.js';
import type { SetupWizard } from '../setup/wizard.svelte.js';

/** The lines as the Apply step writes them, then the token-uuid's value masked (the writer checks it is a UUID first). */
function optionText(application: 'cs' | 'gax', name: string, section: Record<string, string>): string {
  const written = writeOptionsText({ application, sections: { [name]: section } });
  const text = written.ok
    ? written.text
    : `[${name}]\n${Object.entries(section)
        .map(([k, v]) => `${k}=${v}`)
        .join('\n')}\n`;
  return text.replace(/^(\s*token-uuid\s*=\s*)(\S.*)$/gm, (_m, key: string, value: string) => `${key}${maskTokenUuid(value.trim().toLowerCase())}`);
}

export function setupReport(wizard: SetupWizard, check: SetupCheck): ReportSetup {
  const s = wizard.settings;
  const facts: { label: string; value: string }[] = [];
  if (s) {
    facts.push({ label: 'Token authentication', value: s.mode === 'enable' ? 'enabled on the CS' : 'not enabled on the CS' });
    facts.push({
      label: 'GAX sends',
      value: s.confservTrusted ? `a token (confserv_trusted=true), living ${s.lifeMinutes} min` : 'its password (confserv_trusted=false)',
    });
    facts.push({
      label: 'token-uuid',
      value: s.tokenUuid ? `set here (${maskTokenUuid(s.tokenUuid.toLowerCase())})` : 'left to the CS (the primary master CS generates one)',
    });
  }
  const fit = wizard.fit;
  if (fit)
    facts.push({
      label: `Token length for "${wizard.sampleUser}"`,
      value: `${fit.length} of ${fit.limit} characters: ${fit.fits ? 'fits the Password field' : `${fit.over} too many for the Password field`}`,
    });
  return {
    options: [
      { application: 'cs', title: 'Configuration Server (primary master): [system]', text: optionText('cs', 'system', wizard.systemSection) },
      { application: 'gax', title: 'GAX application: [general]', text: optionText('gax', 'general', wizard.generalSection) },
    ],
    facts,
    warnings: check.warnings.map(({ source: _who, ...w }) => w),
  };
}
