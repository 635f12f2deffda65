/**
 * A worker thread running a TypeScript module, from the sources (tsx) or from the bundled CLI alike: the bundle
 * keeps `import.meta.url` pointing at the source files (bin/build-cli.js), and a worker's `execArgv` cannot carry
 * `--import tsx` on Node 20, so the thread starts in a small JavaScript module that registers tsx first.
 */
import { Worker } from 'node:worker_threads';

const BOOT = new URL('./typescript-worker-boot.mjs', import.meta.url);

/** Starts `entry` (a .ts module's URL) in a new worker thread; `data` reaches it as `workerData.data`. */
export function startTypeScriptWorker(entry: URL, data: unknown): Worker {
  return new Worker(BOOT, { workerData: { entry: entry.href, data } });
}
