/**
 * Prepared-statement cache: each SQL string is prepared once per connection and reused.
 * Statements live as long as their connection (a WeakMap keyed by the Database).
 */
import type { Database, Statement } from 'better-sqlite3';

const caches = new WeakMap<Database, Map<string, Statement>>();

export function stmt(db: Database, sql: string): Statement {
  let cache = caches.get(db);
  if (cache === undefined) {
    cache = new Map();
    caches.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (prepared === undefined) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}

/** ISO timestamp (UTC, milliseconds) used for every *_at column the store fills itself. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** JSON column value: `null` stays SQL NULL. */
export function toJson(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

/** Parse a JSON column; SQL NULL → null. */
export function fromJson<T = unknown>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}
