/** Read model of comparisons: chosen cells of the current reports of chosen bodies and years. */
import type { Database } from 'better-sqlite3';
import { stmt } from './statements.ts';

export interface CompareQuery {
  readonly agencyIds: readonly number[];
  /** Empty = every year. */
  readonly years: readonly number[];
  readonly keys: readonly string[];
}

export interface CompareValue {
  readonly reportId: number;
  readonly agencyId: number;
  readonly year: number;
  readonly key: string;
  /** null = blank / not found, never 0. */
  readonly value: number | null;
}

/**
 * Values of `keys` in the current reports of the bodies (and years), ordered by body, year and key (sorted here:
 * SQLite's sorter for a few dozen rows costs more than the query). CROSS JOIN keeps SQLite from starting at
 * `cells_key` (every report's cell of that key): reports of the bodies first, then their cells by primary key.
 */
export function compareValues(db: Database, query: CompareQuery): CompareValue[] {
  if (query.agencyIds.length === 0 || query.keys.length === 0) return [];
  const list = (n: number): string => Array.from({ length: n }, () => '?').join(', ');
  const yearSql = query.years.length === 0 ? '' : ` AND r.year IN (${list(query.years.length)})`;
  const sql = `SELECT r.id AS report_id, r.agency_id, r.year, c.key, c.value
    FROM reports r CROSS JOIN cells c ON c.report_id = r.id
    WHERE r.is_current = 1 AND r.year IS NOT NULL AND r.agency_id IN (${list(query.agencyIds.length)})${yearSql}
      AND c.key IN (${list(query.keys.length)})`;
  const rows = stmt(db, sql).all(...query.agencyIds, ...query.years, ...query.keys) as {
    report_id: number;
    agency_id: number;
    year: number;
    key: string;
    value: number | null;
  }[];
  return rows
    .map((r) => ({ reportId: r.report_id, agencyId: r.agency_id, year: r.year, key: r.key, value: r.value }))
    .sort((a, b) => a.agencyId - b.agencyId || a.year - b.year || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
