import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const api = process.env.UNIDESK_API?.replace(/\/+$/, '');

/**
 * The renderer: one static bundle that both the Electron window and the browser host serve.
 * Relative `base` so it loads from a file/custom protocol as well as from http://127.0.0.1.
 * No inline scripts or styles end up in index.html (the CSP is `script-src 'self'; style-src 'self'`).
 */
export default defineConfig({
  root: here('./src-renderer'),
  base: './',
  // vite's built-in oxc transform; no @vitejs/plugin-react (no fast refresh, which we do not need)
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: here('./dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // keep every asset a file: a data: URL would need `img-src data:` in the CSP
    assetsInlineLimit: 0,
    rolldownOptions: {
      onwarn(warning, warn) {
        // react-intl ships a "use client" directive for React Server Components; meaningless in a SPA
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    host: '127.0.0.1',
    strictPort: true,
    // Development against a running browser host: `UNIDESK_API=http://127.0.0.1:PORT npx vite
    // --config vite.config.ts`, then open the dev server with the host's `#key=…`. The host only
    // answers its own Host and Origin, so the proxy presents the request as the host's own.
    // Only `/api/call`: the renderer's own modules live under `/api/` too.
    proxy: api ? { '/api/call': { target: api, changeOrigin: true, headers: { origin: api } } } : {},
  },
});
