/** `npm run web`: the browser host on 127.0.0.1. */
import { resolveDbFile } from '../db/data-dir';
import { HOST_USAGE, hostFlags } from './args';
import { runBrowserHost } from './run-browser-host';

async function main() {
  const flags = hostFlags(process.argv.slice(2));
  if (flags.help) return console.log(HOST_USAGE);
  await runBrowserHost({ dbFile: resolveDbFile({ dbFlag: flags.db }), ...(flags.port !== undefined ? { port: flags.port } : {}) });
}

main().catch((e: Error) => {
  console.error(`unidesk: ${e.message}`);
  process.exit(1);
});
