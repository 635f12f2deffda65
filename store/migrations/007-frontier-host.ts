/**
 * Per-host scheduling (issue 13): each frontier item carries its URL's `host:port`, indexed with the run and state, so
 * the crawl can claim the next pending item of a given host — many hosts in flight at once — without reading the
 * frontier into memory. Existing rows are filled from their URLs.
 */
import type { Database } from 'better-sqlite3';
import { frontierHost } from '../frontier-host.ts';
import type { Migration } from './migration.ts';

export const migration007: Migration = {
  id: 7,
  name: 'frontier-host',
  up(db: Database) {
    db.exec(`ALTER TABLE frontier ADD COLUMN host TEXT NOT NULL DEFAULT ''`);
    const set = db.prepare('UPDATE frontier SET host = ? WHERE rowid = ?');
    for (const row of db.prepare('SELECT rowid AS id, url FROM frontier').iterate() as IterableIterator<{ id: number; url: string }>) set.run(frontierHost(row.url), row.id);
    db.exec('CREATE INDEX frontier_host ON frontier(run_id, state, host)');
  },
};
