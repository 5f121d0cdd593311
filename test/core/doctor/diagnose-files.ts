/** The doctor run on a cs.cfg and a gax.cfg given as text, the one finding of a rule, and option-file texts to feed it. */
import { expect } from 'vitest';
import { diagnose, type DoctorResult, type Finding, type RuleId } from '../../../src-main/core/doctor/index.js';

/** `diagnose()` on cs.cfg and gax.cfg with these texts (null: that file is not given). */
export function doctor(cs: string | null, gax: string | null, extra: { users?: string[]; clockOffsetSeconds?: number } = {}): DoctorResult {
  const files = [];
  if (cs !== null) files.push({ name: 'cs.cfg', text: cs, application: 'cs' as const });
  if (gax !== null) files.push({ name: 'gax.cfg', text: gax, application: 'gax' as const });
  return diagnose({ files, ...extra });
}

/** The one finding `id` in `r` (fails the test when there is none or more than one). */
export function one(r: DoctorResult, id: RuleId): Finding {
  const found = r.findings.filter((f) => f.id === id);
  expect(found, `${id} in ${r.findings.map((f) => f.id).join(', ')}`).toHaveLength(1);
  return found[0]!;
}

/** A cs.cfg with token authentication enabled and these [system] options. */
export const csText = (o: Record<string, string | number>) =>
  `[system]\ntoken-authentication-mode=enable\n${Object.entries(o)
    .map(([k, v]) => `${k}=${v}\n`)
    .join('')}`;

/** A gax.cfg that sends tokens with this token life. */
export const gaxText = (life: number) => `[general]\nconfserv_trusted=true\ntoken_life_in_minutes=${life}\n`;
