/**
 * The words of the refusals that depend only on their code and the user ("the token is valid, but
 * the account "x" is disabled", and its hint): built and encoded once per (code, user) rather than
 * once per login. The server starts a new cache whenever options change, so words never outlive
 * the settings they were written under. Names come from the network: the cache is bounded.
 */
import { escapeControls } from './escape.js';
import type { AuthFailureCode, CsMockErrorCode } from './protocol.js';

/** A teaching refusal's fixed parts, around the request id and the instants (written by answer-bytes.ts). */
export interface EncodedWords {
  /** `,"code":"…","message":"…","detail":{"serverTime":` */
  readonly head: Buffer;
  /** `,"hint":"…"}}\n` */
  readonly tail: Buffer;
}

export function encodeTeachingWords(code: CsMockErrorCode, message: string, hint: string): EncodedWords {
  return {
    head: Buffer.from(`,"code":"${code}","message":${JSON.stringify(message)},"detail":{"serverTime":`),
    tail: Buffer.from(`,"hint":${JSON.stringify(hint)}}}\n`),
  };
}

export interface RefusalWords {
  readonly message: string;
  readonly hint: string;
  readonly encoded: EncodedWords;
}

/** The message and the hint of `code` for `userName`. */
export type WordsFor = (userName: string) => { message: string; hint: string };

/** Past this many entries the cache starts over (a few bytes of text each). */
const MAX_ENTRIES = 1000;

export class RefusalWordsCache {
  private readonly byCode = new Map<AuthFailureCode, Map<string, RefusalWords>>();
  private entries = 0;

  get(code: AuthFailureCode, userName: string, wordsFor: WordsFor): RefusalWords {
    let byUser = this.byCode.get(code);
    const cached = byUser?.get(userName);
    if (cached !== undefined) return cached;
    if (this.entries >= MAX_ENTRIES) {
      this.byCode.clear();
      this.entries = 0;
      byUser = undefined;
    }
    if (byUser === undefined) this.byCode.set(code, (byUser = new Map()));
    // The words quote the username: escaped here, as rejectionAnswer() escapes the others.
    const raw = wordsFor(userName);
    const message = escapeControls(raw.message);
    const hint = escapeControls(raw.hint);
    const words: RefusalWords = { message, hint, encoded: encodeTeachingWords(code, message, hint) };
    byUser.set(userName, words);
    this.entries++;
    return words;
  }
}
