/**
 * `GET /api/quarantine?portal=`: report pages the current extractor skips as poison (their extraction crashed or timed
 * out twice), as `nianbao show --quarantine --json` lists them.
 */
import type { Database } from 'better-sqlite3';
import { EXTRACTOR_VERSION } from '../../extract/version.ts';
import { listQuarantinedCaptures, quarantineRecord } from '../../store/extraction-quarantine.ts';
import { textParam } from '../http/query.ts';

export function quarantineAnswer(db: Database, params: URLSearchParams): unknown {
  const portalId = textParam(params, 'portal');
  return listQuarantinedCaptures(db, { extractorVersion: EXTRACTOR_VERSION, ...(portalId === undefined ? {} : { portalId }) }).map((q) => ({
    ...quarantineRecord(q),
    archiveUrl: `/archive/captures/${q.captureId}/page`,
  }));
}
