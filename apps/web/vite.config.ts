import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const sharedSrc = fileURLToPath(new URL('../../libs/shared/src/index.ts', import.meta.url));

// No @vitejs/plugin-react: Vite 8 transforms TSX with Oxc, which is told to use
// React's automatic JSX runtime. (No React Fast Refresh in dev: edits reload the page.)
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'react' },
  },
  resolve: {
    // libs/shared's package.json points at its dist/; bundle its sources directly.
    alias: { '@rapport/shared': sharedSrc },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      onwarn(warning, warn) {
        // react-router ships "use client" directives (for React Server Components); meaningless in an SPA.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use client"')) return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      // The API (apps/api) serves /graphql; point VITE_API_URL at it in dev.
      '/graphql': { target: process.env.VITE_API_URL ?? 'http://localhost:3000', changeOrigin: true },
    },
  },
});
