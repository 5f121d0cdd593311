/**
 * What the hygiene tests (cli, ipc, web) share: the distinctive secrets and the scanner that looks
 * for them, a temp folder per test file, and every file a flow left in a folder. Kept apart from
 * the tests so each flow there reads as a list of steps.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { SecretScanner, type Finding, type Secret } from './secret-scan.js';

export const PREAMBLE = '{PXZ}';
export const NOW = 1_767_225_600; // 2026-01-01T00:00:00Z

function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/**
 * Recognisable to a person reading a dump (`5ec2e7ed-…`, `Wombat`, `Narwhal`) and random in the
 * rest, so nothing in a fixture or a default can match them by chance.
 */
function distinctiveUuid(): string {
  const h = hex(12);
  return `5ec2e7ed-${h.slice(0, 4)}-4${h.slice(4, 7)}-a${h.slice(7, 10)}-${hex(6)}`;
}

export const TOKEN_UUID = distinctiveUuid();
/** a second token-uuid the person typed by mistake: as secret as the first */
export const WRONG_UUID = distinctiveUuid();
/** the right token-uuid with its last digit mistyped: no longer a UUID, still a secret */
export const MISTYPED_UUID = `${TOKEN_UUID.slice(0, -1)}Z`;
export const CS_PASSWORD = `CsUser-Wombat-${hex(5)}`;
export const PROFILE_PASSWORD = `Profile-Narwhal-${hex(5)}`;

export const SECRETS: readonly Secret[] = [
  { label: 'the token-uuid', kind: 'token-uuid', value: TOKEN_UUID },
  { label: 'the wrong token-uuid', kind: 'token-uuid', value: WRONG_UUID },
  { label: 'the mistyped token-uuid', kind: 'password', value: MISTYPED_UUID },
  { label: 'the CS user password', kind: 'password', value: CS_PASSWORD },
  { label: 'the profile password', kind: 'password', value: PROFILE_PASSWORD },
];

/** A scanner for every secret above, which also knows a whole token by its preamble. */
export function hygieneScanner(): SecretScanner {
  return new SecretScanner(SECRETS, { tokenPreambles: [PREAMBLE] });
}

export function expectClean(findings: readonly Finding[]): void {
  expect(findings, SecretScanner.describe(findings)).toEqual([]);
}

/** A temp folder for the calling test file, made before its tests and removed after; returns its path getter. */
export function tempHome(): () => string {
  let home: string | undefined;
  beforeAll(async () => {
    home = await fs.mkdtemp(path.join(os.tmpdir(), 'gax-hygiene-'));
  });
  afterAll(async () => {
    if (home) await fs.rm(home, { recursive: true, force: true });
  });
  return () => {
    if (!home) throw new Error('tempHome() is used before its beforeAll ran');
    return home;
  };
}

/** Every file under `dir`, recursively, with its bytes (relative path → bytes). */
export async function filesUnder(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const walk = async (at: string): Promise<void> => {
    for (const entry of await fs.readdir(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) out.set(path.relative(dir, full), await fs.readFile(full));
    }
  };
  await walk(dir);
  return out;
}
