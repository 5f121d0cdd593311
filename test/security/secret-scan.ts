/**
 * Looks for secrets in anything the product wrote: text, JSON, bytes of a file. A secret can leak
 * in more shapes than as typed, so each one becomes a list of needles — its text, the hex and the
 * base64/base64url of its UTF-8 bytes, and for a token-uuid also its 16 raw bytes and the key
 * derived from them (the key material) in the same encodings. Base64 is searched at all three
 * byte alignments, so a secret inside a longer encoded blob (a JSON value, a certificate, a
 * sealed record gone wrong) is still found. A finding never quotes the secret: it names it, the
 * form and where, so a failing test does not itself leak.
 */
import { deriveKey, parseTokenUuid } from '../../src-main/core/index.js';

export type SecretKind = 'token-uuid' | 'password' | 'token';

export interface Secret {
  /** what the secret is, for findings ("CS user password") */
  label: string;
  kind: SecretKind;
  value: string;
  /** kind 'token': the preamble; only the body after it is the secret part */
  preamble?: string;
}

export interface Needle {
  secret: string;
  form: string;
  /** the bytes to look for, as a latin1 string (one char per byte) */
  text: string;
  /** hex and a UUID's text match in any letter case */
  anyCase: boolean;
}

export interface Finding {
  where: string;
  secret: string;
  form: string;
  /** the byte offset in what was scanned */
  at: number;
}

/**
 * The base64 (or base64url) characters that depend only on `bytes`, whatever bytes come before
 * them in a longer encoded buffer: for each of the three alignments, the run between the first
 * and the last character made entirely of the secret's bits.
 */
export function base64Runs(bytes: Buffer, encoding: 'base64' | 'base64url'): string[] {
  const runs: string[] = [];
  for (let k = 0; k < 3; k++) {
    const encoded = Buffer.concat([Buffer.alloc(k), bytes]).toString(encoding);
    runs.push(encoded.slice(Math.ceil((8 * k) / 6), Math.floor((8 * (k + bytes.length)) / 6)));
  }
  return runs;
}

function byteForms(secret: string, what: string, bytes: Buffer, withRaw: boolean): Needle[] {
  const needles: Needle[] = [];
  if (withRaw) needles.push({ secret, form: `${what} (raw bytes)`, text: bytes.toString('latin1'), anyCase: false });
  needles.push({ secret, form: `${what} as hex`, text: bytes.toString('hex'), anyCase: true });
  for (const encoding of ['base64', 'base64url'] as const)
    base64Runs(bytes, encoding).forEach((run, k) =>
      needles.push({ secret, form: `${what} as ${encoding} (alignment ${k})`, text: run, anyCase: false }),
    );
  return needles;
}

/** Every form of one secret the scan looks for. */
export function needlesFor(s: Secret): Needle[] {
  const needles: Needle[] = [];
  if (s.kind === 'token-uuid') {
    const parsed = parseTokenUuid(s.value);
    if (!parsed.ok) throw new Error(`${s.label} is not a UUID: ${parsed.reason}`);
    const compact = parsed.canonical.replace(/-/g, '');
    needles.push({ secret: s.label, form: 'text', text: parsed.canonical, anyCase: true });
    needles.push({ secret: s.label, form: 'text without dashes', text: compact, anyCase: true });
    needles.push(...byteForms(s.label, 'text', Buffer.from(parsed.canonical, 'utf8'), false));
    needles.push(...byteForms(s.label, '16 raw bytes', Buffer.from(parsed.bytes), true));
    const key = deriveKey(parsed.canonical);
    if (!key.ok) throw new Error(`no key for ${s.label}`);
    needles.push(...byteForms(s.label, 'derived signing key', Buffer.from(key.key), true));
    return dedupe(needles);
  }
  const secretText = s.kind === 'token' ? s.value.slice(s.value.startsWith(s.preamble ?? '') ? (s.preamble ?? '').length : 0) : s.value;
  const utf8 = Buffer.from(secretText, 'utf8');
  needles.push({ secret: s.label, form: 'text', text: utf8.toString('latin1'), anyCase: false });
  const escaped = JSON.stringify(secretText).slice(1, -1);
  if (escaped !== secretText)
    needles.push({ secret: s.label, form: 'JSON-escaped text', text: Buffer.from(escaped, 'utf8').toString('latin1'), anyCase: false });
  const percent = encodeURIComponent(secretText);
  if (percent !== secretText) needles.push({ secret: s.label, form: 'percent-encoded text', text: percent, anyCase: true });
  needles.push(...byteForms(s.label, 'text', utf8, false));
  return dedupe(needles);
}

function dedupe(needles: Needle[]): Needle[] {
  const seen = new Set<string>();
  return needles.filter((n) => {
    const key = `${n.anyCase ? n.text.toLowerCase() : n.text}|${n.anyCase}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Escapes a string for use inside a RegExp. */
function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whole tokens in `text`: the preamble followed by more than the 6 characters a redacted token
 * shows (`{PXZ}AWlV7A…(48 chars)`). Catches tokens the test never saw, such as the ones the login
 * client mints inside main.
 */
export function wholeTokenOffsets(text: string, preamble: string): number[] {
  const re = new RegExp(`${escapeRegExp(preamble)}[A-Za-z0-9_-]{7,}`, 'g');
  return [...text.matchAll(re)].map((m) => m.index);
}

export class SecretScanner {
  readonly needles: Needle[];
  readonly findings: Finding[] = [];
  /** how many texts or files were scanned, and their bytes: a scan of nothing proves nothing */
  scanned = 0;
  scannedBytes = 0;
  private readonly preambles: string[];

  constructor(secrets: readonly Secret[], options: { tokenPreambles?: readonly string[] } = {}) {
    this.needles = secrets.flatMap(needlesFor);
    this.preambles = [...(options.tokenPreambles ?? [])];
  }

  /** Findings in one text or buffer (also recorded on the scanner). */
  scan(where: string, content: string | Uint8Array, opts: { wholeTokens?: boolean; ignore?: readonly string[] } = {}): Finding[] {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const hay = bytes.toString('latin1');
    const hayLower = hay.toLowerCase();
    this.scanned += 1;
    this.scannedBytes += bytes.length;
    const found: Finding[] = [];
    const ignored = new Set(opts.ignore ?? []);
    for (const n of this.needles) {
      if (ignored.has(n.secret)) continue;
      const at = n.anyCase ? hayLower.indexOf(n.text.toLowerCase()) : hay.indexOf(n.text);
      if (at >= 0) found.push({ where, secret: n.secret, form: n.form, at });
    }
    if (opts.wholeTokens !== false)
      for (const preamble of this.preambles)
        for (const at of wholeTokenOffsets(bytes.toString('utf8'), preamble))
          found.push({ where, secret: 'a whole token', form: `${preamble} and its body`, at });
    this.findings.push(...found);
    return found;
  }

  /** Findings as lines that name the secret and the form, never the value. */
  static describe(findings: readonly Finding[]): string {
    return findings.map((f) => `${f.secret} as ${f.form} in ${f.where} at byte ${f.at}`).join('\n');
  }
}
