/**
 * Full-text search over report text (title, agency name as printed, body text).
 *
 * How a query is answered: the text is split on whitespace into terms that must all occur (AND). Terms of three or
 * more characters go to the FTS5 trigram index `reports_fts` (migration 003), which finds any substring of 3+
 * characters and ranks by bm25. The trigram tokenizer cannot match 1–2 characters (信访, 规章, 镇), so shorter terms
 * are checked with instr() over the text of the reports the other conditions leave: a scan, linear in the text of
 * the candidate reports (see docs/research-queries.md for why not a bigram index). Matching is case-insensitive
 * for ASCII letters, like the trigram index. On an archive without `reports_fts` every term is scanned.
 *
 * A query is answered in two steps: rankedReportIds sorts only the ids of every match (no text carried through the
 * sort), then searchHitsForIds reads the page's rows and builds their snippets. `nianbao serve` keeps the ranking.
 */
import type { Database } from 'better-sqlite3';
import { StopError } from '../common/errors.ts';
import { findWatchStatusTable, watchStatusCondition } from './search-status.ts';
import { makeSnippet, type MarkStyle } from './search-snippet.ts';
import { stmt } from './statements.ts';

export type { MarkStyle } from './search-snippet.ts';

export interface SearchQuery {
  /** Terms separated by whitespace, all required; `"…"` keeps a phrase with spaces together. Empty: filters only. */
  readonly text: string;
  readonly portalId?: string;
  /** Agency key, USCC, or part of its name (archive name or name as printed). */
  readonly agency?: string;
  readonly year?: number;
  /** `2021` · `2019` · `older`. */
  readonly template?: string;
  /** A failing check id (`t3.balance.total`) or a prefix (`t3`, `t3.`, `t3.balance`): reports failing a matching check. */
  readonly failingCheck?: string;
  /** Watch status of the report's body × year (needs the watch tables of `nianbao nightly`, else E_USAGE). */
  readonly status?: string;
  /** Search superseded versions too (default: current versions only). */
  readonly allVersions?: boolean;
  /** How hits are marked in `snippet` (default `brackets`: 【hit】; `html`: escaped text with <mark>hit</mark>). */
  readonly marks?: MarkStyle;
  /** Default 20. */
  readonly limit?: number;
  readonly offset?: number;
}

export interface SearchHit {
  readonly reportId: number;
  readonly title: string | null;
  /** The archive's name of the body, else the name printed in the report. */
  readonly agency: string | null;
  readonly year: number | null;
  readonly portalId: string;
  readonly url: string;
  /** One line of text around the first hit; hits in 【】 (or <mark></mark> with `marks: 'html'`). */
  readonly snippet: string;
  readonly template: string;
  readonly version: number;
  readonly isCurrent: boolean;
  readonly failingChecks: number;
}

/** Shortest term the trigram index can answer. */
export const TRIGRAM_MIN_CHARS = 3;

/** Terms of a query: NFC, split on whitespace, `"quoted phrases"` kept whole, duplicates dropped. */
export function searchTerms(text: string): string[] {
  const terms: string[] = [];
  for (const match of text.normalize('NFC').matchAll(/"([^"]*)"|(\S+)/gu)) {
    const term = (match[1] ?? match[2] ?? '').trim();
    if (term.length > 0 && !terms.includes(term)) terms.push(term);
  }
  return terms;
}

interface BuiltQuery {
  readonly from: string;
  readonly where: string;
  readonly order: string;
  readonly params: Record<string, string | number>;
  readonly terms: readonly string[];
}

const RAW_TEXT_EXPR = "(COALESCE(r.title, '') || ' ' || COALESCE(r.agency_name, '') || ' ' || r.full_text)";

/** The searched text as SQL: lower-cased (SQLite folds ASCII only) unless the term has no ASCII letter to fold. */
function textExpr(term: string): string {
  return /[A-Za-z]/.test(term) ? `lower${RAW_TEXT_EXPR}` : RAW_TEXT_EXPR;
}

function hasFtsIndex(db: Database): boolean {
  return stmt(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'reports_fts'").get() !== undefined;
}

function buildQuery(db: Database, q: SearchQuery): BuiltQuery {
  const terms = searchTerms(q.text);
  const useFts = hasFtsIndex(db);
  const long = useFts ? terms.filter((t) => [...t].length >= TRIGRAM_MIN_CHARS) : [];
  const short = terms.filter((t) => !long.includes(t));
  const clauses: string[] = [];
  const params: Record<string, string | number> = {};
  let from = 'reports r';
  let order = 'r.year DESC, r.id';
  if (long.length > 0) {
    from = 'reports_fts JOIN reports r ON r.id = reports_fts.rowid';
    clauses.push('reports_fts MATCH @match');
    params.match = long.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ');
    order = 'bm25(reports_fts), r.year DESC, r.id';
  }
  short.forEach((term, i) => {
    clauses.push(`instr(${textExpr(term)}, @s${i}) > 0`);
    params[`s${i}`] = term.toLowerCase();
  });
  if (long.length === 0 && short.length > 0) {
    const text = textExpr(short[0]!);
    order = `(length(${text}) - length(replace(${text}, @s0, ''))) DESC, r.year DESC, r.id`;
  }
  from += ' LEFT JOIN agencies a ON a.id = r.agency_id';
  if (!(q.allVersions ?? false)) clauses.push('r.is_current = 1');
  addFilters(db, q, clauses, params);
  return { from, where: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, order, params, terms };
}

function addFilters(db: Database, q: SearchQuery, clauses: string[], params: Record<string, string | number>): void {
  if (q.portalId !== undefined) {
    clauses.push('r.portal_id = @portalId');
    params.portalId = q.portalId;
  }
  if (q.agency !== undefined) {
    clauses.push('(a.key = @agency OR a.uscc = @agency OR instr(a.name, @agency) > 0 OR instr(r.agency_name, @agency) > 0)');
    params.agency = q.agency;
  }
  if (q.year !== undefined) {
    clauses.push('r.year = @year');
    params.year = q.year;
  }
  if (q.template !== undefined) {
    clauses.push('r.template = @template');
    params.template = q.template;
  }
  if (q.failingCheck !== undefined) {
    const exact = q.failingCheck.replace(/\*$/, '');
    const prefix = exact.endsWith('.') ? exact : `${exact}.`;
    clauses.push(
      'EXISTS (SELECT 1 FROM check_results k WHERE k.report_id = r.id AND k.ok = 0 AND (k.check_id = @checkExact OR substr(k.check_id, 1, length(@checkPrefix)) = @checkPrefix))',
    );
    params.checkExact = exact;
    params.checkPrefix = prefix;
  }
  if (q.status !== undefined) {
    if (findWatchStatusTable(db) === null) {
      throw new StopError('E_USAGE', 'filtering by watch status needs the watch tables that `nianbao nightly` creates; this archive has none yet');
    }
    clauses.push(watchStatusCondition('r', 'a', '@status'));
    params.status = q.status;
  }
}

interface RawHit {
  id: number;
  title: string | null;
  agency: string | null;
  year: number | null;
  portal_id: string;
  url: string;
  template: string;
  version: number;
  is_current: number;
  full_text: string;
  failing_checks: number;
}

/** Reports matching every term and filter, best first (bm25 when the index is used, else most occurrences). */
export function searchReports(db: Database, q: SearchQuery): SearchHit[] {
  const offset = Math.max(0, q.offset ?? 0);
  const limit = q.limit ?? 20;
  const ids = rankedReportIds(db, q);
  // SQLite's LIMIT -1 meant "no limit": keep that.
  return searchHitsForIds(db, limit < 0 ? ids.slice(offset) : ids.slice(offset, offset + limit), q);
}

/**
 * Every report matching the query's terms and filters, best first — the order searchReports pages through (limit
 * and offset ignored). Only ids are ranked and sorted (no text carried through the sort), so a server can keep the
 * list and answer every page of the same query from it.
 */
export function rankedReportIds(db: Database, q: SearchQuery): number[] {
  const built = buildQuery(db, q);
  return stmt(db, `SELECT r.id FROM ${built.from} ${built.where} ORDER BY ${built.order}`).pluck().all(built.params) as number[];
}

/** The hits (snippets marked for the query's terms) of reports `ids`, in that order; ids not in the archive are skipped. */
export function searchHitsForIds(db: Database, ids: readonly number[], q: SearchQuery): SearchHit[] {
  if (ids.length === 0) return [];
  const terms = searchTerms(q.text);
  const sql = `SELECT r.id, r.title, COALESCE(a.name, r.agency_name) AS agency, r.year, r.portal_id, r.url, r.template, r.version,
      r.is_current, r.full_text,
      s.failing_count AS failing_checks
    FROM json_each(?) j JOIN reports r ON r.id = j.value JOIN report_summaries s ON s.report_id = r.id LEFT JOIN agencies a ON a.id = r.agency_id`;
  const byId = new Map((stmt(db, sql).all(JSON.stringify(ids)) as RawHit[]).map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (row === undefined) return [];
    return [
      {
        reportId: row.id,
        title: row.title,
        agency: row.agency,
        year: row.year,
        portalId: row.portal_id,
        url: row.url,
        snippet: makeSnippet(snippetSource(row, terms), terms, q.marks === undefined ? {} : { marks: q.marks }),
        template: row.template,
        version: row.version,
        isCurrent: row.is_current === 1,
        failingChecks: row.failing_checks,
      },
    ];
  });
}

/** How many reports match (for paging); same rules as searchReports, limit and offset ignored. */
export function countSearchHits(db: Database, q: SearchQuery): number {
  const built = buildQuery(db, q);
  return stmt(db, `SELECT count(*) FROM ${built.from} ${built.where}`).pluck().get(built.params) as number;
}

/** The body text, unless only the title or printed agency name holds the hits. */
function snippetSource(row: RawHit, terms: readonly string[]): string {
  const inBody = terms.length === 0 || terms.some((t) => row.full_text.toLowerCase().includes(t.toLowerCase()));
  return inBody ? row.full_text : [row.title, row.agency].filter((s) => s !== null).join(' ');
}

/** What a ranking of current reports can be filtered by without asking SQLite again. */
export interface ReportFacets {
  readonly year: number | null;
  readonly portalId: string;
  readonly template: string;
}

/** Year, portal and template of every current report version, by report id. */
export function currentReportFacets(db: Database): Map<number, ReportFacets> {
  const rows = stmt(db, 'SELECT id, year, portal_id, template FROM reports WHERE is_current = 1').raw(true).all() as [number, number | null, string, string][];
  return new Map(rows.map(([id, year, portalId, template]) => [id, { year, portalId, template }]));
}
