/** `unidesk-server`: the central sync server's command line (src-server/cli/server-cli.ts). */
import { readSecret } from '../src-main/platform/read-secret';
import { runServerCli, UsageError } from './cli/server-cli';

async function main(): Promise<void> {
  const io = { out: (line: string) => console.log(line), env: process.env, secret: (prompt: string) => readSecret(prompt) };
  const running = await runServerCli(process.argv.slice(2), io);
  if (!running) return;
  // stop accepting, finish what is in flight, close the database: a push is never cut mid-commit by us
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`unidesk-server: ${signal}, stopping`);
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  if (e instanceof UsageError) {
    // a multi-line usage text keeps its lines; the first says what was wrong
    console.error(`unidesk-server: ${e.message}`);
    process.exit(2);
  }
  // one line: the cause, not a stack (a wrong URL, a data folder in use, a port taken)
  const text = e instanceof Error ? e.message : String(e);
  console.error(`unidesk-server: ${text.split('\n')[0]}`);
  process.exit(1);
});
