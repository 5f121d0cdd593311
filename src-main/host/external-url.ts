/**
 * Which links may leave the app for the system browser. Pure: no Electron import.
 * `shell.openExternal` hands a URL to the operating system, which will happily run `file:`,
 * `smb:` or custom-scheme handlers, so only plain https links pass.
 */

export type ExternalUrlCheck = { ok: true; href: string } | { ok: false; reason: string };

/** Longer than any link the app shows; a huge URL is a sign of something smuggled in a query. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

/**
 * Checks a link before it goes to `openExternal`. The reason never repeats the URL itself,
 * because a URL can carry a secret in its query and reasons end up in logs.
 */
export function checkExternalUrl(raw: unknown): ExternalUrlCheck {
  if (typeof raw !== 'string' || raw.length === 0) return refuse('the link is empty');
  if (raw.length > MAX_EXTERNAL_URL_LENGTH) {
    return refuse(`the link is longer than ${MAX_EXTERNAL_URL_LENGTH} characters`);
  }
  // The URL parser silently drops tabs and newlines and trims spaces; a raw link holding them was
  // built to look like something else, so it is refused before parsing.
  if (/[\s\u0000-\u001f\u007f]/.test(raw)) return refuse('the link holds white space or a control character');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('the link is not a valid URL');
  }
  if (url.protocol !== 'https:') return refuse(`only https links open outside the app, not ${url.protocol}`);
  if (url.username !== '' || url.password !== '') return refuse('the link carries a user name or password');
  if (url.hostname === '') return refuse('the link has no host');
  // The parser also repairs "https:///host" and "https:\\host" into a host; a link must say what
  // it opens as written.
  if (!/^https:\/\/[^/\\]/i.test(raw)) return refuse('the link must be written as https://host/…');
  return { ok: true, href: url.href };
}

/** True when `raw` is a well-formed https URL without credentials: the only kind `openExternal` gets. */
export function isSafeExternalUrl(raw: unknown): boolean {
  return checkExternalUrl(raw).ok;
}

function refuse(reason: string): ExternalUrlCheck {
  return { ok: false, reason };
}
