import { existsSync, readdirSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where jobs' kept samples are written (see runtime/sample-files.ts): one folder per job under
 * `root`. A stored run's folder (`run-<id>`) stays until the run is deleted, so its samples can be
 * downloaded after a restart; an anonymous job's (`anon-<id>`) goes when the job is forgotten, and
 * what a stopped process left of them is removed when the next one opens the store.
 */
export interface SampleStore {
  /** The folder of a job's kept samples. */
  directoryFor(jobId: string, stored: boolean): string;
  /** Removes a job's folder (in the background; a failure is logged). */
  remove(jobId: string, stored: boolean): void;
  /** Removes a job's folder now, before its run starts writing to it again. */
  clear(jobId: string, stored: boolean): void;
}

export function openSampleStore(root: string): SampleStore {
  // Made when a run first keeps samples (the worker thread creates the job's folder).
  for (const name of existsSync(root) ? readdirSync(root) : []) if (name.startsWith('anon-')) rmSync(join(root, name), { recursive: true, force: true });
  const directoryFor = (jobId: string, stored: boolean) => join(root, `${stored ? 'run' : 'anon'}-${encodeURIComponent(jobId)}`);
  return {
    directoryFor,
    clear: (jobId, stored) => rmSync(directoryFor(jobId, stored), { recursive: true, force: true }),
    remove(jobId, stored) {
      rm(directoryFor(jobId, stored), { recursive: true, force: true }).catch((error: unknown) => {
        console.error(JSON.stringify({ level: 'error', job: jobId, message: `could not remove the job's kept samples: ${error instanceof Error ? error.message : String(error)}` }));
      });
    },
  };
}
