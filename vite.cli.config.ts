// The gax-token command as bin/gax-token.js loads it: the compiled CLI (dist/main/cli) bundled into a
// few files, each command its own chunk, so a command loads a handful of files instead of twenty
// modules one by one (`npm run bench`: decode's whole process against `node -e 0`). Packages and
// Node's built-ins stay imports; the app binary runs the unbundled dist/main/cli.
import { defineConfig } from 'vite';

export default defineConfig({
  logLevel: 'warn',
  publicDir: false,
  build: {
    ssr: 'dist/main/cli/main.js',
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: {
      checks: { bundlerTimings: false },
      output: { format: 'esm', entryFileNames: 'main.js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
