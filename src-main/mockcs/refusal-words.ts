/**
 * The words of the refusals that depend only on their code and the user ("the token is valid, but
 * the account "x" is disabled", and its hint): built and encoded once per (code, user) rather than
 * once per login. The server starts a new cache whenever options change, so words never outlive
 * the settings they were written under. Names come from the network: the cache is bounded.
 */
import { encodeTeachingWords, type EncodedWords } from './answer-bytes.js';
import type { AuthFailureCode } from './protocol.js';

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
    const { message, hint } = wordsFor(userName);
    const words: RefusalWords = { message, hint, encoded: encodeTeachingWords(code, message, hint) };
    byUser.set(userName, words);
    this.entries++;
    return words;
  }
}
