/**
 * One server per PGlite data folder (issue 11, item 7). PGlite has no postmaster lock: two
 * processes on one folder both accepted pushes, and after a restart only one's acknowledged
 * writes survived. A lock file beside the folder holds the owner's process id; a lock whose
 * process is gone (a kill -9, a power cut) is taken over.
 */
import fs from 'node:fs';

export class DataFolderInUse extends Error {
  constructor(dataDir: string, pid: number) {
    super(`the data folder ${dataDir} is in use by another UniDesk server (process ${pid}): stop it first, or run this command against that server`);
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes the folder's lock; returns its release. Throws DataFolderInUse while another live process holds it. */
export function lockDataFolder(dataDir: string): () => void {
  const file = `${dataDir.replace(/[\\/]+$/, '')}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      return () => {
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(fs.readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new DataFolderInUse(dataDir, pid);
      // left behind by a process that is gone: take it over
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock the data folder ${dataDir}`);
}
