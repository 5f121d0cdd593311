import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

// Electronegativity (Doyensec's Electron security scanner) over the main-process sources, not a
// bundle. Every finding must be listed, with a written reason, in electronegativity-accepted.json.
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const scanner = path.join(projectRoot, 'test', 'app', 'electronegativity-scan.cjs');
const guard = path.join(projectRoot, 'scripts', 'offline-guard.cjs');
const electronVersion = JSON.parse(fs.readFileSync(path.join(projectRoot, 'node_modules', 'electron', 'package.json'), 'utf8')).version as string;
const run = promisify(execFile);
const RESULT_MARKER = 'ELECTRONEGATIVITY-RESULT ';

const findingSchema = z.object({
  id: z.string(),
  file: z.string(),
  line: z.number(),
  severity: z.string(),
  confidence: z.string(),
  manualReview: z.boolean(),
  description: z.string(),
});
const scanSchema = z.object({
  checks: z.number(),
  errors: z.array(z.object({ file: z.string(), message: z.string(), tolerable: z.boolean() })),
  issues: z.array(findingSchema),
});
const acceptedSchema = z.object({
  accepted: z.array(
    z.object({
      id: z.string().regex(/^[A-Z_]+$/),
      file: z.string().min(1),
      count: z.number().int().min(1),
      reason: z.string().min(80, 'an accepted finding needs a real reason'),
    }),
  ),
});

async function scan(folder: string) {
  const { stdout } = await run(process.execPath, ['--require', guard, scanner, folder, electronVersion], {
    cwd: projectRoot,
    timeout: 60_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const resultLine = stdout.split('\n').find((line) => line.startsWith(RESULT_MARKER));
  if (resultLine === undefined) throw new Error(`electronegativity printed no result:\n${stdout.slice(0, 2000)}`);
  return scanSchema.parse(JSON.parse(resultLine.slice(RESULT_MARKER.length)));
}

const key = (id: string, file: string) => `${id} in ${file}`;

let insecureDir: string;
let results: [z.infer<typeof scanSchema>, z.infer<typeof scanSchema>];

beforeAll(async () => {
  // A deliberately insecure main process, to prove the scan can fail.
  insecureDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gtl-electronegativity-'));
  fs.writeFileSync(
    path.join(insecureDir, 'main.ts'),
    [
      "import { BrowserWindow, shell } from 'electron';",
      'const url: string = process.argv[2] ?? "";',
      'const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } });',
      'win.webContents.on("new-window", () => shell.openExternal(url));',
      '',
    ].join('\n'),
  );
  // Both scans at once: each spends most of its time waiting out the tool's refused downloads.
  results = await Promise.all([scan(path.join(projectRoot, 'src-main')), scan(insecureDir)]);
}, 90_000);

afterAll(() => {
  fs.rmSync(insecureDir, { recursive: true, force: true });
});

describe('electronegativity over src-main/', () => {
  it('parses every source file and runs its checks', () => {
    const [ours] = results;
    expect(ours.checks).toBeGreaterThan(30);
    expect(ours.errors.filter((e) => !e.tolerable)).toEqual([]);
  });

  it('finds nothing that is not accepted with a written reason, and no accepted entry has gone stale', () => {
    const [ours] = results;
    const accepted = acceptedSchema.parse(JSON.parse(fs.readFileSync(path.join(projectRoot, 'electronegativity-accepted.json'), 'utf8'))).accepted;
    const found = new Map<string, typeof ours.issues>();
    for (const issue of ours.issues) {
      const k = key(issue.id, issue.file.replaceAll('\\', '/'));
      found.set(k, [...(found.get(k) ?? []), issue]);
    }
    const allowed = new Map(accepted.map((a) => [key(a.id, a.file), a.count]));
    const unexplained = [...found]
      .filter(([k, issues]) => issues.length > (allowed.get(k) ?? 0))
      .map(([k, issues]) => `${k} ×${issues.length} (lines ${issues.map((i) => i.line).join(', ')}): ${issues[0]!.description}`);
    const stale = [...allowed].filter(([k, count]) => (found.get(k)?.length ?? 0) < count).map(([k, count]) => `${k} ×${count}`);
    expect(unexplained, 'findings with no reason in electronegativity-accepted.json').toEqual([]);
    expect(stale, 'accepted findings that no longer occur: remove them from electronegativity-accepted.json').toEqual([]);
  });

  it('does catch an insecure window and an unchecked openExternal (the scan is real)', () => {
    const ids = new Set(results[1].issues.map((i) => i.id));
    for (const id of [
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'WEB_SECURITY_JS_CHECK',
      'OPEN_EXTERNAL_JS_CHECK',
      'LIMIT_NAVIGATION_GLOBAL_CHECK',
      'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
    ]) {
      expect(ids, id).toContain(id);
    }
  });
});
