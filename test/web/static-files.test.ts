import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveStaticFile } from '../../src-main/web/static-files.js';
import { rendererFixture, type RendererFixture } from './helpers.js';

let fixture: RendererFixture;
beforeAll(async () => {
  fixture = await rendererFixture();
});
afterAll(() => fixture.cleanup());

describe('resolveStaticFile', () => {
  it('maps / to index.html and paths to files inside the folder, ignoring the query', async () => {
    expect(await resolveStaticFile('/', fixture.dir)).toEqual({ ok: true, file: path.join(fixture.dir, 'index.html'), inFolder: 'index.html' });
    expect(await resolveStaticFile('/assets/app.js?v=3#x', fixture.dir)).toEqual({
      ok: true,
      file: path.join(fixture.dir, 'assets', 'app.js'),
      inFolder: 'assets/app.js',
    });
    expect(await resolveStaticFile('/assets/deep/font.woff2', fixture.dir)).toMatchObject({ ok: true });
    expect(await resolveStaticFile('/assets/%61pp.css', fixture.dir)).toEqual({
      ok: true,
      file: path.join(fixture.dir, 'assets', 'app.css'),
      inFolder: 'assets/app.css',
    });
  });

  it.each([
    '/../outside.txt',
    '/assets/../../outside.txt',
    '/%2e%2e/outside.txt',
    '/assets/%2E%2E%2F%2E%2E%2Foutside.txt',
    '/assets%5c..%5c..%5coutside.txt',
    '/assets/./app.js',
    '/index.html%00.js',
  ])('refuses %s with 403', async (target) => {
    expect(await resolveStaticFile(target, fixture.dir)).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses a symlink that leads outside the folder', async () => {
    expect(await resolveStaticFile('/assets/link-out.txt', fixture.dir)).toMatchObject({ ok: false, status: 403 });
  });

  it('answers 404 for folders (no listing) and files that do not exist', async () => {
    for (const target of ['/assets', '/assets/', '/missing.js', '/assets/deep/'])
      expect(await resolveStaticFile(target, fixture.dir)).toMatchObject({ ok: false, status: 404 });
  });

  it('answers 400 for a target that is not a path or not valid percent-encoding', async () => {
    for (const target of ['//evil.example/x', 'http://evil.example/', '*', '', '/%E0%A4%A'])
      expect(await resolveStaticFile(target, fixture.dir)).toMatchObject({ ok: false, status: 400 });
  });
});
