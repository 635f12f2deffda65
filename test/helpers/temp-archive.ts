import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { openArchive } from '../../store/open-archive.ts';

/** A fresh archive file in its own temp directory. */
export function tempArchive(prefix = 'nianbao-test-'): { file: string; dir: string; db: Database } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const file = path.join(dir, 'archive.sqlite');
  return { file, dir, db: openArchive(file) };
}

/** Fetcher settings for loopback fixtures: no politeness delay, short backoff, still bounded. */
export const FAST_FETCHER = { perHostDelayMs: 0, backoffBaseMs: 50, timeoutMs: 5_000, maxRetries: 3 } as const;
