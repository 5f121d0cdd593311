/**
 * Whose word a line is, in text output: `[genesys GAX-SECURE]` names the Genesys document,
 * `[model]` and `[advice]` the tool's own model and judgement. The same short tag in every
 * command (verify, login, doctor, lab), so a reader learns it once.
 */
import type { Explanation } from '../core/explain.js';
import { SOURCE_WORD, type Source } from '../core/source-kinds.js';

export function sourceTag(source: Source): string {
  return source.kind === 'genesys' ? `[${SOURCE_WORD.genesys} ${source.id}]` : `[${SOURCE_WORD[source.kind]}]`;
}

/** The pair `--json` carries: `{ "kind", "id" }`, nothing more. */
export function sourceJson(source: Source): { kind: Source['kind']; id: Source['id'] } {
  return { kind: source.kind, id: source.id };
}

/**
 * The copy mistake a refusal was worded by (`--json` of decode and verify), or null when none was
 * recognised: a script can tell "paste it again" from "check the token-uuid" without parsing words.
 */
export function pasteMistakeJson(e: Explanation): { kind: string; message: string; hint: string; source: ReturnType<typeof sourceJson> } | null {
  const m = e.pasteMistake;
  return m ? { kind: m.kind, message: m.message, hint: m.hint, source: sourceJson(m.source) } : null;
}
