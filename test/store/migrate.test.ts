import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { appliedMigrations, migrate } from '../../store/migrate.ts';
import { MIGRATIONS, type Migration } from '../../store/migrations/index.ts';
import { openArchive } from '../../store/open-archive.ts';
import { tempDir } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

/** Id of a synthetic migration appended after the real ones (stays right as migrations are added). */
const NEXT = MIGRATIONS.length + 1;
const APPLIED = MIGRATIONS.map((m) => m.id);

function tables(db: BetterSqlite3.Database): string[] {
  return db.prepare("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') ORDER BY name").pluck().all() as string[];
}

describe('migrations', () => {
  it('records each migration and applies nothing twice on re-open', () => {
    const file = tmp.file('migrate.sqlite');
    const db = openArchive(file);
    const first = appliedMigrations(db);
    expect(first.map((m) => [m.id, m.name])).toEqual(MIGRATIONS.map((m) => [m.id, m.name]));
    db.close();
    const again = openArchive(file);
    expect(appliedMigrations(again)).toEqual(first); // same rows, same applied_at
    expect(migrate(again)).toEqual([]);
    for (const t of ['portals', 'agencies', 'blobs', 'runs', 'captures', 'frontier', 'reports', 'report_files', 'cells', 'check_results', 'report_cells_v']) {
      expect(tables(again)).toContain(t);
    }
    again.close();
  });

  it('never leaves a half-applied migration: a failing one rolls back with its record', () => {
    const file = tmp.file('half.sqlite');
    const db = openArchive(file);
    const broken: Migration = {
      id: NEXT,
      name: 'add-notes',
      up(d) {
        d.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
        d.exec("INSERT INTO notes (body) VALUES ('first')");
        d.exec('ALTER TABLE no_such_table ADD COLUMN x TEXT'); // fails halfway
      },
    };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow(/no_such_table/);
    expect(tables(db)).not.toContain('notes');
    expect(appliedMigrations(db).map((m) => m.id)).toEqual(APPLIED);

    const fixed: Migration = { id: NEXT, name: 'add-notes', up: (d) => d.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)') };
    expect(migrate(db, [...MIGRATIONS, fixed])).toEqual([NEXT]);
    expect(migrate(db, [...MIGRATIONS, fixed])).toEqual([]);
    expect(tables(db)).toContain('notes');
    db.close();
  });

  it('refuses an archive written by a newer version (unknown migration recorded)', () => {
    const file = tmp.file('newer.sqlite');
    const db = openArchive(file);
    migrate(db, [...MIGRATIONS, { id: NEXT, name: 'from-the-future', up: () => undefined }]);
    db.close();
    let code: unknown;
    try {
      openArchive(file);
    } catch (error) {
      code = (error as { code?: unknown }).code;
    }
    expect(code).toBe('E_ARCHIVE');
  });

  it('upgrades an archive that already holds frontier rows to per-host scheduling (migration 7)', () => {
    const db = new BetterSqlite3(tmp.file('frontier-upgrade.sqlite'));
    migrate(db, MIGRATIONS.filter((m) => m.id < 7));
    db.pragma('foreign_keys = OFF');
    const runId = Number(db.prepare("INSERT INTO runs (kind, started_at, status, crawler_version, options) VALUES ('crawl', '2026-01-01T00:00:00Z', 'running', 't', '{}')").run().lastInsertRowid);
    const insert = db.prepare("INSERT INTO frontier (run_id, url, purpose, portal_id, added_at, updated_at) VALUES (?, ?, 'report', 'p', '2026-01-01', '2026-01-01')");
    for (const url of ['http://a.gov.cn/x', 'https://b.gov.cn/y', 'http://127.0.0.1:8080/z']) insert.run(runId, url);
    expect(migrate(db)).toEqual(MIGRATIONS.filter((m) => m.id >= 7).map((m) => m.id));
    expect(db.prepare('SELECT host FROM frontier ORDER BY rowid').pluck().all()).toEqual(['a.gov.cn:80', 'b.gov.cn:443', '127.0.0.1:8080']);
    db.close();
  });

  it('rejects a migration list out of order', () => {
    const db = new BetterSqlite3(':memory:');
    expect(() => migrate(db, [{ id: 2, name: 'two', up: () => undefined }])).toThrow(/out of order/);
    db.close();
  });
});
