import { describe, expect, it } from 'vitest';
import { cacheControlFor } from '../../src-main/host/security-headers.js';

describe('cacheControlFor: only what the build names by its content is kept', () => {
  it.each(['assets/index-Do6zQ26w.js', 'assets/cs-profiles.svelte-_n2jFjH6.js', 'assets/TokensView-B05lQ090.css'])('%s: for good', (p) => {
    expect(cacheControlFor(p)).toBe('public, max-age=31536000, immutable');
  });

  it.each([
    'index.html',
    'assets/index.js',
    'assets/index-Do6zQ26.js', // 7 characters: not the build's hash
    'assets/index-Do6zQ26w.js.map',
    'assets/logo-Do6zQ26w.svg',
    'index-Do6zQ26w.js', // not in assets/
    'assets/deep/index-Do6zQ26w.js',
  ])('%s: never stored', (p) => {
    expect(cacheControlFor(p)).toBe('no-store');
  });
});
