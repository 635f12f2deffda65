/**
 * Read-only SQL over the archive (`nianbao query`). Four locks, any one of which stops a write:
 *  1. the file is opened read-only (SQLITE_OPEN_READONLY): SQLite refuses to change it;
 *  2. `PRAGMA query_only = ON`: SQLite refuses any statement that would change a database;
 *  3. only statements starting with SELECT, WITH, VALUES, EXPLAIN or a reading PRAGMA (`PRAGMA name`,
 *     `PRAGMA name(arg)`, never `PRAGMA name = value`) are prepared — ATTACH, DETACH and VACUUM INTO (which
 *     SQLite counts as read-only) are refused here;
 *  4. a prepared statement that SQLite does not report as read-only (`WITH … INSERT`) is refused before it runs.
 * Only one statement per call.
 */
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { StopError } from '../common/errors.ts';
import { BUSY_TIMEOUT_MS } from './open-archive.ts';

export interface QueryResult {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
}

/** Opens an existing archive for reading only; E_ARCHIVE when it is missing, not SQLite, or not a nianbao archive. */
export function openArchiveReadOnly(file: string): Database {
  let db: Database | undefined;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('query_only = ON');
    const ours = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;
    if (!ours) throw new StopError('E_ARCHIVE', `${file} is not a nianbao archive (no schema_migrations table)`, { input: file });
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof StopError) throw error;
    throw new StopError('E_ARCHIVE', `cannot open ${file} read-only: ${error instanceof Error ? error.message : String(error)}`, { cause: error, input: file });
  }
}

const ALLOWED_START = /^(SELECT|WITH|VALUES|EXPLAIN|PRAGMA)\b/i;
const WRITING_PRAGMA = /^PRAGMA\s+[\w."]+\s*=/i;

/** The SQL without leading comments and whitespace. */
function stripLeadingComments(sql: string): string {
  let rest = sql;
  for (;;) {
    const trimmed = rest.trimStart();
    if (trimmed.startsWith('--')) rest = trimmed.slice(trimmed.indexOf('\n') === -1 ? trimmed.length : trimmed.indexOf('\n'));
    else if (trimmed.startsWith('/*')) rest = trimmed.slice(trimmed.indexOf('*/') === -1 ? trimmed.length : trimmed.indexOf('*/') + 2);
    else return trimmed;
  }
}

function refuse(reason: string): never {
  throw new StopError('E_READ_ONLY', `the archive is read-only here: ${reason}`);
}

/** Runs one read-only statement; E_READ_ONLY for anything that could write, E_USAGE for SQL errors. */
export function runReadOnlyQuery(db: Database, sql: string, params: Record<string, unknown> = {}): QueryResult {
  if (!db.readonly) refuse('give a connection from openArchiveReadOnly()');
  const head = stripLeadingComments(sql);
  if (head.length === 0) throw new StopError('E_USAGE', 'no SQL given');
  if (!ALLOWED_START.test(head)) refuse(`only SELECT, WITH, VALUES, EXPLAIN and reading PRAGMAs are run, not "${head.split(/\s+/)[0]}"`);
  if (WRITING_PRAGMA.test(head)) refuse('PRAGMA name = value changes a setting; only reading pragmas are run');
  let statement: BetterSqlite3.Statement;
  try {
    statement = db.prepare(sql);
  } catch (error) {
    throw new StopError('E_USAGE', `SQL error: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (!statement.readonly) refuse('the statement would change the database');
  if (!statement.reader) return { columns: [], rows: [] };
  try {
    const columns = statement.columns().map((c) => c.name);
    const raw = statement.raw(true);
    const rows = (Object.keys(params).length === 0 ? raw.all() : raw.all(params)) as unknown[][];
    return { columns, rows };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_READONLY') refuse('SQLite refused a write');
    throw new StopError('E_USAGE', `SQL error: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
