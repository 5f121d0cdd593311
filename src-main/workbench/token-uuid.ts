/** Where a token-uuid comes from (typed, a profile, the mock CS), resolved or refused in words. Never logged. */
import { parseTokenUuid } from '../core/index.js';
import type { TokenUuidSource } from '../ipc/contract/tokens.js';
import type { Store } from '../store/index.js';
import { firstLine, HandlerError } from './failure.js';

export interface TokenUuidPlaces {
  profiles: Pick<Store['profiles'], 'get'>;
  /** the mock CS's token-uuid (configured or generated); throws when its kept file cannot be read */
  mockCsTokenUuid(owner?: 'try-it'): string;
}

/** The token-uuid a source names, or a HandlerError saying why there is none. */
export async function resolveTokenUuid(source: TokenUuidSource, places: TokenUuidPlaces): Promise<string> {
  switch (source.kind) {
    case 'typed': {
      const parsed = parseTokenUuid(source.value);
      if (!parsed.ok)
        throw new HandlerError(
          'INVALID_UUID',
          `the token-uuid is not a UUID: ${parsed.reason}`,
          'Type it as 8-4-4-4-12 hex digits, optionally in {braces}.',
        );
      return parsed.canonical;
    }
    case 'profile':
      return profileTokenUuid(source.profileId, places.profiles);
    case 'mockcs':
      try {
        return places.mockCsTokenUuid(source.host);
      } catch (err) {
        throw new HandlerError(
          'MOCKCS_TOKEN_UUID',
          `the mock CS's token-uuid cannot be read: ${firstLine(err)}`,
          'Fix or delete the file named there, or configure a token-uuid.',
        );
      }
  }
}

/** A CS profile's token-uuid; a pair's CS profile's. A GAX profile has none: GAX reads the CS's. */
function profileTokenUuid(profileId: string, profiles: TokenUuidPlaces['profiles']): string {
  const found = profiles.get(profileId);
  if (!found.ok) throw new HandlerError(found.error.code, found.error.message, found.error.hint);
  let profile = found.data;
  if (profile.kind === 'pair') {
    const cs = profiles.get(profile.csProfileId);
    if (!cs.ok) throw new HandlerError(cs.error.code, `the pair ${JSON.stringify(profile.name)}: ${cs.error.message}`, cs.error.hint);
    profile = cs.data;
  }
  if (profile.kind !== 'cs')
    throw new HandlerError(
      'WRONG_KIND',
      `GAX profile ${JSON.stringify(profile.name)} holds no token-uuid: GAX uses the one configured on Configuration Server`,
      'Pick a CS profile or a pair.',
    );
  const value = profile.options['token-uuid'];
  if (value === undefined) {
    const issue = profile.secretIssues.find((i) => i.option === 'token-uuid');
    if (issue) throw new HandlerError('SECRET_UNAVAILABLE', issue.message, 'Open the profile and enter the token-uuid again.');
    throw new HandlerError(
      'NO_TOKEN_UUID',
      `CS profile ${JSON.stringify(profile.name)} has no [system] token-uuid`,
      'Set token-uuid in the profile, or use the mock CS or a typed token-uuid.',
    );
  }
  const parsed = parseTokenUuid(value);
  if (!parsed.ok)
    throw new HandlerError(
      'INVALID_UUID',
      `the token-uuid of CS profile ${JSON.stringify(profile.name)} is not a UUID: ${parsed.reason}`,
      'Correct it in the profile.',
    );
  return parsed.canonical;
}
