/**
 * The open lab's GAX secrets (token-uuid, password) between memory and disk: sealed by the same
 * keeper as profile secrets when the file is written, opened when it is read. A value this session
 * cannot open is dropped (the trainee types it again) and said once, never guessed.
 */
import type { OpenLab, OpenLabAtRest } from './labs-progress-schema.js';
import type { SecretKeeper } from './secret-keeper.js';
import type { SecretRef } from './secrets.js';

export interface OpenedLab {
  open: OpenLab;
  /** a clear value was found on disk: write the file back sealed */
  hadClear: boolean;
  /** one line for the person when a secret could not be opened, else null */
  lost: string | null;
}

export function openLabSecrets(atRest: OpenLabAtRest, keeper: SecretKeeper): OpenedLab {
  let hadClear = false;
  const lostFields: string[] = [];
  let reason = '';
  const open = (ref: SecretRef | string, field: string): string | undefined => {
    if (typeof ref === 'string') {
      hadClear = true;
      return ref;
    }
    const opened = keeper.unseal(ref);
    if (opened.ok) return opened.plain;
    lostFields.push(field);
    reason = opened.reason;
    return undefined;
  };
  const { tokenUuid, password, ...rest } = atRest.gax;
  const gax: OpenLab['gax'] = { ...rest, tokenUuid: open(tokenUuid, 'token-uuid') ?? '' };
  if (password !== undefined) {
    const plain = open(password, 'password');
    if (plain !== undefined) gax.password = plain;
  }
  const lost = lostFields.length
    ? `labs-progress.json: the open lab's GAX ${lostFields.join(' and ')} could not be loaded (${reason}); type ${lostFields.length > 1 ? 'them' : 'it'} again in the Labs view, or reset the lab.`
    : null;
  return { open: { ...atRest, gax }, hadClear, lost };
}

/**
 * What the file holds for the open lab. Each value is sealed once per mode and plain value, not at
 * every save (progress is saved at every hint); a value that cannot be sealed is kept in memory only.
 */
export class LabSecretSealer {
  #cache = new Map<string, SecretRef>();
  #mode = '';

  constructor(private readonly keeper: SecretKeeper) {}

  atRest(open: OpenLab): OpenLabAtRest {
    const { tokenUuid, password, ...rest } = open.gax;
    const gax: OpenLabAtRest['gax'] = { ...rest, tokenUuid: this.#seal(tokenUuid) };
    if (password !== undefined) gax.password = this.#seal(password);
    return { ...open, gax };
  }

  #seal(plain: string): SecretRef {
    const mode = this.keeper.info().mode;
    if (mode !== this.#mode) {
      this.#cache.clear();
      this.#mode = mode;
    }
    const cached = this.#cache.get(plain);
    if (cached) return cached;
    const sealed = this.keeper.seal(plain);
    const ref: SecretRef = sealed.ok ? sealed.data : { kept: 'session-only' };
    if (this.#cache.size > 8) this.#cache.clear(); // only the open lab's few values are ever current
    this.#cache.set(plain, ref);
    return ref;
  }
}
