/** `GET /api/reports?portal=&year=&agency=`: current reports, as `nianbao reports --json` lists them. */
import type { Database } from 'better-sqlite3';
import { listReports } from '../../store/reports.ts';
import { intParam, textParam } from '../http/query.ts';

export function reportsAnswer(db: Database, params: URLSearchParams): unknown {
  const portalId = textParam(params, 'portal');
  const year = intParam(params, 'year', { min: 1990, max: 2100 });
  const agency = textParam(params, 'agency');
  return listReports(db, {
    ...(portalId === undefined ? {} : { portalId }),
    ...(year === undefined ? {} : { year }),
    ...(agency === undefined ? {} : { agency }),
  });
}
