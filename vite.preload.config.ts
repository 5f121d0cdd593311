// Electron's preload: one CommonJS file (dist/preload/preload.cjs). A sandboxed preload cannot load
// other files, so everything but `electron` is bundled in; nothing is minified, so it can be read.
// The channel lists come from the contract's keys here, at build time: the bundle gets two arrays
// of names and none of the contract's schemas (zod stays out of the preload).
import { defineConfig } from 'vite';
import { EVENT_CHANNELS, REQUEST_CHANNELS } from './src-main/ipc/contract/index.js';

export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  define: {
    __GAX_CHANNELS__: JSON.stringify({ requests: REQUEST_CHANNELS, events: EVENT_CHANNELS }),
  },
  build: {
    outDir: 'dist/preload',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    copyPublicDir: false,
    lib: {
      entry: 'src-main/app/preload.ts',
      formats: ['cjs'],
      fileName: () => 'preload.cjs',
    },
    rolldownOptions: {
      external: ['electron'],
    },
  },
});
