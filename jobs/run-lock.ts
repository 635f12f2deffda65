/**
 * One run at a time per archive — `nianbao nightly` or `nianbao crawl`, which would otherwise fetch every URL twice: an
 * exclusive SQLite transaction on a small lock database next to the archive (`<archive>.nightly-lock`, the name it had
 * when only nightly took it). The operating system drops the lock when the process ends in any way (SIGKILL
 * included), so a killed run never blocks the next night. A JSON note beside it (`….json`: pid, start time) only
 * serves the "run in progress" message; the lock itself is the transaction.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { StopError } from '../common/errors.ts';

export interface RunLock {
  readonly file: string;
  release(): void;
}

export interface LockHolder {
  /** The command holding the lock (`nightly`, `crawl`); absent in notes written before crawl took the lock. */
  readonly command?: string;
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

export function lockFileFor(archiveFile: string): string {
  return `${archiveFile}.nightly-lock`;
}

/** Takes the lock for `command` or throws StopError E_RUN_IN_PROGRESS naming the holder. */
export function acquireRunLock(file: string, now: () => Date = () => new Date(), command = 'nightly'): RunLock {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Database | undefined;
  try {
    db = new BetterSqlite3(file);
    db.pragma('busy_timeout = 0');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db?.close();
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') {
      const holder = readHolder(file);
      const who = holder === null ? 'another process' : `pid ${holder.pid} on ${holder.host}, since ${holder.since}`;
      const what = holder === null ? 'another nianbao run' : `a ${holder.command ?? 'nightly'} run`;
      throw new StopError('E_RUN_IN_PROGRESS', `${what} is in progress for this archive (${who}); this start does nothing. Try again when it has finished`, {
        input: file,
      });
    }
    throw error;
  }
  const holder: LockHolder = { command, pid: process.pid, host: hostname(), since: now().toISOString() };
  writeFileSync(noteFile(file), `${JSON.stringify(holder)}\n`);
  const held = db;
  let released = false;
  return {
    file,
    release() {
      if (released) return;
      released = true;
      if (readHolder(file)?.pid === process.pid) rmSync(noteFile(file), { force: true });
      held.exec('ROLLBACK');
      held.close();
    },
  };
}

export function readHolder(file: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(noteFile(file), 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}

function noteFile(file: string): string {
  return `${file}.json`;
}
