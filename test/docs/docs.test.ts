// The project documents its own formats and sources: every registry id is in docs/sources.md, every
// model source's page exists, and nothing points at files outside the project (the specs once
// lived in a ../shared folder that a clone does not have).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SOURCES } from '../../src-main/core/sources.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const rel = join(dir, name);
    if (name === 'node_modules' || name === 'fixtures') continue;
    if (statSync(join(ROOT, rel)).isDirectory()) out.push(...files(rel));
    else if (/\.(ts|svelte|js|mjs|md)$/.test(name)) out.push(rel);
  }
  return out;
}

describe('docs/', () => {
  it('lists every registry id in docs/sources.md, with its title', () => {
    const doc = read('docs/sources.md');
    for (const entry of Object.values(SOURCES)) {
      expect(doc, entry.id).toContain(`| \`${entry.id}\` | ${entry.title} |`);
    }
  });

  it('has the page each model source names as where to read it', () => {
    for (const entry of Object.values(SOURCES).filter((e) => e.kind === 'model')) {
      expect(entry.where).toMatch(/^docs\/[a-z0-9-]+\.md$/);
      expect(existsSync(join(ROOT, entry.where)), entry.where).toBe(true);
      expect(read(entry.where).replace(/\s+/g, ' ')).toContain(`registry id \`${entry.id}\``);
    }
  });

  it('describes PXZ-1 and csmock/1 in full: layout, key, decode order, messages, codes, options', () => {
    const pxz = read('docs/pxz1-token.md');
    for (const s of [
      'HKDF-SHA256',
      'uint32be(iat)',
      'MALFORMED_ENCODING',
      'BAD_SIGNATURE',
      'validFrom',
      'documented for\nConfiguration Server Proxy',
    ])
      expect(pxz).toContain(s);
    const mock = read('docs/csmock-protocol.md');
    for (const s of ['RegisterClient', 'ClientRegistered', 'SERVER_BUSY', 'maxConnectionsPerAddress', 'passwordFieldLimit', 'AUTH_FAILED'])
      expect(mock).toContain(s);
  });

  it('points nowhere outside the project', () => {
    const all = [
      'README.md',
      ...['src-main', 'src-renderer', 'test', 'scripts', 'bench', 'stress', 'docs'].flatMap((d) => (existsSync(join(ROOT, d)) ? files(d) : [])),
    ];
    const outside = all.filter(
      (f) => /\.\.\/shared\/(spec|reference)|shared\/spec\/|shared\/reference\//.test(read(f)) && f !== 'test/docs/docs.test.ts',
    );
    expect(outside).toEqual([]);
  });
});
