/** `npm start`: the Electron app when its runtime is here; otherwise, the browser host. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { resolveDbFile } from '../db/data-dir';
import { HOST_USAGE, hostFlags } from './args';
import { findElectronBinary } from './electron-binary';
import { runBrowserHost } from './run-browser-host';

async function main() {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) return console.log(HOST_USAGE);
  const electron = findElectronBinary(path.join(__dirname, '..', '..'));
  if ('path' in electron) {
    const child = spawn(electron.path, [path.join(__dirname, '..', 'electron', 'main.cjs'), ...argv], {
      stdio: 'inherit',
    });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  console.log(`Electron cannot start here (${electron.missing}); starting the browser host instead.`);
  const flags = hostFlags(argv);
  await runBrowserHost({ dbFile: resolveDbFile({ dbFlag: flags.db }), ...(flags.port !== undefined ? { port: flags.port } : {}) });
}

main().catch((e: Error) => {
  console.error(`unidesk: ${e.message}`);
  process.exit(1);
});
