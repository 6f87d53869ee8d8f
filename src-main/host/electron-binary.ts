import fs from 'node:fs';
import path from 'node:path';

/**
 * Where the Electron runtime binary is, or why it is not there. We read the electron
 * package's path.txt ourselves: `require('electron')` would try to download the binary.
 */
export function findElectronBinary(resolveFrom: string): { path: string } | { missing: string } {
  let pkgDir: string;
  try {
    pkgDir = path.dirname(require.resolve('electron/package.json', { paths: [resolveFrom] }));
  } catch {
    return { missing: 'the electron package is not installed' };
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = path.join(pkgDir, 'path.txt');
  const rel = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  const binary = override ? path.join(override, rel || 'electron') : rel ? path.join(pkgDir, 'dist', rel) : '';
  if (!binary || !fs.existsSync(binary)) return { missing: 'its runtime binary was not downloaded' };
  return { path: binary };
}
