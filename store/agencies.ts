/**
 * Agencies (the bodies that publish reports), keyed per portal by the portal-local key kept verbatim
 * (e.g. the xxgk `area`). `uscc` is filled only when that key is a valid 统一社会信用代码.
 */
import type { Database } from 'better-sqlite3';
import { nowIso, stmt } from './statements.ts';
import { usccFromKey } from './uscc.ts';

export type AgencyKind = '部门' | '本级政府' | '乡镇街道';
/** Where the agency was learnt from, most trusted first. */
export type AgencySource = 'config' | 'catalogue' | 'report';

export interface AgencyInput {
  readonly portalId: string;
  readonly key: string;
  /** Name as known; an empty string means unknown and never replaces a known name. */
  readonly name: string;
  /** null = unknown; never replaces a known kind. */
  readonly kind: AgencyKind | null;
  readonly source: AgencySource;
}

export interface AgencyRow {
  readonly id: number;
  readonly portalId: string;
  readonly key: string;
  readonly name: string;
  readonly uscc: string | null;
  readonly kind: AgencyKind | null;
  readonly source: AgencySource;
  readonly firstSeenAt: string;
  readonly updatedAt: string;
}

interface RawAgency {
  id: number;
  portal_id: string;
  key: string;
  name: string;
  uscc: string | null;
  kind: AgencyKind | null;
  source: AgencySource;
  first_seen_at: string;
  updated_at: string;
}

const RANK_SQL = (column: string): string => `CASE ${column} WHEN 'config' THEN 0 WHEN 'catalogue' THEN 1 ELSE 2 END`;

/**
 * Inserts the agency or updates it: a name is replaced only by a non-empty name from an equally or more trusted
 * source (config > catalogue > report), a kind only by a non-null kind, and the source only by a more trusted one.
 * Returns the agency id.
 */
export function upsertAgency(db: Database, agency: AgencyInput): number {
  const now = nowIso();
  const row = stmt(
    db,
    `INSERT INTO agencies (portal_id, key, name, uscc, kind, source, first_seen_at, updated_at)
     VALUES (@portalId, @key, @name, @uscc, @kind, @source, @now, @now)
     ON CONFLICT (portal_id, key) DO UPDATE SET
       name = CASE WHEN excluded.name <> '' AND (name = '' OR ${RANK_SQL('excluded.source')} <= ${RANK_SQL('source')})
                   THEN excluded.name ELSE name END,
       kind = COALESCE(excluded.kind, kind),
       source = CASE WHEN ${RANK_SQL('excluded.source')} < ${RANK_SQL('source')} THEN excluded.source ELSE source END,
       updated_at = excluded.updated_at
     RETURNING id`,
  ).get({ portalId: agency.portalId, key: agency.key, name: agency.name.trim(), uscc: usccFromKey(agency.key), kind: agency.kind, source: agency.source, now }) as {
    id: number;
  };
  return row.id;
}

export function findAgency(db: Database, portalId: string, key: string): AgencyRow | null {
  const row = stmt(db, 'SELECT * FROM agencies WHERE portal_id = ? AND key = ?').get(portalId, key) as RawAgency | undefined;
  return row === undefined ? null : toAgency(row);
}

export function getAgency(db: Database, id: number): AgencyRow | null {
  const row = stmt(db, 'SELECT * FROM agencies WHERE id = ?').get(id) as RawAgency | undefined;
  return row === undefined ? null : toAgency(row);
}

/** All agencies, or those of one portal, ordered by portal and key. */
export function listAgencies(db: Database, portalId?: string): AgencyRow[] {
  const rows =
    portalId === undefined
      ? (stmt(db, 'SELECT * FROM agencies ORDER BY portal_id, key').all() as RawAgency[])
      : (stmt(db, 'SELECT * FROM agencies WHERE portal_id = ? ORDER BY key').all(portalId) as RawAgency[]);
  return rows.map(toAgency);
}

function toAgency(row: RawAgency): AgencyRow {
  return {
    id: row.id,
    portalId: row.portal_id,
    key: row.key,
    name: row.name,
    uscc: row.uscc,
    kind: row.kind,
    source: row.source,
    firstSeenAt: row.first_seen_at,
    updatedAt: row.updated_at,
  };
}
