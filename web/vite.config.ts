import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Vite config for the web app; run from the repository root with `--config web/vite.config.ts`. */
export default defineConfig({
  root: webRoot,
  plugins: [
    react(),
    // The hashed assets compressed once, at the highest levels, next to them: the server sends these
    // (server/http/web-app.ts) instead of compressing 2 MB of JavaScript on every load.
    compression({
      include: /\.(js|mjs|css)$/,
      // Every script, however small (the bundler's runtime chunk is under 1 kB): each one is sent compressed.
      threshold: 0,
      algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip', { level: 9 })],
      logLevel: 'silent',
    }),
  ],
  build: {
    outDir: 'dist',
    manifest: true,
    emptyOutDir: true,
    rolldownOptions: {
      // core/ is pure (no module does anything on import): what the page does not use of it stays
      // out of its chunks, so that a viewer does not fetch the editing geometry re-exported by core/index.ts.
      treeshake: { moduleSideEffects: [{ test: new RegExp(`^${escapeRegExp(repositoryRoot)}core/`), sideEffects: false }] },
    },
    // maplibre-gl alone weighs about 1 MB minified; one chunk is fine for this app.
    chunkSizeWarningLimit: 1800,
  },
  server: {
    // web/ imports ../core, outside Vite's root.
    fs: { allow: [repositoryRoot] },
    proxy: { '/api': 'http://localhost:3000' },
  },
  preview: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
