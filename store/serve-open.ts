/**
 * Open an existing archive for `nianbao serve`: read-only at the file level (`readonly`), and `PRAGMA query_only`
 * on top, so no statement of the server can write. Nothing is created or migrated: an archive whose migrations
 * are behind this version is refused with advice (any writing command upgrades it).
 */
import { existsSync } from 'node:fs';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { StopError, isNianbaoError } from '../common/errors.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { BUSY_TIMEOUT_MS } from './open-archive.ts';
import { stmt } from './statements.ts';

export function openArchiveReadOnly(file: string): Database {
  if (!existsSync(file)) {
    throw new StopError('E_ARCHIVE', `no archive at ${file}: crawl one first (\`nianbao demo\` or \`nianbao crawl\`) or give --db FILE`, { input: file });
  }
  let db: Database | undefined;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('query_only = ON');
    // Readers jump around the file (a random report, two bodies' cells): map it into memory rather than pread()
    // each page into SQLite's default 2 MB cache (a server's comparisons ~1.7× faster).
    db.pragma(`mmap_size = ${MMAP_BYTES}`);
    assertCurrentSchema(db, file);
    return db;
  } catch (error) {
    db?.close();
    if (isNianbaoError(error)) throw error;
    throw new StopError('E_ARCHIVE', `cannot read ${file} as an archive (${error instanceof Error ? error.message : String(error)})`, { cause: error, input: file });
  }
}

/** The schema must be exactly what this version writes: every known migration applied, none unknown. */
function assertCurrentSchema(db: Database, file: string): void {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;
  if (!hasTable) throw new StopError('E_ARCHIVE', `${file} is not a nianbao archive (no schema_migrations table)`, { input: file });
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

/** Bytes of the archive file read through a memory map. */
const MMAP_BYTES = 256 * 1024 * 1024;

const versionThisTurn = new WeakMap<Database, number>();

/**
 * SQLite's counter of commits by other connections: a change means cached answers are stale. Read at most once
 * per turn of the event loop (a burst of requests handled in one turn pays for one read): a commit is seen from
 * the next turn on.
 */
export function dataVersion(db: Database): number {
  let version = versionThisTurn.get(db);
  if (version === undefined) {
    version = stmt(db, 'PRAGMA data_version').pluck().get() as number;
    versionThisTurn.set(db, version);
    setImmediate(() => versionThisTurn.delete(db));
  }
  return version;
}
