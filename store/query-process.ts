/**
 * `nianbao query` with a time limit. better-sqlite3 runs a statement synchronously and exposes neither SQLite's
 * progress handler nor sqlite3_interrupt, and a thread blocked inside SQLite cannot be stopped (a worker thread stuck
 * in an endless recursive CTE even keeps the process from exiting). So the statement, once checked in this process
 * (search-query.ts: read-only, one statement, SQLite accepts it), runs in a child Node process on its own read-only,
 * query_only connection, and the child is killed when the limit passes: E_QUERY_TIMEOUT. Rows come back over the
 * IPC channel with V8 serialisation (BLOBs, big integers kept).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { StopError } from '../common/errors.ts';
import { BUSY_TIMEOUT_MS, openArchive } from './open-archive.ts';
import { prepareReadOnlyQuery, queryError, type QueryResult } from './search-query.ts';

export const DEFAULT_QUERY_TIMEOUT_MS = 60_000;

/** The child: open read-only, query_only, prepare, refuse a writing statement, run, send the rows, exit. */
const CHILD_SOURCE = `
const Database = require(process.argv[1]);
process.once('message', (job) => {
  let answer;
  try {
    const db = new Database(job.file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = ' + job.busyTimeoutMs);
    db.pragma('query_only = ON');
    const statement = db.prepare(job.sql);
    if (!statement.readonly) throw Object.assign(new Error('the statement would change the database'), { code: 'SQLITE_READONLY' });
    const columns = statement.reader ? statement.columns().map((c) => c.name) : [];
    const rows = statement.reader ? statement.raw(true).all(job.params) : [];
    answer = { ok: true, columns, rows };
  } catch (error) {
    answer = { ok: false, code: error && error.code, name: error && error.name, message: error && error.message };
  }
  process.send(answer, () => process.disconnect());
});
`;

type ChildAnswer = { ok: true; columns: string[]; rows: unknown[][] } | { ok: false; code?: unknown; name?: unknown; message?: unknown };

export interface TimedQuery {
  readonly file: string;
  readonly sql: string;
  readonly params?: Record<string, unknown>;
  /** Time limit for running the statement (default 60 s). */
  readonly timeoutMs?: number;
}

/** Checks the statement here, runs it in a child process under the time limit; E_QUERY_TIMEOUT when it passes. */
export async function runTimedQuery(query: TimedQuery): Promise<QueryResult> {
  const child = spawnQueryProcess(); // started first: its Node start-up overlaps the check below
  try {
    const db = openArchive(query.file, 'query');
    try {
      prepareReadOnlyQuery(db, query.sql);
    } finally {
      db.close();
    }
  } catch (error) {
    child.on('error', () => undefined); // a process that failed to start has nothing more to say
    child.kill('SIGKILL');
    throw error;
  }
  const answer = await answerOf(child, query);
  if (!answer.ok) throw queryError(answer);
  return { columns: answer.columns, rows: answer.rows.map((row) => row.map(asBuffer)) };
}

function spawnQueryProcess(): ChildProcess {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  return spawn(process.execPath, ['-e', CHILD_SOURCE, driver], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
}

/** Sends the statement, waits for the rows; kills the process when the time limit passes. */
function answerOf(child: ChildProcess, query: TimedQuery): Promise<ChildAnswer> {
  const timeoutMs = query.timeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-2000);
  });
  return new Promise<ChildAnswer>((resolve, reject) => {
    let answer: ChildAnswer | undefined;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
      reject(new StopError('E_QUERY_TIMEOUT', `the query ran longer than its time limit of ${timeoutMs / 1000} s and was stopped; narrow it (WHERE, LIMIT) or raise --timeout`));
    }, timeoutMs);
    child.once('message', (message) => {
      answer = message as ChildAnswer;
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new StopError('E_ARCHIVE', `cannot start the query process: ${error.message}`, { cause: error }));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (answer !== undefined) resolve(answer);
      else if (!timedOut) reject(new StopError('E_ARCHIVE', `the query process ended without an answer (${signal ?? `exit ${String(code)}`}): ${stderr.trim() || 'no message'}`, { input: query.file }));
    });
    child.send({ file: query.file, sql: query.sql, params: query.params ?? {}, busyTimeoutMs: BUSY_TIMEOUT_MS });
  });
}

/** BLOBs cross the IPC channel as Uint8Array: back to Buffer, as better-sqlite3 returns them. */
function asBuffer(value: unknown): unknown {
  return value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value;
}
