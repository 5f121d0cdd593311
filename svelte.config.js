// Svelte's compiler options, read by the build (vite.config.ts), the tests (vitest.config.ts) and
// svelte-check alike, so what is tested is what ships.
export default {
  compilerOptions: {
    // Runes everywhere: a component with no rune in it would otherwise compile in legacy mode and bring
    // the legacy runtime into the first paint.
    runes: true,
    // No `window.__svelte.v` version mark: nothing reads it.
    discloseVersion: false,
  },
};
