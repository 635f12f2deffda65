/** The server's routes: path pattern → handler. API answers are JSON; `/archive/…` serves archived bytes made safe. */
import type { Database } from 'better-sqlite3';
import { listPortals } from '../store/portals.ts';
import { compareAnswer } from './api/compare.ts';
import { compareDownload, formatOf, gridDownload, reportDownload, searchDownload } from './api/downloads.ts';
import { gridAnswer } from './api/grid.ts';
import { keyLayout } from './api/key-labels.ts';
import { cellAnswer, compactReportAnswer, reportAnswer } from './api/report.ts';
import { quarantineAnswer } from './api/quarantine.ts';
import { reportsAnswer } from './api/reports.ts';
import { searchAnswer } from './api/search.ts';
import { captureAnswer } from './api/capture.ts';
import { pdfCellAnswer } from './api/pdf-cell.ts';
import { versionsAnswer } from './api/versions.ts';
import { captureBytes, captureCrop } from './archive/capture.ts';
import { capturePage } from './archive/capture-page.ts';
import { pageNumber, pdfPagePng } from './archive/pdf-page.ts';
import { archivedPage } from './archive/page.ts';
import { cellKey, pathId } from './http/query.ts';
import { jsonReply, type Reply } from './http/respond.ts';
import type { StatusJudge } from './watch-status.ts';

export interface RouteContext {
  readonly db: Database;
  readonly params: URLSearchParams;
  /** `http://host:port` of this request (validated Host). */
  readonly origin: string;
  /** The pattern's match: [0] the path, [1…] its groups. */
  readonly match: readonly (string | undefined)[];
  /** The grid's statuses (as of today, or the last nightly run's). */
  readonly judge: StatusJudge;
}

export interface Route {
  readonly pattern: RegExp;
  /** Answers depend only on the archive and the URL (and the origin when `byOrigin`), so they can be cached. */
  readonly cache: boolean;
  /** The answer names the request's origin (archived pages' CSP): cached per origin. */
  readonly byOrigin?: boolean;
  handle(ctx: RouteContext): Reply | Promise<Reply>;
}

export const API_ROUTES: readonly Route[] = [
  { pattern: /^\/api\/portals$/, cache: true, handle: ({ db }) => jsonReply(listPortals(db).map((p) => ({ id: p.id, name: p.name, baseUrl: p.baseUrl, family: p.family }))) },
  { pattern: /^\/api\/keys$/, cache: true, handle: () => jsonReply(keyLayout()) },
  { pattern: /^\/api\/grid$/, cache: true, handle: ({ db, params, judge }) => jsonReply(gridAnswer(db, params, judge)) },
  { pattern: /^\/api\/reports$/, cache: true, handle: ({ db, params }) => jsonReply(reportsAnswer(db, params)) },
  { pattern: /^\/api\/quarantine$/, cache: true, handle: ({ db, params }) => jsonReply(quarantineAnswer(db, params)) },
  { pattern: /^\/api\/reports\/([^/]+)$/, cache: true, handle: ({ db, match }) => jsonReply(reportAnswer(db, pathId(match[1], 'report'))) },
  { pattern: /^\/api\/reports\/([^/]+)\/compact$/, cache: true, handle: ({ db, match }) => compactReportAnswer(db, pathId(match[1], 'report')) },
  { pattern: /^\/api\/reports\/([^/]+)\/versions$/, cache: true, handle: ({ db, match }) => jsonReply(versionsAnswer(db, pathId(match[1], 'report'))) },
  { pattern: /^\/api\/reports\/([^/]+)\/cells\/([^/]+)$/, cache: true, handle: ({ db, match }) => jsonReply(cellAnswer(db, pathId(match[1], 'report'), cellKey(match[2]))) },
  { pattern: /^\/api\/reports\/([^/]+)\/cells\/([^/]+)\/page$/, cache: true, handle: async ({ db, match }) => jsonReply(await pdfCellAnswer(db, pathId(match[1], 'report'), cellKey(match[2]))) },
  { pattern: /^\/api\/search$/, cache: true, handle: ({ db, params }) => jsonReply(searchAnswer(db, params)) },
  { pattern: /^\/api\/compare$/, cache: true, handle: ({ db, params }) => jsonReply(compareAnswer(db, params)) },
  { pattern: /^\/api\/grid\.(csv|xlsx)$/, cache: true, handle: ({ db, params, judge, match }) => gridDownload(db, params, judge, formatOf(match[1])) },
  { pattern: /^\/api\/search\.(csv|xlsx)$/, cache: true, handle: ({ db, params, match }) => searchDownload(db, params, formatOf(match[1])) },
  { pattern: /^\/api\/compare\.(csv|xlsx)$/, cache: true, handle: ({ db, params, match }) => compareDownload(db, params, formatOf(match[1])) },
  { pattern: /^\/api\/reports\/([^/]+)\/tables\.(csv|xlsx)$/, cache: true, handle: ({ db, match }) => reportDownload(db, pathId(match[1], 'report'), formatOf(match[2])) },
  { pattern: /^\/archive\/reports\/([^/]+)\/page$/, cache: true, byOrigin: true, handle: ({ db, match, params, origin }) => archivedPage(db, pathId(match[1], 'report'), params, origin) },
  { pattern: /^\/api\/captures\/([^/]+)$/, cache: true, handle: ({ db, match }) => jsonReply(captureAnswer(db, pathId(match[1], 'capture'))) },
  { pattern: /^\/archive\/captures\/([^/]+)$/, cache: false, handle: ({ db, match, params }) => captureBytes(db, pathId(match[1], 'capture'), params) },
  { pattern: /^\/archive\/captures\/([^/]+)\/page$/, cache: true, byOrigin: true, handle: ({ db, match, origin }) => capturePage(db, pathId(match[1], 'capture'), origin) },
  { pattern: /^\/archive\/captures\/([^/]+)\/pages\/(\d{1,4})\.png$/, cache: true, handle: ({ db, match }) => pdfPagePng(db, pathId(match[1], 'capture'), pageNumber(match[2])) },
  { pattern: /^\/archive\/captures\/([^/]+)\/crop$/, cache: true, handle: ({ db, match, params }) => captureCrop(db, pathId(match[1], 'capture'), params) },
];
