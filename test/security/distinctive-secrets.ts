/**
 * The distinctive secrets the hygiene tests run with (and the list the scanner in flows.ts looks
 * for): a token-uuid, a wrong and a mistyped one, a CS user's and a profile's password.
 */
import { randomBytes } from 'node:crypto';
import type { Secret } from './secret-scan.js';

function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/**
 * Recognisable to a person reading a dump (`5ec2e7ed-…`, `Wombat`, `Narwhal`) and random in the
 * rest, so nothing in a fixture or a default can match them by chance.
 */
function distinctiveUuid(): string {
  const h = hex(12);
  return `5ec2e7ed-${h.slice(0, 4)}-4${h.slice(4, 7)}-a${h.slice(7, 10)}-${hex(6)}`;
}

export const TOKEN_UUID = distinctiveUuid();
/** a second token-uuid the person typed by mistake: as secret as the first */
export const WRONG_UUID = distinctiveUuid();
/** the right token-uuid with its last digit mistyped: no longer a UUID, still a secret */
export const MISTYPED_UUID = `${TOKEN_UUID.slice(0, -1)}Z`;
export const CS_PASSWORD = `CsUser-Wombat-${hex(5)}`;
export const PROFILE_PASSWORD = `Profile-Narwhal-${hex(5)}`;

export const SECRETS: readonly Secret[] = [
  { label: 'the token-uuid', kind: 'token-uuid', value: TOKEN_UUID },
  { label: 'the wrong token-uuid', kind: 'token-uuid', value: WRONG_UUID },
  { label: 'the mistyped token-uuid', kind: 'password', value: MISTYPED_UUID },
  { label: 'the CS user password', kind: 'password', value: CS_PASSWORD },
  { label: 'the profile password', kind: 'password', value: PROFILE_PASSWORD },
];
