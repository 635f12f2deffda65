/**
 * The one way to open the SQLite archive, in one of three modes:
 *  - `write` (default): open or create it, pragmas for durability and concurrency, then pending migrations;
 *  - `serve` and `query`: an existing archive, read-only, nothing created or migrated (open-read-only.ts).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { StopError, isNianbaoError } from '../common/errors.ts';
import { BUSY_TIMEOUT_MS } from './busy-timeout.ts';
import { migrate } from './migrate.ts';
import { openReadOnly, type ReadOnlyMode } from './open-read-only.ts';

export { BUSY_TIMEOUT_MS } from './busy-timeout.ts';

export type ArchiveMode = 'write' | ReadOnlyMode;

/**
 * Opens `file`. In `write` mode it is created with its parent directory if missing (`':memory:'` for a throwaway
 * archive). Throws StopError E_ARCHIVE when the file is not SQLite, is corrupt, is another application's database,
 * or cannot be created — and, read-only, when it does not exist (or, for `serve`, its schema is not current).
 */
export function openArchive(file: string, mode: ArchiveMode = 'write'): Database {
  return mode === 'write' ? openForWriting(file) : openReadOnly(file, mode);
}

function openForWriting(file: string): Database {
  const inMemory = file === ':memory:';
  let db: Database | undefined;
  try {
    if (!inMemory) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    db = new BetterSqlite3(file);
    configure(db, inMemory);
    assertOurs(db, file);
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    if (isNianbaoError(error)) throw error;
    throw new StopError('E_ARCHIVE', `cannot use ${file} as the archive (${describe(error)}): ${advice(error)}`, { cause: error, input: file });
  }
}

function configure(db: Database, inMemory: boolean): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Reading the schema first makes a non-SQLite or damaged file fail here, before anything is written.
  db.prepare('SELECT count(*) FROM sqlite_schema').get();
  if (!inMemory) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
}

/** A SQLite file with tables but no migration record belongs to something else; refuse to write into it. */
function assertOurs(db: Database, file: string): void {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  if (tables.length > 0 && !tables.includes('schema_migrations')) {
    throw new StopError(
      'E_ARCHIVE',
      `${file} is a SQLite database of another application (tables: ${tables.slice(0, 5).join(', ')}): give --db a new or existing nianbao archive`,
      { input: file },
    );
  }
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' ? `${code}: ${message}` : message;
}

function advice(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_NOTADB') return 'the file is not a SQLite database; give --db a new file name or the path of an existing archive';
  if (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT')) {
    return 'the database is damaged; restore it from a backup or recover it with `sqlite3 FILE .recover`, or start a new archive';
  }
  if (typeof code === 'string' && code.startsWith('SQLITE_CANTOPEN')) return 'check that the directory exists and is writable';
  if (code === 'SQLITE_BUSY') return 'another process holds a write lock on the archive; wait for it to finish';
  return 'check the path and permissions, or give --db another file';
}
