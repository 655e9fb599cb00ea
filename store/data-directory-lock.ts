import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The embedded database serves one process: two processes on one data directory would corrupt it.
 * A lock file holding the owner's process id keeps a second one out (the admin script while the
 * service runs, or a second `npm start`). A lock left by a process that no longer exists (after a
 * crash or a kill) is taken over.
 */
export interface DataDirectoryLock {
  release(): void;
}

export class DataDirectoryInUse extends Error {}

/**
 * Directories this process holds. A lock file naming this process's id is ours only when the
 * directory is in here; otherwise it was left by an earlier process that had the same id (in a
 * container the service is often process 1 on every start) and is taken over.
 */
const heldByThisProcess = new Set<string>();

export function lockDataDirectory(directory: string): DataDirectoryLock {
  mkdirSync(directory, { recursive: true });
  const path = join(directory, 'lock');
  if (heldByThisProcess.has(path)) {
    throw new DataDirectoryInUse(`The data directory ${directory} is already open in this process; the embedded database serves one opener at a time.`);
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      heldByThisProcess.add(path);
      return {
        release: () => {
          heldByThisProcess.delete(path);
          rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new DataDirectoryInUse(
          `The data directory ${directory} is in use by process ${owner}. The embedded database serves one process at a time: stop that process first.`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new DataDirectoryInUse(`Could not lock the data directory ${directory}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
