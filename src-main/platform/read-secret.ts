/**
 * Passwords for the command lines (`unidesk sync enrol`, `unidesk-server admin create`): never
 * required as a flag, where `ps` and shell history would keep them. A terminal gets a prompt
 * that echoes nothing; a script pipes the password in and says so with --password-stdin.
 */
import readline from 'node:readline';

export async function readSecret(prompt: string, input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stderr): Promise<string> {
  if (input.isTTY) {
    output.write(prompt);
    const rl = readline.createInterface({ input, output, terminal: true });
    // readline echoes what is typed through this method: silence it for the password
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
    return new Promise((resolve) =>
      rl.question('', (answer) => {
        rl.close();
        output.write('\n');
        resolve(answer);
      }),
    );
  }
  return firstLine(input);
}

/** The first line of a piped stream (a trailing newline or CR is not part of the password). */
export async function firstLine(input: AsyncIterable<string | Buffer>): Promise<string> {
  let data = '';
  for await (const chunk of input) {
    data += String(chunk);
    if (data.includes('\n')) break;
  }
  return data.split(/\r?\n/)[0] ?? '';
}
