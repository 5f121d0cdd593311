/**
 * A small import reader for the layering test: every import, export-from and dynamic import() of
 * the project's TypeScript and Svelte files, resolved to files, with whether it is type-only (erased
 * at run time). A regex reader is enough here: the tree is ours and uses one import style.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ImportEdge {
  /** project-relative, forward slashes: src-main/ipc/index.ts */
  from: string;
  /** project-relative file, or the bare specifier for a package / node: builtin */
  to: string;
  /** true for `import type`, `export type`, or a list made only of `type X` names */
  typeOnly: boolean;
  /** an import() call: loaded when the code runs it, not with the importing file */
  dynamic: boolean;
  external: boolean;
}

/** Every .ts and .svelte file under `dir` (project-relative), skipping declaration files. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const name of readdirSync(path.join(ROOT, rel)).sort()) {
      const child = `${rel}/${name}`;
      if (statSync(path.join(ROOT, child)).isDirectory()) walk(child);
      else if ((name.endsWith('.ts') && !name.endsWith('.d.ts')) || name.endsWith('.svelte')) out.push(child);
    }
  };
  walk(dir);
  return out;
}

/** Removes comments while keeping strings (a URL's `//` inside quotes is not a comment). */
export function stripComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const STATIC = /(?:^|[;\n}])\s*(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*['"]([^'"]+)['"]/g;
const BARE = /(?:^|[;\n])\s*import\s*['"]([^'"]+)['"]/g;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The specifiers a file's code imports, with type-onliness. */
export function readImports(code: string): { specifier: string; typeOnly: boolean; dynamic: boolean }[] {
  const text = stripComments(code);
  const found: { specifier: string; typeOnly: boolean; dynamic: boolean }[] = [];
  for (const m of text.matchAll(STATIC)) {
    const clause = m[3] ?? '';
    const names = /^\{([^}]*)\}$/.exec(clause.trim());
    const allTypes =
      names !== null &&
      names[1]!
        .split(',')
        .map((n) => n.trim())
        .filter((n) => n !== '')
        .every((n) => n.startsWith('type '));
    found.push({ specifier: m[4]!, typeOnly: m[2] !== undefined || allTypes, dynamic: false });
  }
  for (const m of text.matchAll(BARE)) found.push({ specifier: m[1]!, typeOnly: false, dynamic: false });
  for (const m of text.matchAll(DYNAMIC)) found.push({ specifier: m[1]!, typeOnly: false, dynamic: true });
  return found;
}

/** The code of a file: a .svelte file's <script> blocks, a .ts file whole. */
function codeOf(file: string): string {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  if (!file.endsWith('.svelte')) return text;
  return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
}

/** A relative specifier as the file it names (`./x.js` → x.ts, `./y.svelte.js` → y.svelte.ts). */
export function resolveSpecifier(from: string, specifier: string): string | null {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const candidates = [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, `${base}/index.ts`];
  return candidates.find((c) => existsSync(path.join(ROOT, c)) && statSync(path.join(ROOT, c)).isFile()) ?? null;
}

/** Every import edge of the given files; an unresolvable relative import is reported, not skipped. */
export function importEdges(files: string[]): { edges: ImportEdge[]; unresolved: string[] } {
  const edges: ImportEdge[] = [];
  const unresolved: string[] = [];
  for (const from of files) {
    for (const { specifier, typeOnly, dynamic } of readImports(codeOf(from))) {
      if (!specifier.startsWith('.')) {
        edges.push({ from, to: specifier, typeOnly, dynamic, external: true });
        continue;
      }
      const to = resolveSpecifier(from, specifier);
      if (to === null) unresolved.push(`${from} → ${specifier}`);
      else edges.push({ from, to, typeOnly, dynamic, external: false });
    }
  }
  return { edges, unresolved };
}

/** The import loops among `edges` (strongly connected components of more than one file, or a self-import). */
export function importLoops(edges: ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) if (!e.external) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const loops: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (next.get(v) ?? []).includes(v)) loops.push(component.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
  return loops;
}

/** The files `start` reaches through value imports (type-only imports are erased, so not followed). */
export function valueClosure(start: string, edges: ImportEdge[]): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const e of edges) {
      if (e.from !== file || e.typeOnly || seen.has(e.to)) continue;
      seen.add(e.to);
      if (!e.external) queue.push(e.to);
    }
  }
  return seen;
}
