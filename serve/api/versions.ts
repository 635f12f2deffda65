/** `GET /api/reports/:id/versions`: the document's versions on a timeline, each with its cell changes and their Chinese labels. */
import type { Database } from 'better-sqlite3';
import { cellLabelZh } from '../../extract/template/labels-zh.ts';
import { versionTimeline } from '../../store/serve-versions.ts';
import { notFound } from '../http/http-error.ts';

export function versionsAnswer(db: Database, id: number): unknown {
  const steps = versionTimeline(db, id);
  if (steps === null) throw notFound(`report ${id}`);
  return { reportId: id, versions: steps.map((s) => ({ ...s, changes: s.changes.map((c) => ({ ...c, label: cellLabelZh(c.key) })) })) };
}
