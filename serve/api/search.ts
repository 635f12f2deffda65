/**
 * `GET /api/search?q=&portal=&agency=&year=&template=&failingCheck=&limit=&offset=`: full-text search through
 * store/search.ts. The ranked ids of a query come from search-rankings.ts (kept per archive version); each page
 * then reads only its own hits. Text parameters holding control characters are refused with 400 E_BAD_REQUEST.
 */
import type { Database } from 'better-sqlite3';
import { searchHitsForIds, type SearchQuery } from '../../store/search.ts';
import { badRequest } from '../http/http-error.ts';
import { intParam, textParam } from '../http/query.ts';
import { rankedIds } from './search-rankings.ts';

const TEMPLATES = new Set(['2021', '2019', 'older']);

/** C0 and C1 control characters other than tab and line breaks (which are read as spaces). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;

/** A text parameter of the search: control characters are refused (400), tabs and line breaks become spaces. */
function searchText(params: URLSearchParams, name: string): string | undefined {
  const value = textParam(params, name);
  if (value === undefined) return undefined;
  const at = value.search(CONTROL);
  if (at >= 0) throw badRequest(`${name}: control character U+${value.codePointAt(at)!.toString(16).toUpperCase().padStart(4, '0')} at position ${at + 1}; search text cannot hold control characters`);
  return value.replace(/[\t\r\n]+/g, ' ');
}

export function searchAnswer(db: Database, params: URLSearchParams): unknown {
  const text = searchText(params, 'q') ?? '';
  const template = searchText(params, 'template');
  if (template !== undefined && !TEMPLATES.has(template)) throw badRequest(`template: expected 2021, 2019 or older, got "${template}"`);
  const portalId = searchText(params, 'portal');
  const agency = searchText(params, 'agency');
  const failingCheck = searchText(params, 'failingCheck');
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
