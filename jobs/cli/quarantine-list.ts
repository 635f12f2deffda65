/** Quarantined captures for people and for `--json` (`nianbao show --quarantine`, `nianbao reports --quarantine`). */
import type { Database } from 'better-sqlite3';
import { EXTRACTOR_VERSION } from '../../extract/version.ts';
import { listQuarantinedCaptures, quarantineRecord, type QuarantinedCapture } from '../../store/extraction-quarantine.ts';
import { formatTable } from './output.ts';

/** Captures the current extractor skips (a newer extractor version tries them again). */
export function currentQuarantine(db: Database, portalId?: string): QuarantinedCapture[] {
  return listQuarantinedCaptures(db, { extractorVersion: EXTRACTOR_VERSION, ...(portalId === undefined ? {} : { portalId }) });
}

export function quarantineJson(rows: readonly QuarantinedCapture[]): object[] {
  return rows.map(quarantineRecord);
}

export function formatQuarantine(rows: readonly QuarantinedCapture[]): string {
  if (rows.length === 0) return `no quarantined captures (extractor ${EXTRACTOR_VERSION})`;
  const table = formatTable(
    ['capture', 'portal', 'code', 'attempts', 'quarantined', 'url'],
    rows.map((q) => [String(q.captureId), q.portalId, q.code, String(q.attempts), q.quarantinedAt, q.url]),
  );
  return [
    `${rows.length} quarantined capture(s): their extraction crashed or timed out twice; skipped until the extractor changes (now ${EXTRACTOR_VERSION})`,
    table,
  ].join('\n');
}

/** One line under a report listing when pages are quarantined, or ''. */
export function quarantineFooter(rows: readonly QuarantinedCapture[]): string {
  return rows.length === 0 ? '' : `\n${rows.length} page(s) quarantined, not read: nianbao show --quarantine`;
}
