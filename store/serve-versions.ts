/**
 * Read model of a report's version timeline (`GET /api/reports/:id/versions`): every version of the document, oldest
 * first, each with the cells whose value differs from the version before it (null and 0 differ).
 */
import type { Database } from 'better-sqlite3';
import { versionsOf, type VersionRow } from './reports.ts';
import { stmt } from './statements.ts';

export interface VersionChange {
  readonly key: string;
  readonly before: number | null;
  readonly after: number | null;
}

export interface VersionStep extends VersionRow {
  /** Cells changed since the previous version (empty for the first). */
  readonly changes: readonly VersionChange[];
}

const DIFF_SQL = `SELECT k.key,
    (SELECT value FROM cells WHERE report_id = @before AND key = k.key) AS before,
    (SELECT value FROM cells WHERE report_id = @after AND key = k.key) AS after
  FROM (SELECT DISTINCT key FROM cells WHERE report_id IN (@before, @after)) k
  WHERE before IS NOT after
  ORDER BY k.key`;

/** The document's versions with their cell changes, or null when there is no report `id`. */
export function versionTimeline(db: Database, id: number): VersionStep[] | null {
  const key = stmt(db, 'SELECT report_key FROM reports WHERE id = ?').pluck().get(id) as string | undefined;
  if (key === undefined) return null;
  const versions = versionsOf(db, key);
  return versions.map((v, i) => {
    const previous = versions[i - 1];
    const changes = previous === undefined ? [] : (stmt(db, DIFF_SQL).all({ before: previous.id, after: v.id }) as VersionChange[]);
    return { ...v, changes };
  });
}
