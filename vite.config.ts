// The renderer: Svelte 5 built by Vite into dist/renderer, loaded from app:// in Electron and served
// on loopback in web mode. Relative asset URLs so both hosts work.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src-renderer',
  base: './',
  // Svelte's compiler options are in svelte.config.js (the tests and svelte-check read them too); the
  // path is from this config's root, src-renderer/.
  plugins: [svelte({ configFile: '../svelte.config.js' })],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // No inline module preload polyfill: the CSP allows scripts from 'self' only. CSS is split per
    // lazy view (loaded as <link> from 'self', which style-src allows): the first paint needs only the
    // shell's and the wizard's styles (renderer bench: wizard interactive 2.04× → 1.83× a blank page).
    modulePreload: { polyfill: false },
    cssCodeSplit: true,
    reportCompressedSize: false,
    // A slow machine is not a problem with the build: no timing warnings in `npm start`'s output.
    rolldownOptions: {
      checks: { bundlerTimings: false },
      // Everything the first paint imports in one chunk (the entry's): otherwise Rolldown puts what the
      // shell shares with the lazy views (the Svelte runtime, the API) in a common chunk of its own,
      // and the first paint pays for three files and the names they trade (48.4 → 47.2 KB gzipped).
      // What two or more of the other views (and the wizard's later steps) share is one chunk, not a
      // dozen small ones, each with its own imports and exports (all of dist/renderer 192 → 183 KB).
      output: {
        codeSplitting: {
          groups: [
            { name: 'index', tags: ['$initial'] },
            { name: 'shared', minShareCount: 2 },
          ],
        },
      },
      // The core is pure (no top-level side effects; the layering test keeps Node out of it), so a
      // module the renderer reaches through core/browser.ts but never uses is left out entirely.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]src-main[\\/]core[\\/]/.test(id) },
    },
  },
  server: { host: '127.0.0.1', strictPort: false },
});
