/**
 * Puts a runnable copy of the store (and the core it imports) plus the kill-test driver in a
 * folder, so a plain `node` child process can run them. TypeScript is only transpiled here — the
 * type check is `tsc`'s job — which keeps this fast and independent of `dist/` being fresh.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCES = ['src-main/store', 'src-main/core'];
const DRIVER = 'test/store/kill-driver.ts';
const DRIVER_FILES = [DRIVER, 'test/store/kill-shared.ts'];

/** Returns the path of the driver's JavaScript in `outDir`. */
export async function buildForChild(outDir: string): Promise<string> {
  const files = [...DRIVER_FILES];
  for (const folder of SOURCES)
    // recursive: the store reaches into the core's folders too (core/options for GENESYS_MAX_INT)
    for (const name of await fs.readdir(path.join(ROOT, folder), { recursive: true }))
      if (name.endsWith('.ts')) files.push(`${folder}/${name.split(path.sep).join('/')}`);
  for (const rel of files) {
    const source = await fs.readFile(path.join(ROOT, rel), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      fileName: rel,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    });
    const out = path.join(outDir, rel.replace(/\.ts$/, '.js'));
    await fs.mkdir(path.dirname(out), { recursive: true });
    await fs.writeFile(out, outputText);
  }
  // ESM, and the project's packages (zod) resolvable from the copy.
  await fs.writeFile(path.join(outDir, 'package.json'), '{"type":"module"}\n');
  await fs.symlink(path.join(ROOT, 'node_modules'), path.join(outDir, 'node_modules'), process.platform === 'win32' ? 'junction' : 'dir');
  return path.join(outDir, DRIVER.replace(/\.ts$/, '.js'));
}
