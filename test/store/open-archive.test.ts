import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../store/migrations/index.ts';
import { openArchive } from '../../store/open-archive.ts';
import { count, tempDir } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

function archiveError(file: string): { code: unknown; message: string; input: unknown } {
  try {
    openArchive(file).close();
  } catch (error) {
    return { code: (error as { code?: unknown }).code, message: (error as Error).message, input: (error as { input?: unknown }).input };
  }
  throw new Error('expected openArchive to throw');
}

describe('openArchive', () => {
  it('creates the parent directory and sets the pragmas', () => {
    const file = tmp.file('nested/dir/archive.sqlite');
    const db = openArchive(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(count(db, 'schema_migrations')).toBe(MIGRATIONS.length);
    db.close();
  });

  it('opens :memory:', () => {
    const db = openArchive(':memory:');
    expect(count(db, 'portals')).toBe(0);
    db.close();
  });

  it('refuses a file that is not SQLite with E_ARCHIVE naming the file', () => {
    const file = tmp.file('notes.sqlite');
    writeFileSync(file, '这不是数据库 — this is a text file, not an archive.\n'.repeat(100));
    const error = archiveError(file);
    expect(error.code).toBe('E_ARCHIVE');
    expect(error.input).toBe(file);
    expect(error.message).toContain(file);
    expect(readFileSync(file, 'utf8').startsWith('这不是数据库')).toBe(true); // left untouched
  });

  it('refuses a corrupt archive with E_ARCHIVE', () => {
    const file = tmp.file('corrupt.sqlite');
    openArchive(file).close();
    const bytes = readFileSync(file);
    bytes.fill(0xa5, 100, 4096); // the schema page after the 100-byte header
    writeFileSync(file, bytes);
    expect(archiveError(file).code).toBe('E_ARCHIVE');
  });

  it("refuses another application's SQLite database", () => {
    const file = tmp.file('other.sqlite');
    const other = new BetterSqlite3(file);
    other.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    other.close();
    const error = archiveError(file);
    expect(error.code).toBe('E_ARCHIVE');
    expect(error.message).toContain('customers');
  });
});

describe('openArchive modes', () => {
  it('serve and query open an existing archive read-only, never create one; serve refuses an archive behind this version', () => {
    const file = tmp.file('modes/archive.sqlite');
    openArchive(file).close();
    for (const mode of ['serve', 'query'] as const) {
      const db = openArchive(file, mode);
      expect(db.readonly).toBe(true);
      expect(db.pragma('query_only', { simple: true })).toBe(1);
      expect(() => db.exec('CREATE TABLE t (x)')).toThrow();
      db.close();
      const missing = tmp.file(`modes/missing-${mode}.sqlite`);
      expect(() => openArchive(missing, mode)).toThrow(expect.objectContaining({ code: 'E_ARCHIVE' }));
      expect(existsSync(missing)).toBe(false);
    }
    const writer = new BetterSqlite3(file);
    writer.prepare('DELETE FROM schema_migrations WHERE id = (SELECT max(id) FROM schema_migrations)').run();
    writer.close();
    expect(() => openArchive(file, 'serve')).toThrow(expect.objectContaining({ code: 'E_ARCHIVE' }));
    openArchive(file, 'query').close();
  });
});
