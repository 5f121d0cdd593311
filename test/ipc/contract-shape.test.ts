// The contract as a module: its mock CS fields accept exactly what the mock CS's own schema accepts,
// and its type graph stays free of Node, so the renderer can type-check against it.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mockCsOptionsPatch, userNameField } from '../../src-main/ipc/contract/mockcs.js';
import { mockCsOptionsSchema } from '../../src-main/mockcs/index.js';
import { SECRET_UUID } from './helpers.js';

const INT32_MAX = 2147483647;
const TEN_YEARS = 10 * 366 * 86400;
const ints = [-1, 0, 1, 127, 128, 65536, 65537, 100_000, 100_001, 16 * 1024 * 1024, 16 * 1024 * 1024 + 1, INT32_MAX, INT32_MAX + 1, 1.5, null, '5'];

const SAMPLES: Record<string, unknown[]> = {
  tokenAuthenticationMode: ['enable', 'disable', 'Enable', '', null],
  tokenPreambula: ['{PXZ}', '', 'a b', 'x'.repeat(16), 'x'.repeat(17), 'é', 5],
  tokenUuid: [SECRET_UUID, `{${SECRET_UUID}}`, `urn:uuid:${SECRET_UUID}`, SECRET_UUID.toUpperCase(), SECRET_UUID.slice(1), 'nope', null, 5],
  tokenToleranceSeconds: ints,
  tokenTtlMinutes: ints,
  gaxTokenLifeMinutes: ints,
  clockOffsetSeconds: [0, -TEN_YEARS, TEN_YEARS, -TEN_YEARS - 1, TEN_YEARS + 1, 0.5, null, '1'],
  diagnostics: ['teaching', 'realistic', 'loud', null],
  passwordFieldLimit: ints,
  maxConnections: ints,
  maxConnectionsPerAddress: ints,
  maxLineBytes: ints,
  registerTimeoutSeconds: [0.04, 0.05, 1, 86400, 86401, null],
  maxFailedAttempts: ints,
};

describe('mockcs.options.update fields and the mock CS schema', () => {
  it('cover every live option except users and listeners (they have their own requests)', () => {
    const all = Object.keys(mockCsOptionsSchema.shape).filter((k) => k !== 'users' && k !== 'listeners');
    expect(Object.keys(mockCsOptionsPatch.shape).sort()).toEqual(all.sort());
    expect(Object.keys(SAMPLES).sort()).toEqual(all.sort());
  });

  it.each(Object.entries(SAMPLES))('%s: the contract accepts a value exactly when the mock CS does', (field, values) => {
    for (const value of values) {
      const contract = mockCsOptionsPatch.safeParse({ [field]: value }).success;
      const server = mockCsOptionsSchema.safeParse({ [field]: value }).success;
      expect(contract, `${field} = ${JSON.stringify(value)}`).toBe(server);
    }
  });

  it('user names: the same rule as the mock CS users', () => {
    for (const userName of ['alice', '', 'a\nb', 'x'.repeat(255), 'x'.repeat(256), 'é'.repeat(127), 'é'.repeat(128), ' spaced ']) {
      const server = mockCsOptionsSchema.safeParse({ users: [{ userName }] }).success;
      expect(userNameField.safeParse(userName).success, JSON.stringify(userName)).toBe(server);
    }
  });
});

/** Every module the file imports, type-only imports included (tsc loads those too). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1]!);
}

describe('the contract type graph', () => {
  it('reaches no Node built-in and no package but zod (the renderer and the preload import it)', () => {
    const root = resolve(__dirname, '../../src-main/ipc');
    const queue = [join(root, 'contract/index.ts'), join(root, 'channels.ts')];
    const seen = new Set<string>();
    const outside: string[] = [];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const spec of importsOf(file)) {
        if (spec.startsWith('.')) queue.push(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
        else if (spec !== 'zod') outside.push(`${relative(root, file)} imports ${spec}`);
      }
    }
    expect(outside).toEqual([]);
    expect(seen.size).toBeGreaterThan(8);
  });

  it('channels.ts, for the preload, imports nothing at all', () => {
    expect(importsOf(resolve(__dirname, '../../src-main/ipc/channels.ts'))).toEqual([]);
  });
});
