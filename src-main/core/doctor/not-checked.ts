/**
 * What exported files cannot show. Every result lists it, so "no problem found" is never read as
 * "logins will work": the most common causes left over (the key GAX really signs with, clocks,
 * accounts, a CS still running with old values) are not in any export.
 */
import type { ParsedFile } from './read-result.js';
import type { DoctorInput } from './types.js';

export function notChecked(files: readonly ParsedFile[], input: Pick<DoctorInput, 'clockOffsetSeconds' | 'users'>): string[] {
  const out: string[] = [
    "the token-uuid GAX signs with: GAX has no option for it (in the tool's model it uses its CS's token-uuid, or the value the primary master CS generated when token-uuid is unset), and no export shows that value — compare it with the CS's on the hosts, last 4 characters only",
  ];
  if (input.clockOffsetSeconds === undefined)
    out.push(
      'the clocks of the GAX and CS hosts: give the measured offset (gax-token time, or the Connect view) to check it against token-tolerance',
    );
  out.push('TLS: which ports are secure and whether their certificates are trusted (check with the Connect view or gax-token login --tls)');
  out.push(
    'account states: lockout and account expiration in [security-authentication-rules] (Genesys doc TEN-SECAUTH) refuse a login even with a good token',
  );
  out.push(
    'which values each running CS uses: Genesys publishes only token-tolerance and token-ttl as taking effect immediately (documented for Configuration Server Proxy); for the others, whether a restart is needed is not published',
  );
  if (!input.users || input.users.length === 0) out.push("the length of each user's token: give the usernames to check them");
  if (files.some((f) => f.role === 'cs-local-config'))
    out.push("a master CS's Application options: a local configuration file holds only what that CS starts from");
  return out;
}
