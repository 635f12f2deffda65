/**
 * Ranked report ids of search queries, kept per archive version so that paging and filtering never rank twice.
 *
 * A ranking depends only on each report (bm25 over the whole index, or occurrences; then year and id), so filtering
 * by portal, year or template keeps the order: the server ranks a query's terms once over every current report and
 * filters that list in memory for each combination of those filters. Queries filtering by agency or failing check
 * are ranked by SQLite with their filters. Least recently used lists go first.
 */
import type { Database } from 'better-sqlite3';
import { currentReportFacets, rankedReportIds, type ReportFacets, type SearchQuery } from '../../store/search.ts';
import { dataVersion } from '../../store/serve-open.ts';

/** Ranked id lists kept per connection. */
const MAX_LISTS = 512;

interface VersionRankings {
  readonly version: number;
  readonly lists: Map<string, readonly number[]>;
  facets: Map<number, ReportFacets> | null;
}

const byDb = new WeakMap<Database, VersionRankings>();

function rankingsOf(db: Database): VersionRankings {
  const version = dataVersion(db);
  let rankings = byDb.get(db);
  if (rankings === undefined || rankings.version !== version) {
    rankings = { version, lists: new Map(), facets: null };
    byDb.set(db, rankings);
  }
  return rankings;
}

function remembered(rankings: VersionRankings, key: string, rank: () => readonly number[]): readonly number[] {
  let ids = rankings.lists.get(key);
  if (ids !== undefined) rankings.lists.delete(key);
  else {
    ids = rank();
    if (rankings.lists.size >= MAX_LISTS) rankings.lists.delete(rankings.lists.keys().next().value!);
  }
  rankings.lists.set(key, ids);
  return ids;
}

/** Whether the query's filters can be applied to the ranking of its terms alone. */
function filtersInMemory(query: SearchQuery): boolean {
  return query.agency === undefined && query.failingCheck === undefined && query.status === undefined && query.allVersions !== true;
}

function matchesFacets(facets: ReportFacets | undefined, query: SearchQuery): boolean {
  return (
    facets !== undefined &&
    (query.year === undefined || facets.year === query.year) &&
    (query.portalId === undefined || facets.portalId === query.portalId) &&
    (query.template === undefined || facets.template === query.template)
  );
}

/** Every report matching the query, best first: the order of store/search.ts's rankedReportIds. */
export function rankedIds(db: Database, query: SearchQuery): readonly number[] {
  const rankings = rankingsOf(db);
  const key = JSON.stringify([query.text, query.portalId, query.agency, query.year, query.template, query.failingCheck, query.status, query.allVersions]);
  if (!filtersInMemory(query)) return remembered(rankings, key, () => rankedReportIds(db, query));
  return remembered(rankings, key, () => {
    const all = remembered(rankings, JSON.stringify([query.text]), () => rankedReportIds(db, { text: query.text }));
    if (query.year === undefined && query.portalId === undefined && query.template === undefined) return all;
    rankings.facets ??= currentReportFacets(db);
    const facets = rankings.facets;
    return all.filter((id) => matchesFacets(facets.get(id), query));
  });
}
