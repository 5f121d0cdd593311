/**
 * What the hygiene tests (cli, ipc, web) share besides the distinctive secrets (distinctive-secrets.ts):
 * the scanner that looks for them, a temp folder per test file, and every file a flow left in a folder. Kept apart from
 * the tests so each flow there reads as a list of steps.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { SECRETS } from './distinctive-secrets.js';
import { SecretScanner, type Finding } from './secret-scan.js';

export const PREAMBLE = '{PXZ}';
export const NOW = 1_767_225_600; // 2026-01-01T00:00:00Z

/** A scanner for every distinctive secret (distinctive-secrets.ts), which also knows a whole token by its preamble. */
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
