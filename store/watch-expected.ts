/**
 * The user's list of expected bodies (`--expected FILE`): bodies to add to what the portals show, and bodies to
 * retire (merged, abolished). The last list given replaces the previous one, so later runs keep using it.
 */
import type { Database } from 'better-sqlite3';
import type { AgencyKind } from './agencies.ts';
import { nowIso, stmt } from './statements.ts';

export interface ExpectedBodyEntry {
  readonly portalId: string;
  /** Portal-local key (the xxgk `area`, or the body's name when it has no key). */
  readonly key: string;
  readonly action: 'add' | 'retire';
  readonly name: string | null;
  readonly kind: AgencyKind | null;
  /** First report year the entry applies to (inclusive), or null = from the start. */
  readonly fromYear: number | null;
  /** Last report year the entry applies to (inclusive), or null = open-ended. */
  readonly toYear: number | null;
}

export interface StoredExpectedBody extends ExpectedBodyEntry {
  /** The file the entry came from. */
  readonly source: string;
  readonly updatedAt: string;
}

/** Replaces the stored list with `entries` (one transaction). */
export function replaceExpectedBodies(db: Database, entries: readonly ExpectedBodyEntry[], source: string): void {
  const insert = stmt(
    db,
    `INSERT INTO expected_bodies (portal_id, key, action, name, kind, from_year, to_year, source, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (portal_id, key, action) DO UPDATE SET name = excluded.name, kind = excluded.kind,
       from_year = excluded.from_year, to_year = excluded.to_year, source = excluded.source, updated_at = excluded.updated_at`,
  );
  db.transaction(() => {
    stmt(db, 'DELETE FROM expected_bodies').run();
    const now = nowIso();
    for (const e of entries) insert.run(e.portalId, e.key, e.action, e.name, e.kind, e.fromYear, e.toYear, source, now);
  })();
}

export function listExpectedBodies(db: Database): StoredExpectedBody[] {
  const rows = stmt(db, 'SELECT * FROM expected_bodies ORDER BY portal_id, key, action').all() as {
    portal_id: string;
    key: string;
    action: 'add' | 'retire';
    name: string | null;
    kind: AgencyKind | null;
    from_year: number | null;
    to_year: number | null;
    source: string;
    updated_at: string;
  }[];
  return rows.map((r) => ({
    portalId: r.portal_id,
    key: r.key,
    action: r.action,
    name: r.name,
    kind: r.kind,
    fromYear: r.from_year,
    toYear: r.to_year,
    source: r.source,
    updatedAt: r.updated_at,
  }));
}
