/** Portals: one row per configured (or ad-hoc) government website. */
import type { Database } from 'better-sqlite3';
import { fromJson, nowIso, stmt, toJson } from './statements.ts';

export interface PortalInput {
  /** Stable short id, e.g. `yanzhou`. */
  readonly id: string;
  readonly family: string;
  readonly baseUrl: string;
  readonly name: string;
  /** The portal's configuration as JSON-able data, or null. */
  readonly config: unknown;
}

export interface PortalRow {
  readonly id: string;
  readonly family: string;
  readonly baseUrl: string;
  readonly name: string;
  readonly config: unknown;
  readonly createdAt: string;
  readonly updatedAt: string;
}

interface RawPortal {
  id: string;
  family: string;
  base_url: string;
  name: string;
  config: string | null;
  created_at: string;
  updated_at: string;
}

/** Inserts or updates by id (the latest configuration wins). */
export function upsertPortal(db: Database, portal: PortalInput): void {
  const now = nowIso();
  stmt(
    db,
    `INSERT INTO portals (id, family, base_url, name, config, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET family = excluded.family, base_url = excluded.base_url, name = excluded.name,
       config = excluded.config, updated_at = excluded.updated_at
     WHERE family IS NOT excluded.family OR base_url IS NOT excluded.base_url OR name IS NOT excluded.name
       OR config IS NOT excluded.config`,
  ).run(portal.id, portal.family, portal.baseUrl, portal.name, toJson(portal.config), now, now);
}

export function getPortal(db: Database, id: string): PortalRow | null {
  const row = stmt(db, 'SELECT * FROM portals WHERE id = ?').get(id) as RawPortal | undefined;
  return row === undefined ? null : toPortal(row);
}

export function listPortals(db: Database): PortalRow[] {
  return (stmt(db, 'SELECT * FROM portals ORDER BY id').all() as RawPortal[]).map(toPortal);
}

function toPortal(row: RawPortal): PortalRow {
  return {
    id: row.id,
    family: row.family,
    baseUrl: row.base_url,
    name: row.name,
    config: fromJson(row.config),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
