/** SQL given to `nianbao query` cannot write: every kind of write is refused and the archive is unchanged. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { openArchive } from '../../store/open-archive.ts';
import { runReadOnlyQuery } from '../../store/search-query.ts';
import { seededArchive, tempDir } from './helpers.ts';

const tmp = tempDir();
let file: string;
let db: Database;

beforeAll(() => {
  file = tmp.file('ro.sqlite');
  seededArchive(file).db.close();
  db = openArchive(file, 'query');
});

afterAll(() => {
  db.close();
  tmp.remove();
});

const WRITES = [
  "INSERT INTO portals (id, family, base_url, name, created_at, updated_at) VALUES ('x', 'hanweb', 'http://x.gov.cn', 'x', 'now', 'now')",
  "UPDATE portals SET name = 'changed'",
  'DELETE FROM runs',
  "REPLACE INTO portals (id, family, base_url, name, created_at, updated_at) VALUES ('x', 'hanweb', 'http://x.gov.cn', 'x', 'now', 'now')",
  'DROP TABLE runs',
  'DROP VIEW report_cells_v',
  'CREATE TABLE notes (x TEXT)',
  'CREATE TEMP TABLE notes (x TEXT)',
  'ALTER TABLE portals ADD COLUMN notes TEXT',
  "ATTACH DATABASE ':memory:' AS other",
  'DETACH DATABASE main',
  'PRAGMA query_only = OFF',
  'PRAGMA journal_mode = DELETE',
  'PRAGMA user_version = 7',
  "VACUUM INTO '/tmp/nianbao-copy.sqlite'",
  'VACUUM',
  'REINDEX',
  'ANALYZE',
  'BEGIN IMMEDIATE',
  "WITH x AS (SELECT 1) INSERT INTO portals (id, family, base_url, name, created_at, updated_at) SELECT 'y', 'hanweb', 'http://y.gov.cn', 'y', 'now', 'now' FROM x",
  "/* comment */ -- another\n UPDATE portals SET name = 'changed'",
  "SELECT 1; UPDATE portals SET name = 'changed'",
];

describe('runReadOnlyQuery', () => {
  it.each(WRITES)('refuses %s', (sql) => {
    expect(() => runReadOnlyQuery(db, sql)).toThrow(expect.objectContaining({ code: expect.stringMatching(/^E_(READ_ONLY|USAGE)$/) }));
  });

  it('left the archive as it was', () => {
    const check = openArchive(file, 'query');
    expect(runReadOnlyQuery(check, 'SELECT id, name FROM portals').rows).toEqual([['yanzhou', '中国·兖州']]);
    expect(runReadOnlyQuery(check, 'SELECT count(*) FROM runs').rows).toEqual([[1]]);
    expect(runReadOnlyQuery(check, "SELECT count(*) FROM sqlite_schema WHERE name = 'notes'").rows).toEqual([[0]]);
    expect(runReadOnlyQuery(check, 'PRAGMA query_only').rows).toEqual([[1]]);
    check.close();
  });

  it('answers reads: SELECT, WITH, VALUES, EXPLAIN, reading pragmas, bound parameters', () => {
    expect(runReadOnlyQuery(db, 'SELECT id FROM portals WHERE id = :id', { id: 'yanzhou' })).toEqual({ columns: ['id'], rows: [['yanzhou']] });
    expect(runReadOnlyQuery(db, 'WITH x(n) AS (VALUES (1), (2)) SELECT sum(n) AS s FROM x').rows).toEqual([[3]]);
    expect(runReadOnlyQuery(db, 'VALUES (1)').rows).toEqual([[1]]);
    expect(runReadOnlyQuery(db, 'EXPLAIN QUERY PLAN SELECT * FROM reports').columns.length).toBeGreaterThan(0);
    expect(runReadOnlyQuery(db, 'PRAGMA table_info(portals)').rows.length).toBe(7);
  });

  it('reports SQL errors as usage errors', () => {
    expect(() => runReadOnlyQuery(db, 'SELECT * FROM no_such_table')).toThrow(expect.objectContaining({ code: 'E_SQL' }));
    expect(() => runReadOnlyQuery(db, 'SELEC 1')).toThrow(expect.objectContaining({ code: 'E_SQL' }));
    expect(() => runReadOnlyQuery(db, 'SELECT :agency')).toThrow(expect.objectContaining({ code: 'E_USAGE', message: expect.stringContaining('agency') }));
    expect(() => runReadOnlyQuery(db, '   ')).toThrow(expect.objectContaining({ code: 'E_USAGE' }));
  });

  it('refuses a missing file or a database that is not an archive', () => {
    expect(() => openArchive(tmp.file('missing.sqlite'), 'query')).toThrow(expect.objectContaining({ code: 'E_ARCHIVE' }));
  });
});
