/**
 * `GET /api/search?q=&portal=&agency=&year=&template=&failingCheck=&limit=&offset=`: full-text search through
 * store/search.ts. The ranked list of matching report ids of a query (its terms and filters, not its page) is kept
 * per archive version, so paging through a query ranks it once; each page then reads only its own hits.
 */
import type { Database } from 'better-sqlite3';
import { rankedReportIds, searchHitsForIds, type SearchQuery } from '../../store/search.ts';
import { dataVersion } from '../../store/serve-open.ts';
import { badRequest } from '../http/http-error.ts';
import { intParam, textParam } from '../http/query.ts';

const TEMPLATES = new Set(['2021', '2019', 'older']);
/** Ranked id lists kept per connection (least recently used out first). */
const MAX_RANKINGS = 512;

interface Rankings {
  version: number;
  readonly lists: Map<string, readonly number[]>;
}

const rankingsByDb = new WeakMap<Database, Rankings>();

function ranked(db: Database, query: SearchQuery): readonly number[] {
  const version = dataVersion(db);
  let rankings = rankingsByDb.get(db);
  if (rankings === undefined) {
    rankings = { version, lists: new Map() };
    rankingsByDb.set(db, rankings);
  }
  if (rankings.version !== version) {
    rankings.lists.clear();
    rankings.version = version;
  }
  const key = JSON.stringify([query.text, query.portalId, query.agency, query.year, query.template, query.failingCheck]);
  let ids = rankings.lists.get(key);
  if (ids !== undefined) {
    rankings.lists.delete(key);
  } else {
    ids = rankedReportIds(db, query);
    if (rankings.lists.size >= MAX_RANKINGS) rankings.lists.delete(rankings.lists.keys().next().value!);
  }
  rankings.lists.set(key, ids);
  return ids;
}

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
  const results = searchHitsForIds(db, ranked(db, query).slice(offset, offset + limit), query);
  return { query: text, limit, offset, results };
}
