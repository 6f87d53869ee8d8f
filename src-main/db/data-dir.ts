import os from 'node:os';
import path from 'node:path';

export const DB_FILE_NAME = 'unidesk.sqlite';

/**
 * Where the local replica lives: `--db FILE` wins, then `UNIDESK_DATA_DIR`, then the
 * OS-conventional user-data folder (the same one Electron's app.getPath('userData') gives).
 */
export function resolveDbFile(opts: {
  dbFlag?: string | undefined;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
}): string {
  const env = opts.env ?? process.env;
  if (opts.dbFlag) return path.resolve(opts.dbFlag);
  if (env.UNIDESK_DATA_DIR) return path.join(path.resolve(env.UNIDESK_DATA_DIR), DB_FILE_NAME);
  return path.join(userDataDir(opts.platform ?? process.platform, env, opts.home ?? os.homedir()), DB_FILE_NAME);
}

export function userDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  switch (platform) {
    case 'win32':
      return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), 'UniDesk');
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'UniDesk');
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'UniDesk');
  }
}
