import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

/** Writes .br and .gz beside each text asset, which the server sends to browsers that accept them. */
function precompress(): Plugin {
  return {
    name: 'caredesk-precompress',
    apply: 'build',
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
      for (const file of walk(outDir).filter((f) => /\.(js|css|html|svg|json)$/.test(f))) {
        const data = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

/** In `npx vite`, the portal's pages get portal.html, as the server answers them in production. */
function portalPages(): Plugin {
  return {
    name: 'caredesk-portal-pages',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        // Page loads only: the portal's own modules (/portal/main.tsx …) are files, and workspace slugs have no dots.
        // The sign-in link (/portal/<workspace>/auth) goes on to the server through the proxy below.
        const url = req.url ?? '';
        if (req.method === 'GET' && req.headers.accept?.includes('text/html') && /^\/portal\/[a-z0-9-]+(\/[^.?]*)?(\?.*)?$/.test(url) && !/^\/portal\/[^/]+\/auth(\?|$)/.test(url)) {
          req.url = '/portal.html';
        }
        next();
      });
    },
  };
}

const api = process.env.CAREDESK_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  plugins: [react(), precompress(), portalPages()],
  build: {
    outDir,
    emptyOutDir: true,
    rolldownOptions: {
      // Two apps, two entries: agents never download the portal, customers never the agent app.
      input: { index: path.join(root, 'index.html'), portal: path.join(root, 'portal.html') },
      // The one chunk both load (React, the router, queries, i18n, the shared ui pieces), named for what it is.
      output: { chunkFileNames: 'assets/shared-[hash].js' },
    },
  },
  server: {
    // `npx vite` serves the apps with hot reload and forwards the API (and the portal's sign-in links) to a running server.
    proxy: { '/api': api, '^/portal/[^/]+/auth': api },
  },
});
