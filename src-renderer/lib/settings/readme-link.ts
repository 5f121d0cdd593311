/**
 * Where the README can be read: the project's https homepage from package.json (the address the
 * Electron Help menu opens too), or null when none is configured.
 */
import packageJson from '../../../package.json' with { type: 'json' };

function httpsOrNull(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.username === '' && url.password === '' ? url.href : null;
  } catch {
    return null;
  }
}

export const README_URL: string | null = httpsOrNull((packageJson as { homepage?: unknown }).homepage);
