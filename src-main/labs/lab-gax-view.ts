/** How a lab's GAX side is shown to the renderer, the open lab's and the scenario's broken one alike. */
import { maskTokenUuid, parseTokenUuid } from '../core/index.js';
import type { LabGaxSetup } from '../core/labs/types.js';
import type { OpenLabView } from '../ipc/contract/labs.js';

/** The GAX side as the renderer may see it: the token-uuid masked, the password reduced to whether there is one. */
export function gaxView(g: LabGaxSetup): OpenLabView['gax'] {
  const uuid = parseTokenUuid(g.tokenUuid);
  return {
    confservTrusted: g.confservTrusted,
    tokenLifeMinutes: g.tokenLifeMinutes,
    tokenUuid: uuid.ok ? { masked: maskTokenUuid(uuid.canonical), valid: true } : { masked: '(not a UUID)', valid: false },
    preamble: g.preamble,
    userName: g.userName,
    tokenUserName: g.tokenUserName ?? null,
    hasPassword: g.password !== undefined,
    clockOffsetSeconds: g.clockOffsetSeconds,
    tokenSource: { ...g.tokenSource },
  };
}
