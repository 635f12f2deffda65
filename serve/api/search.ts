/**
 * `GET /api/search?q=&portal=&agency=&year=&template=&failingCheck=&limit=&offset=`: full-text search through
 * store/search.ts. The ranked ids of a query come from search-rankings.ts (kept per archive version); each page
 * then reads only its own hits.
 */
import type { Database } from 'better-sqlite3';
import { searchHitsForIds, type SearchQuery } from '../../store/search.ts';
import { badRequest } from '../http/http-error.ts';
import { intParam, textParam } from '../http/query.ts';
import { rankedIds } from './search-rankings.ts';

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
  const query: SearchQuery = {
    text,
    marks: 'html',
    limit,
    offset,
    ...(portalId === undefined ? {} : { portalId }),
    ...(agency === undefined ? {} : { agency }),
    ...(year === undefined ? {} : { year }),
    ...(template === undefined ? {} : { template }),
    ...(failingCheck === undefined ? {} : { failingCheck }),
  };
  const results = searchHitsForIds(db, rankedIds(db, query).slice(offset, offset + limit), query);
  return { query: text, limit, offset, results };
}
