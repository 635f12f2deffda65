/**
 * Apply pending migrations, each in one IMMEDIATE transaction together with its `schema_migrations` row:
 * a migration is either wholly applied and recorded, or not at all (a crash or an error rolls both back).
 */
import type { Database } from 'better-sqlite3';
import { StopError } from '../common/errors.ts';
import { MIGRATIONS, type Migration } from './migrations/index.ts';
import { nowIso } from './statements.ts';

export interface AppliedMigration {
  readonly id: number;
  readonly name: string;
  readonly appliedAt: string;
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  applied_at  TEXT NOT NULL
) STRICT`;

/** Applies what is pending; returns the ids applied now (empty when the archive was up to date). */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  assertOrdered(migrations);
  db.exec(CREATE_TABLE);
  assertKnown(db, migrations);
  const applied: number[] = [];
  for (const migration of migrations) {
    const apply = db.transaction(() => {
      // Re-checked inside the write lock: another process may have applied it meanwhile.
      if (db.prepare('SELECT 1 FROM schema_migrations WHERE id = ?').get(migration.id) !== undefined) return false;
      migration.up(db);
      db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)').run(migration.id, migration.name, nowIso());
      return true;
    });
    if (apply.immediate()) applied.push(migration.id);
  }
  return applied;
}

export function appliedMigrations(db: Database): AppliedMigration[] {
  const rows = db.prepare('SELECT id, name, applied_at FROM schema_migrations ORDER BY id').all() as { id: number; name: string; applied_at: string }[];
  return rows.map((r) => ({ id: r.id, name: r.name, appliedAt: r.applied_at }));
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.id !== i + 1) throw new Error(`migration list out of order: expected id ${i + 1}, got ${m.id} (${m.name})`);
  });
}

/** An archive recording a migration this code does not have was written by a newer (or different) nianbao. */
function assertKnown(db: Database, migrations: readonly Migration[]): void {
  const known = new Map(migrations.map((m) => [m.id, m.name]));
  for (const row of appliedMigrations(db)) {
    if (known.get(row.id) !== row.name) {
      throw new StopError(
        'E_ARCHIVE',
        `archive records migration ${row.id} "${row.name}", which this version of nianbao does not know: it was written by a newer version; upgrade nianbao or use another --db file`,
      );
    }
  }
}
