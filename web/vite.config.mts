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
    rolldownOptions: {
      // Two pages: the officers' app, and the citizens' feedback portal (served at /lapor), which
      // shares only React with it so it stays small on a phone.
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        lapor: fileURLToPath(new URL('lapor.html', import.meta.url)),
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
