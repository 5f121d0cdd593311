/**
 * The second net for secrets in free text: whatever prints an arbitrary error's words (the crash
 * log, the window's problem banner) masks anything shaped like a token-uuid or a token body first.
 * Pure and browser-safe: the renderer scrubs with it too.
 */
import { maskTokenUuid } from './uuid.js';

const UUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g;
// The shortest PXZ-1 token body is 35 base64url characters and a bare token-uuid is 32 hex
// digits; ordinary words and file names are shorter.
const LONG_OPAQUE_RUN = /[A-Za-z0-9_-]{32,}/g;

/** Masks anything in `text` that looks like a token-uuid or a token body. */
export function scrubSecrets(text: string): string {
  return text
    .replace(UUID, (uuid) => maskTokenUuid(uuid.toLowerCase()))
    .replace(LONG_OPAQUE_RUN, (run) => `${run.slice(0, 6)}…(${run.length} chars)`);
}
