// @ts-check
/**
 * First module of a worker thread started by typescript-worker.ts: makes the thread able to load TypeScript
 * (tsx, a dependency: the CLI's launcher runs on it too), then loads the thread's own entry module.
 */
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
