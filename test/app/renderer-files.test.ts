import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_START_URL, isAppUrl, isLocalRendererUrl } from '../../src-main/app/app-scheme.js';
import { cspHeader } from '../../src-main/host/csp.js';
import { createRendererFileHandler } from '../../src-main/app/renderer-files.js';
import { mimeTypeFor } from '../../src-main/host/mime-types.js';
import { resolveUrlPath } from '../../src-main/host/path-containment.js';

let base: string;
let root: string;
let serve: ReturnType<typeof createRendererFileHandler>;
const csp = cspHeader();
const get = (url: string) => serve({ url, method: 'GET' });

beforeAll(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'gtl-renderer-'));
  root = path.join(base, 'renderer');
  await fs.mkdir(path.join(root, 'assets'), { recursive: true });
  await fs.writeFile(path.join(root, 'index.html'), '<!doctype html><title>GAX Token Lab</title>');
  await fs.writeFile(path.join(root, 'assets', 'app-1a2b.js'), 'console.log("app")');
  await fs.writeFile(path.join(root, 'assets', 'app-1a2b.css'), 'body{}');
  await fs.writeFile(path.join(root, 'assets', 'app-1a2b3c4d.js'), 'export {};');
  await fs.writeFile(path.join(root, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await fs.writeFile(path.join(root, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  await fs.writeFile(path.join(root, 'assets', 'blob.xyz'), 'opaque');
  await fs.writeFile(path.join(root, 'assets', 'a b.json'), '{"spaced":true}');
  // A secret beside the renderer folder, and a symlink inside it that points at the secret.
  await fs.writeFile(path.join(base, 'secret.txt'), 'root:x:0:0:TOP-SECRET');
  await fs.symlink(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  serve = createRendererFileHandler({ root, csp });
});

afterAll(async () => {
  await fs.rm(base, { recursive: true, force: true });
});

describe('the app:// handler', () => {
  it('serves index.html for the start URL and for /', async () => {
    for (const url of [APP_START_URL, 'app://gax-token-lab/']) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await res.text()).toContain('<title>GAX Token Lab</title>');
    }
  });

  it('sends each file with its MIME type and nosniff', async () => {
    const cases: Array<[string, string]> = [
      ['assets/app-1a2b.js', 'text/javascript; charset=utf-8'],
      ['assets/app-1a2b.css', 'text/css; charset=utf-8'],
      ['assets/logo.svg', 'image/svg+xml'],
      ['assets/font.woff2', 'font/woff2'],
      ['assets/blob.xyz', 'application/octet-stream'],
      ['assets/a%20b.json', 'application/json; charset=utf-8'],
    ];
    for (const [file, type] of cases) {
      const res = await get(`app://gax-token-lab/${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type'), file).toBe(type);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(mimeTypeFor('X.HTML')).toBe('text/html; charset=utf-8');
  });

  it('lets the content-named files be kept for good, and never the page or an error', async () => {
    expect((await get('app://gax-token-lab/assets/app-1a2b3c4d.js')).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const url of [APP_START_URL, 'app://gax-token-lab/assets/app-1a2b.js', 'app://gax-token-lab/missing-1a2b3c4d.js']) {
      expect((await get(url)).headers.get('cache-control'), url).toBe('no-store');
    }
  });

  it('puts the CSP header on every response, errors included', async () => {
    const responses = await Promise.all([
      get(APP_START_URL),
      get('app://gax-token-lab/assets/app-1a2b.js'),
      get('app://gax-token-lab/missing.js'),
      get('app://gax-token-lab/..%2fsecret.txt'),
      serve({ url: APP_START_URL, method: 'POST' }),
    ]);
    for (const res of responses) {
      expect(res.headers.get('content-security-policy')).toBe(csp);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
  });

  it('refuses path traversal, in every spelling', async () => {
    const attempts = [
      'app://x/../../etc/passwd',
      'app://gax-token-lab/../../etc/passwd',
      'app://gax-token-lab/../secret.txt',
      'app://gax-token-lab/..%2fsecret.txt',
      'app://gax-token-lab/assets/..%2f..%2fsecret.txt',
      'app://gax-token-lab/%2e%2e/secret.txt',
      'app://gax-token-lab/%2E%2E%2Fsecret.txt',
      'app://gax-token-lab/..%5csecret.txt',
      'app://gax-token-lab/assets%5c..%5c..%5csecret.txt',
      'app://gax-token-lab/%00index.html',
      `app://gax-token-lab/${encodeURIComponent(path.join(base, 'secret.txt'))}`,
      'app://gax-token-lab/%E0%A4%A',
    ];
    for (const url of attempts) {
      const res = await get(url);
      const body = await res.text();
      expect([400, 403, 404], url).toContain(res.status);
      expect(body, url).not.toContain('TOP-SECRET');
      expect(body, url).not.toContain('root:');
    }
    // The encoded ones reach the handler as such and are refused outright.
    expect((await get('app://gax-token-lab/..%2fsecret.txt')).status).toBe(403);
    expect((await get('app://gax-token-lab/..%5csecret.txt')).status).toBe(403);
    expect((await get('app://gax-token-lab/%E0%A4%A')).status).toBe(400);
  });

  it('refuses a symlink that leads out of the renderer folder', async () => {
    const res = await get('app://gax-token-lab/assets/link.txt');
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('TOP-SECRET');
  });

  it('answers 404 for other hosts, missing files and folders', async () => {
    expect((await get('app://other-host/index.html')).status).toBe(404);
    expect((await get('app://gax-token-lab/nope.html')).status).toBe(404);
    expect((await get('app://gax-token-lab/assets')).status).toBe(404);
    expect((await get('app://gax-token-lab/assets/')).status).toBe(404);
  });

  it('allows only GET and HEAD; HEAD has no body', async () => {
    const post = await serve({ url: APP_START_URL, method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const head = await serve({ url: APP_START_URL, method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0);
  });
});

describe('resolveUrlPath (shared with web mode, which gets paths un-normalised)', () => {
  it('refuses raw dot segments that no URL parser removed first', async () => {
    for (const raw of ['/../secret.txt', '/assets/../../secret.txt', '/./index.html', '/assets/%2e%2e/%2e%2e/secret.txt']) {
      expect(await resolveUrlPath(raw, root), raw).toEqual({ ok: false, status: 403, reason: 'the path steps out of the renderer folder' });
    }
  });

  it('finds files, with / meaning index.html', async () => {
    expect(await resolveUrlPath('/', root)).toEqual({ ok: true, file: path.join(await fs.realpath(root), 'index.html'), inFolder: 'index.html' });
    expect(await resolveUrlPath('/assets/a%20b.json', root)).toEqual({
      ok: true,
      file: path.join(await fs.realpath(root), 'assets', 'a b.json'),
      inFolder: 'assets/a b.json',
    });
  });
});

describe('app URLs', () => {
  it('recognises pages of the app by scheme and host', () => {
    expect(isAppUrl(APP_START_URL)).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('https://gax-token-lab/index.html')).toBe(false);
    expect(isAppUrl('nonsense')).toBe(false);
  });

  it('lets a page load only local URLs', () => {
    for (const url of [APP_START_URL, 'data:image/png;base64,AAAA', 'blob:app://gax-token-lab/1234', 'devtools://devtools/bundled/x.html']) {
      expect(isLocalRendererUrl(url), url).toBe(true);
    }
    for (const url of ['https://example.com/', 'http://127.0.0.1:8080/', 'ws://127.0.0.1:1/', 'file:///etc/passwd', 'app://other/x', 'ftp://x/']) {
      expect(isLocalRendererUrl(url), url).toBe(false);
    }
  });
});
