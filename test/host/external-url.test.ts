import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkExternalUrl, isSafeExternalUrl, MAX_EXTERNAL_URL_LENGTH } from '../../src-main/host/external-url.js';

describe('isSafeExternalUrl', () => {
  it('accepts plain https links', () => {
    for (const url of [
      'https://docs.genesys.com/Documentation/GA/latest/Dep/SecureCommunication',
      'https://example.com',
      'https://example.com:8443/path?q=1#frag',
      'https://192.0.2.10/',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(true);
    }
  });

  it('refuses every other scheme, including ones the OS would run', () => {
    for (const url of [
      'http://example.com',
      'file:///etc/passwd',
      'smb://server/share',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'app://gax-token-lab/index.html',
      'ms-msdt:/id PCWDiagnostic',
      'vscode://file/etc/passwd',
      'ftp://example.com',
      'HTTPS-evil://example.com',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });

  it('refuses links carrying credentials', () => {
    expect(checkExternalUrl('https://user:pw@example.com/')).toEqual({ ok: false, reason: 'the link carries a user name or password' });
    expect(isSafeExternalUrl('https://user@example.com/')).toBe(false);
    expect(isSafeExternalUrl('https://:pw@example.com/')).toBe(false);
  });

  it('refuses malformed, empty, non-string and oversized input', () => {
    for (const value of ['', 'not a url', 'https://', 'https:///path', 'https:\\\\example.com', undefined, null, 42, {}, ['https://example.com']]) {
      expect(isSafeExternalUrl(value), String(value)).toBe(false);
    }
    const long = `https://example.com/${'a'.repeat(MAX_EXTERNAL_URL_LENGTH)}`;
    expect(checkExternalUrl(long)).toEqual({ ok: false, reason: `the link is longer than ${MAX_EXTERNAL_URL_LENGTH} characters` });
  });

  it('refuses white space and control characters the URL parser would silently drop', () => {
    for (const url of ['https://exa\nmple.com', 'https://example.com/\tx', ' https://example.com', 'https://example.com/\u0000']) {
      expect(isSafeExternalUrl(url), JSON.stringify(url)).toBe(false);
    }
  });

  it('hands back the normalised href, and never repeats the URL in a reason', () => {
    expect(checkExternalUrl('HTTPS://Example.COM/a/../b')).toEqual({ ok: true, href: 'https://example.com/b' });
    const secret = 'https://user:s3cr3t-pa55@example.com/?token=abc';
    const result = checkExternalUrl(secret);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).not.toContain('s3cr3t');
  });

  it('accepts only https, for any generated URL', () => {
    fc.assert(
      fc.property(
        fc.webUrl({ validSchemes: ['http', 'https', 'ftp', 'file', 'smb', 'ws'], withQueryParameters: true, withFragments: true }),
        (url) => {
          const parsed = new URL(url);
          const expected =
            parsed.protocol === 'https:' &&
            parsed.username === '' &&
            parsed.password === '' &&
            url.length <= MAX_EXTERNAL_URL_LENGTH &&
            !/\s/.test(url);
          expect(isSafeExternalUrl(url)).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
