/**
 * The read-only modes of openArchive (open-archive.ts). Both open an existing file read-only (SQLITE_OPEN_READONLY)
 * with `PRAGMA query_only` on top, so no statement can write, and never create or migrate anything:
 *  - `serve` (`nianbao serve`): the schema must be exactly what this version writes (an archive whose migrations are
 *    behind is refused with advice: any writing command upgrades it); the file is memory-mapped;
 *  - `query` (`nianbao query`): any nianbao archive (one with a schema_migrations table).
 */
import { existsSync } from 'node:fs';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { StopError, isNianbaoError } from '../common/errors.ts';
import { BUSY_TIMEOUT_MS } from './busy-timeout.ts';
import { MIGRATIONS } from './migrations/index.ts';

export type ReadOnlyMode = 'serve' | 'query';

/** Bytes of the archive file read through a memory map (serve mode). */
const MMAP_BYTES = 256 * 1024 * 1024;

export function openReadOnly(file: string, mode: ReadOnlyMode): Database {
  if (mode === 'serve' && !existsSync(file)) {
    throw new StopError('E_ARCHIVE', `no archive at ${file}: crawl one first (\`nianbao demo\` or \`nianbao crawl\`) or give --db FILE`, { input: file });
  }
  let db: Database | undefined;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('query_only = ON');
    if (mode === 'serve') {
      // Readers jump around the file (a random report, two bodies' cells): map it into memory rather than pread()
      // each page into SQLite's default 2 MB cache (a server's comparisons ~1.7× faster).
      db.pragma(`mmap_size = ${MMAP_BYTES}`);
      assertCurrentSchema(db, file);
    } else {
      assertOurs(db, file);
    }
    return db;
  } catch (error) {
    db?.close();
    if (isNianbaoError(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    const message = mode === 'serve' ? `cannot read ${file} as an archive (${reason})` : `cannot open ${file} read-only: ${reason}`;
    throw new StopError('E_ARCHIVE', message, { cause: error, input: file });
  }
}

function hasMigrationTable(db: Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;
}

function assertOurs(db: Database, file: string): void {
  if (!hasMigrationTable(db)) throw new StopError('E_ARCHIVE', `${file} is not a nianbao archive (no schema_migrations table)`, { input: file });
}

/** The schema must be exactly what this version writes: every known migration applied, none unknown. */
function assertCurrentSchema(db: Database, file: string): void {
  assertOurs(db, file);
  const applied = new Map((db.prepare('SELECT id, name FROM schema_migrations').all() as { id: number; name: string }[]).map((r) => [r.id, r.name]));
  for (const [id, name] of applied) {
    if (MIGRATIONS.find((m) => m.id === id)?.name !== name) {
      throw new StopError('E_ARCHIVE', `${file} records migration ${id} "${name}", unknown to this nianbao: it was written by a newer version; upgrade nianbao`, { input: file });
    }
  }
  const pending = MIGRATIONS.filter((m) => !applied.has(m.id));
  if (pending.length > 0) {
    throw new StopError(
      'E_ARCHIVE',
      `${file} needs migration ${pending.map((m) => `${m.id} "${m.name}"`).join(', ')}; the server never writes: run \`nianbao reports --db ${file}\` once to upgrade it`,
      { input: file },
    );
  }
}
