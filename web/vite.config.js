// Builds the page into the api module's resources, with fixed names so that the committed
// build can be compared with a fresh one (see README.md: "The committed build").
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('../api/src/main/resources/caseload-page', import.meta.url)),
    emptyOutDir: true,
    modulePreload: false,
    sourcemap: false,
    rollupOptions: {
      input: fileURLToPath(new URL('index.html', import.meta.url)),
      output: {
        entryFileNames: 'assets/[name].js',
        chunkFileNames: 'assets/[name].js',
        assetFileNames: 'assets/[name][extname]',
      },
    },
  },
  test: { include: ['test/**/*.test.js'] },
});
