/**
 * The optional "check against a CS" inputs of the inspector: the token-uuid, the three options the
 * CS's time decision depends on (token-tolerance, token-ttl, GAX token_life_in_minutes as the CS reads
 * it) and the request's UserName. Blank options are unset, exactly as in the spec's table.
 */
import type { RequestInput } from '../../../src-main/ipc/contract/index.js';
import { checkUsername, GENESYS_MAX_INT } from '../../../src-main/core/browser.js';
import { UuidSourceChoice } from './uuid-source.svelte.js';
import { parseOptionalWholeNumber } from './token-words.js';

export type CsOptionField = 'tolerance' | 'ttl' | 'gaxLife';
type VerifyExtras = Pick<RequestInput<'token.verify'>, 'tokenUuid' | 'options' | 'userName'>;

/** Genesys publishes 0–2147483647 for token-tolerance and token-ttl. */
const OPTION_RANGE = { min: 0, max: GENESYS_MAX_INT };

export class CsCheck {
  enabled = $state(false);
  readonly uuid: UuidSourceChoice;
  tolerance = $state('');
  ttl = $state('');
  gaxLife = $state('');
  userName = $state('');

  constructor(private readonly onChange: () => void) {
    this.uuid = new UuidSourceChoice('mockcs', onChange);
  }

  readonly problems = $derived.by(() => {
    const tolerance = parseOptionalWholeNumber(this.tolerance, OPTION_RANGE, 'token-tolerance');
    const ttl = parseOptionalWholeNumber(this.ttl, OPTION_RANGE, 'token-ttl');
    const gaxLife = parseOptionalWholeNumber(this.gaxLife, OPTION_RANGE, 'token_life_in_minutes');
    return {
      tolerance: tolerance.ok ? null : tolerance.reason,
      ttl: ttl.ok ? null : ttl.reason,
      gaxLife: gaxLife.ok ? null : gaxLife.reason,
      userName: this.userName === '' ? null : checkUsername(this.userName),
    };
  });

  /** What still keeps the check from running, in words; null when it can run. */
  readonly waitingFor = $derived.by((): string | null => {
    if (!this.enabled) return null;
    if (this.uuid.problem) return this.uuid.problem.message;
    const p = this.problems;
    return p.tolerance ?? p.ttl ?? p.gaxLife ?? p.userName ?? null;
  });

  /** The token.verify fields, or null while the check is off or incomplete (the inspector then only decodes). */
  readonly request = $derived.by((): VerifyExtras | null => {
    const source = this.uuid.source;
    if (!this.enabled || !source || this.waitingFor) return null;
    const num = (raw: string) => (raw.trim() === '' ? null : Number(raw.trim()));
    return {
      tokenUuid: source,
      options: {
        tokenToleranceSeconds: num(this.tolerance),
        tokenTtlMinutes: num(this.ttl),
        gaxTokenLifeMinutes: num(this.gaxLife),
      },
      ...(this.userName === '' ? {} : { userName: this.userName }),
    };
  });

  setEnabled(on: boolean): void {
    this.enabled = on;
    this.onChange();
  }

  setOption(field: CsOptionField, value: string): void {
    this[field] = value;
    this.onChange();
  }

  setUserName(value: string): void {
    this.userName = value;
    this.onChange();
  }
}
