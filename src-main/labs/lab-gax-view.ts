/** How a lab is shown to the renderer: its GAX side (the open lab's and the scenario's broken one alike) and its texts. */
import { maskTokenUuid, parseTokenUuid } from '../core/index.js';
import type { LabGaxSetup, LabText } from '../core/labs/types.js';
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

/** Scenarios are frozen and shared: the view gets copies. */
export function copyText(t: LabText): LabText {
  return { text: t.text, source: { ...t.source } };
}

export function canonicalUuid(value: string): string {
  const parsed = parseTokenUuid(value);
  // The contract already checked it; this only normalises braces and case.
  return parsed.ok ? parsed.canonical : value;
}
