import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Vite 8 transforms TSX itself (oxc); no React plugin is installed.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'react' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
