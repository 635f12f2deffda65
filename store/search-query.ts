/**
 * Read-only SQL over the archive (`nianbao query`). Four locks, any one of which stops a write:
 *  1. the file is opened read-only (SQLITE_OPEN_READONLY): SQLite refuses to change it;
 *  2. `PRAGMA query_only = ON`: SQLite refuses any statement that would change a database;
 *  3. only statements starting with SELECT, WITH, VALUES, EXPLAIN or a reading PRAGMA (`PRAGMA name`,
 *     `PRAGMA name(arg)`, never `PRAGMA name = value`) are prepared — ATTACH, DETACH and VACUUM INTO (which
 *     SQLite counts as read-only) are refused here;
 *  4. a prepared statement that SQLite does not report as read-only (`WITH … INSERT`) is refused before it runs.
 * Only one statement per call. A statement SQLite cannot prepare is E_SQL with SQLite's message; a parameter
 * without a value is E_USAGE naming it.
 */
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { StopError } from '../common/errors.ts';

export interface QueryResult {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
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

/** Statements that can only write (or manage transactions): refused by name, before SQLite sees them. */
const WRITING_START = /^(INSERT|UPDATE|DELETE|REPLACE|UPSERT|DROP|CREATE|ALTER|ATTACH|DETACH|VACUUM|REINDEX|ANALYZE|BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE)\b/i;

/**
 * Checks and prepares one read-only statement (nothing runs): E_READ_ONLY for anything that could write, E_SQL with
 * SQLite's own message when SQLite rejects the SQL (`SELEC 1`: a syntax error, not a write), E_USAGE for no SQL or
 * more than one statement.
 */
export function prepareReadOnlyQuery(db: Database, sql: string): BetterSqlite3.Statement {
  if (!db.readonly) refuse("give a connection from openArchive(file, 'query')");
  const head = stripLeadingComments(sql);
  if (head.length === 0) throw new StopError('E_USAGE', 'no SQL given');
  const first = head.split(/[\s(;]+/)[0] ?? '';
  if (WRITING_START.test(head)) refuse(`only SELECT, WITH, VALUES, EXPLAIN and reading PRAGMAs are run, not ${first.toUpperCase()}`);
  if (WRITING_PRAGMA.test(head)) refuse('PRAGMA name = value changes a setting; only reading pragmas are run');
  let statement: BetterSqlite3.Statement;
  try {
    statement = db.prepare(sql);
  } catch (error) {
    throw queryError(error);
  }
  if (!ALLOWED_START.test(head)) refuse(`only SELECT, WITH, VALUES, EXPLAIN and reading PRAGMAs are run, not "${first}"`);
  if (!statement.readonly) refuse('the statement would change the database');
  return statement;
}

/** Runs one read-only statement in this process (no time limit: `nianbao query` uses query-process.ts). */
export function runReadOnlyQuery(db: Database, sql: string, params: Record<string, unknown> = {}): QueryResult {
  const statement = prepareReadOnlyQuery(db, sql);
  if (!statement.reader) return { columns: [], rows: [] };
  try {
    const columns = statement.columns().map((c) => c.name);
    return { columns, rows: statement.raw(true).all(params) as unknown[][] };
  } catch (error) {
    throw queryError(error);
  }
}

/** What SQLite or better-sqlite3 threw, as our error: shape `{ code?, name?, message }` (also from the query process). */
export function queryError(error: unknown): StopError {
  const { code, name, message } = error as { code?: unknown; name?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : String(error);
  if (code === 'SQLITE_READONLY') refuse('SQLite refused a write');
  const missing = /^Missing named parameter "([^"]+)"/.exec(text);
  if (missing !== null) return new StopError('E_USAGE', `the SQL uses :${missing[1]} but no value was given: add --param ${missing[1]}=VALUE`, { cause: error });
  if (/Too few parameter values|Missing named parameters/.test(text)) {
    return new StopError('E_USAGE', `the SQL has parameters without values (${text}): name them (:name) and give --param name=VALUE`, { cause: error });
  }
  if (/more than one statement/.test(text)) return new StopError('E_USAGE', 'give one SQL statement at a time', { cause: error });
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return new StopError('E_SQL', `SQL error: ${text} [${code}]`, { cause: error });
  return new StopError(name === 'SqliteError' ? 'E_SQL' : 'E_USAGE', `SQL error: ${text}`, { cause: error });
}
