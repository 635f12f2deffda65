/**
 * What the server (`nianbao serve`, an archive opened with `openArchive(file, 'serve')`) needs besides the
 * connection: SQLite's data version, to know when cached answers are stale.
 */
import type { Database } from 'better-sqlite3';
import { stmt } from './statements.ts';

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
