/**
 * The mock CS's options as they may be shown or logged: the token-uuid masked, each password reduced
 * to whether there is one.
 */
import { maskTokenUuid, parseTokenUuid } from '../core/index.js';
import type { MockCsOptions, PublicMockCsOptions } from './options.js';

export function publicMockCsOptions(o: MockCsOptions): PublicMockCsOptions {
  const uuid = o.tokenUuid === null ? null : parseTokenUuid(o.tokenUuid);
  return {
    ...structuredClone({ ...o, users: [], tokenUuid: null }),
    tokenUuid: uuid && uuid.ok ? maskTokenUuid(uuid.canonical) : null,
    users: o.users.map((u) => ({ userName: u.userName, hasPassword: u.password !== undefined, enabled: u.enabled })),
  };
}
