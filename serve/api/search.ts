/** `GET /api/search?q=&portal=&agency=&year=&template=&failingCheck=&limit=&offset=`: full-text search through store/search.ts. */
import type { Database } from 'better-sqlite3';
import { searchReports } from '../../store/search.ts';
import { badRequest } from '../http/http-error.ts';
import { intParam, textParam } from '../http/query.ts';

const TEMPLATES = new Set(['2021', '2019', 'older']);

export function searchAnswer(db: Database, params: URLSearchParams): unknown {
  const text = textParam(params, 'q') ?? '';
  const template = textParam(params, 'template');
  if (template !== undefined && !TEMPLATES.has(template)) throw badRequest(`template: expected 2021, 2019 or older, got "${template}"`);
  const portalId = textParam(params, 'portal');
  const agency = textParam(params, 'agency');
  const failingCheck = textParam(params, 'failingCheck');
  const year = intParam(params, 'year', { min: 1990, max: 2100 });
  const limit = intParam(params, 'limit', { min: 1, max: 200 }) ?? 20;
  const offset = intParam(params, 'offset', { max: 100_000 }) ?? 0;
  const results = searchReports(db, {
    text,
    marks: 'html',
    limit,
    offset,
    ...(portalId === undefined ? {} : { portalId }),
    ...(agency === undefined ? {} : { agency }),
    ...(year === undefined ? {} : { year }),
    ...(template === undefined ? {} : { template }),
    ...(failingCheck === undefined ? {} : { failingCheck }),
  });
  return { query: text, limit, offset, results };
}
