/**
 * All-or-nothing for work that awaits between writes (`extract <url>`: store the captures, extract, save the report):
 * a SAVEPOINT that is released when the work succeeds and rolled back when it throws, so a failure leaves nothing
 * in the archive. better-sqlite3's own transactions nested inside become savepoints of this one. The connection
 * holds the write lock meanwhile: keep network waits outside.
 */
import type { Database } from 'better-sqlite3';

let counter = 0;

export async function withSavepoint<T>(db: Database, work: () => Promise<T>): Promise<T> {
  const name = `nianbao_sp_${++counter}`;
  db.exec(`SAVEPOINT ${name}`);
  try {
    const result = await work();
    db.exec(`RELEASE ${name}`);
    return result;
  } catch (error) {
    db.exec(`ROLLBACK TO ${name}`);
    db.exec(`RELEASE ${name}`);
    throw error;
  }
}
