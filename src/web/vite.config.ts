/**
 * Builds the browser app into dist/web, which the server serves (npm start). In development,
 * `npm run dev:web` serves it with live reload and forwards /api to `npm run serve` on :3000.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2500,
  },
  server: { proxy: { '/api': process.env['LESTARI_API'] ?? 'http://127.0.0.1:3000' } },
});
