/**
 * Per-host scheduling (issue 13): each frontier item carries its URL's `host:port`, indexed with the run and state, so
 * the crawl can claim the next pending item of a given host — many hosts in flight at once — without reading the
 * frontier into memory. Existing rows are filled from their URLs.
 *
 * The host rule is written out here rather than imported: an applied migration's meaning must never change.
 * Rows are read in full before they are updated: better-sqlite3 refuses a write while a SELECT is being iterated.
 */
import type { Database } from 'better-sqlite3';
import type { Migration } from './migration.ts';

function hostOf(url: string): string {
  try {
    const parsed = new URL(url);
    const port = parsed.port !== '' ? parsed.port : parsed.protocol === 'https:' ? '443' : '80';
    return `${parsed.hostname.toLowerCase()}:${port}`;
  } catch {
    return '';
  }
}

export const migration007: Migration = {
  id: 7,
  name: 'frontier-host',
  up(db: Database) {
    db.exec(`ALTER TABLE frontier ADD COLUMN host TEXT NOT NULL DEFAULT ''`);
    const set = db.prepare('UPDATE frontier SET host = ? WHERE rowid = ?');
    const rows = db.prepare('SELECT rowid AS id, url FROM frontier').all() as { id: number; url: string }[];
    for (const row of rows) set.run(hostOf(row.url), row.id);
    db.exec('CREATE INDEX frontier_host ON frontier(run_id, state, host)');
  },
};
