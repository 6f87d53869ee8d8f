// Builds everything `npm start`, the CLI, the tests and packaging need into dist/:
// esbuild bundles for the Node side (main, preload, CLI, browser host, bench, server) and
// Vite for the renderer. Native and Electron-provided modules stay external.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const only = process.argv.includes('--node-only') ? 'node' : process.argv.includes('--renderer-only') ? 'renderer' : 'all';

const nodeEntries = {
  'main/web': 'src-main/host/web.main.ts',
  'main/start': 'src-main/host/start.main.ts',
  'cli/unidesk': 'src-main/cli/unidesk.ts',
  'electron/main': 'src-main/electron/main.ts',
  'electron/preload': 'src-main/electron/preload.ts',
  'electron/backend': 'src-main/host/backend.main.ts',
  'bench/bench': 'bench/bench.ts',
  'bench/soak': 'bench/soak.main.ts',
  'workers/grade-sheet-batch': 'src-main/features/grade-sheets/batch-export.worker.ts',
  'workers/transcript-batch': 'src-main/features/registrar/transcript-batch.worker.ts',
  'server/server': 'src-server/server.main.ts',
};

/** The PDF libraries' versions as bundled: the PDF patches check them at start (pdf-patches.ts). */
function pdfLibraryVersions() {
  const version = (name) => {
    const file = path.join(root, 'node_modules', name, 'package.json');
    return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).version : null;
  };
  return { pdfmake: version('pdfmake'), pdfkit: version('pdfkit'), fontkit: version('fontkit') };
}

async function buildNode() {
  const entryPoints = Object.entries(nodeEntries)
    .filter(([, src]) => fs.existsSync(path.join(root, src)))
    .map(([out, src]) => ({ in: path.join(root, src), out }));
  await esbuild({
    entryPoints,
    outdir: path.join(root, 'dist'),
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'linked',
    external: ['better-sqlite3', 'electron', 'electron-updater', 'playwright-core', 'vite', 'esbuild', '@electric-sql/pglite', 'pg'],
    define: { __UNIDESK_VERSION__: JSON.stringify(pkg.version), __UNIDESK_PDF_LIBS__: JSON.stringify(pdfLibraryVersions()) },
    logLevel: 'warning',
  });
}

/** The server's public /verify page script: a small browser bundle served beside the server. */
async function buildVerifyPage() {
  await esbuild({
    entryPoints: [path.join(root, 'src-server/keys/verify-page.browser.ts')],
    outfile: path.join(root, 'dist/server/verify-page.js'),
    bundle: true,
    platform: 'browser',
    target: 'es2020',
    format: 'iife',
    minify: true,
    logLevel: 'warning',
  });
}

async function buildRenderer() {
  await viteBuild({ configFile: path.join(root, 'vite.config.mts'), logLevel: 'warn' });
}

const started = Date.now();
if (only !== 'renderer') await buildNode();
if (only !== 'renderer') await buildVerifyPage();
if (only !== 'node') await buildRenderer();
console.log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
