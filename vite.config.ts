import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    // `npx vite` serves the app with hot reload and forwards the API to a running server.
    proxy: { '/api': process.env.CAREDESK_API_URL ?? 'http://127.0.0.1:3000' },
  },
});
