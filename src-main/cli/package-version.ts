/**
 * The version in the project's package.json, found from wherever this file runs: dist/main/cli (the
 * app, also inside app.asar), dist/cli (the bundled gax-token command) or src-main/cli (tests).
 */
import { readFileSync } from 'node:fs';

export function packageVersion(): string {
  for (const up of ['../../../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'gax-token-lab' && pkg.version) return pkg.version;
    } catch {
      // not there: try the next place
    }
  }
  return 'unknown';
}
