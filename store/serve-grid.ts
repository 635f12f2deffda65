/** Read model of the agencies × years grid: every agency and every current report, with failing-check counts. */
import type { Database } from 'better-sqlite3';
import type { AgencyKind } from './agencies.ts';
import { stmt } from './statements.ts';

export interface GridFilter {
  readonly portalId?: string;
  readonly kind?: AgencyKind;
}

export interface GridAgency {
  readonly id: number;
  readonly portalId: string;
  readonly key: string;
  readonly name: string;
  readonly kind: AgencyKind | null;
}

export interface GridReport {
  readonly id: number;
  readonly portalId: string;
  /** null when the body is unknown to the archive (then `agencyName` is as printed). */
  readonly agencyId: number | null;
  readonly agencyName: string | null;
  readonly year: number | null;
  readonly template: string;
  readonly failingChecks: number;
}

function where(filter: GridFilter, alias: string, kindColumn: string): { sql: string; params: Record<string, string> } {
  const clauses: string[] = [];
  const params: Record<string, string> = {};
  if (filter.portalId !== undefined) {
    clauses.push(`${alias}.portal_id = @portalId`);
    params.portalId = filter.portalId;
  }
  if (filter.kind !== undefined) {
    clauses.push(`${kindColumn} = @kind`);
    params.kind = filter.kind;
  }
  return { sql: clauses.length === 0 ? '' : ` WHERE ${clauses.join(' AND ')}`, params };
}

/** Every agency matching the filter, portal by portal in configuration order, then by name. */
export function gridAgencies(db: Database, filter: GridFilter = {}): GridAgency[] {
  const w = where(filter, 'a', 'a.kind');
  // Portals in the order they were first configured (the first portal of the list on top), then bodies by name.
  const rows = stmt(db, `SELECT id, portal_id, key, name, kind FROM agencies a${w.sql} ORDER BY (SELECT p.rowid FROM portals p WHERE p.id = a.portal_id), name, id`).all(w.params) as {
    id: number;
    portal_id: string;
    key: string;
    name: string;
    kind: AgencyKind | null;
  }[];
  return rows.map((r) => ({ id: r.id, portalId: r.portal_id, key: r.key, name: r.name, kind: r.kind }));
}

/** Current report versions (one per document) matching the filter; a kind filter drops reports of unknown bodies. */
export function gridReports(db: Database, filter: GridFilter = {}): GridReport[] {
  const w = where(filter, 'r', 'a.kind');
  const rows = stmt(
    db,
    `SELECT r.id, r.portal_id, r.agency_id, COALESCE(a.name, r.agency_name) AS agency_name, r.year, r.template,
       s.failing_count AS failing
     FROM reports r JOIN report_summaries s ON s.report_id = r.id LEFT JOIN agencies a ON a.id = r.agency_id${w.sql}${w.sql === '' ? ' WHERE' : ' AND'} r.is_current = 1
     ORDER BY r.id`,
  ).all(w.params) as { id: number; portal_id: string; agency_id: number | null; agency_name: string | null; year: number | null; template: string; failing: number }[];
  return rows.map((r) => ({
    id: r.id,
    portalId: r.portal_id,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    year: r.year,
    template: r.template,
    failingChecks: r.failing,
  }));
}
