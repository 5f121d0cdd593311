/** What an application does when a token option is absent, or what it reads instead — for the "why" of a finding. */
import { DEFAULT_PREAMBLE } from '../../constants.js';
import { DEFAULT_TOLERANCE_SECONDS, DEFAULT_TTL_MINUTES } from '../../window.js';
import type { OptionDefinition, OptionName } from '../../options/index.js';
import { effective } from '../model.js';
import type { AppModel } from '../types.js';
import { atLine, shownAssignment, theApp } from '../wording.js';

const WHEN_ABSENT: Record<OptionName, string> = {
  'token-authentication-mode':
    'token authentication stays off (it is not enabled by default): the CS checks a token in the Password field as a plain password, and the login fails',
  'token-preambula': `the preamble stays ${DEFAULT_PREAMBLE}, the default`,
  'token-uuid': 'the CS uses the UUID the primary master CS generated for the Configuration Database',
  'token-tolerance': `token-tolerance stays ${DEFAULT_TOLERANCE_SECONDS} s, the default`,
  'token-ttl': `the CS takes its validity window from GAX token_life_in_minutes (${DEFAULT_TTL_MINUTES} min when that is unset too)`,
  confserv_trusted: "GAX keeps logging in with passwords (no default is published; that is the tool's model)",
  token_life_in_minutes: 'GAX mints tokens with its default life (not published)',
};

/** "the CS reads token-ttl="30" (line 4) instead" or what the application does without the option. */
export function insteadOf(def: OptionDefinition, app: AppModel | undefined): string {
  const current = app?.application === def.application ? effective(app, def.name) : undefined;
  if (current) return `${theApp(def.application)} reads ${shownAssignment(def.name, current.entry.value)}${atLine(current.entry.line)} instead`;
  return WHEN_ABSENT[def.name];
}
