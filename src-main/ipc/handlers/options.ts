/**
 * options.render: the CS `[system]` and GAX `[general]` snippets as option-file text (the core
 * writer), and a change checklist in the order Genesys gives — Configuration Server first, then GAX.
 * Without `includeSecrets` a secret option becomes a commented placeholder that says where to paste it.
 */
import {
  HOME_SECTION,
  checkOptionValue,
  findOption,
  isSecretOptionName,
  optionsOf,
  writeOptionsText,
  type ApplicationKind,
} from '../../core/options/index.js';
import type { HandlersOf } from '../contract/index.js';
import { doctorHandlers } from './doctor.js';
import type { optionsRequests } from '../contract/options.js';
import { HandlerError } from '../result.js';

export const SNIPPET_FILE_NAMES: Record<ApplicationKind, string> = {
  cs: 'cs-system-options.cfg',
  gax: 'gax-general-options.cfg',
};

const APPLICATION_TITLE: Record<ApplicationKind, string> = { cs: 'Configuration Server application', gax: 'GAX application' };

export function optionsHandlers(): HandlersOf<typeof optionsRequests> {
  return {
    ...doctorHandlers(),
    async 'options.render'({ cs, gax, includeSecrets }) {
      return {
        cs: { fileName: SNIPPET_FILE_NAMES.cs, text: renderSnippet('cs', cs, includeSecrets) },
        gax: { fileName: SNIPPET_FILE_NAMES.gax, text: renderSnippet('gax', gax, includeSecrets) },
        checklist: changeChecklist(cs, gax, includeSecrets),
      };
    },
  };
}

/** One application's home section as an option file; secrets left out become placeholders at its end. */
export function renderSnippet(application: ApplicationKind, options: Record<string, string>, includeSecrets: boolean): string {
  const section = HOME_SECTION[application];
  const written: Record<string, string> = {};
  const withheld: string[] = [];
  for (const [name, value] of Object.entries(options)) {
    if (!includeSecrets && isSecretOptionName(name)) withheld.push(name);
    else written[name] = value;
  }
  const result = writeOptionsText(
    { application, sections: { [section]: written } },
    { comments: [`${APPLICATION_TITLE[application]}, [${section}] section: token authentication (made by GAX Token Lab)`] },
  );
  if (!result.ok)
    throw new HandlerError(
      'BAD_OPTIONS',
      `${application === 'cs' ? 'CS' : 'GAX'} [${section}]: ${result.reason}`,
      'Correct that option; an option file holds one name=value per line.',
    );
  // The file ends inside the only section, so a placeholder appended here belongs to it.
  const placeholders = withheld.map((name) => `# ${name}=<paste the value here and remove "# " — a secret, so it was left out of this file>\n`);
  return result.text + placeholders.join('');
}

/** The steps to change the two applications, with what each value means and anything that looks wrong. */
export function changeChecklist(cs: Record<string, string>, gax: Record<string, string>, includeSecrets: boolean): string {
  const lines = [
    'Change checklist: token authentication between GAX and Configuration Server',
    '',
    'Token authentication is off by default. Enable it on Configuration Server first, then on GAX',
    '(GAX Deployment Guide, "Secure Communication with Configuration Server"): a GAX that sends tokens to a',
    'Configuration Server that does not accept them cannot log in.',
    '',
    `1. ${APPLICATION_TITLE.cs}, [${HOME_SECTION.cs}] section (${SNIPPET_FILE_NAMES.cs}):`,
    ...applicationSteps('cs', cs, includeSecrets),
    '',
    `2. ${APPLICATION_TITLE.gax}, [${HOME_SECTION.gax}] section (${SNIPPET_FILE_NAMES.gax}):`,
    ...applicationSteps('gax', gax, includeSecrets),
    '',
    '3. Try a login as GAX would before you rely on it: the Connect view logs in to a Configuration Server,',
    '   or to the built-in mock CS started with these options.',
  ];
  return `${lines.join('\n')}\n`;
}

function applicationSteps(application: ApplicationKind, options: Record<string, string>, includeSecrets: boolean): string[] {
  const steps: string[] = [];
  for (const [name, value] of Object.entries(options)) {
    const def = findOption(name);
    const secret = isSecretOptionName(name);
    const shown = secret
      ? `${name} (a secret: ${includeSecrets ? 'it is in the file in clear — keep the file private' : 'paste it where the placeholder says'})`
      : `${name}=${value}`;
    if (!def) {
      steps.push(`   - set ${shown} — not a token option this tool knows; written as given`);
      continue;
    }
    if (def.application !== application) {
      const other = def.application === 'cs' ? 'Configuration Server [system]' : 'GAX [general]';
      steps.push(`   ! ${name} belongs to the ${other} section, not here: move it there`);
      continue;
    }
    const check = checkOptionValue(def, value);
    if (check.status === 'invalid') {
      const meant = check.suggestion !== null && !secret ? ` (${name}=${check.suggestion} is most likely what was meant)` : '';
      steps.push(`   ! ${secret ? name : `${name}=${value}`}: ${check.reason} — correct it before you apply it${meant}`);
    } else if (check.status === 'not-normal') steps.push(`   ! ${secret ? name : `${name}=${value}`}: ${check.reason}`);
    else steps.push(`   - set ${shown}`);
  }
  for (const def of optionsOf(application)) if (!Object.hasOwn(options, def.name)) steps.push(`   - leave ${def.name} unset: ${def.defaultMeaning}`);
  return steps;
}
