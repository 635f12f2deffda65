/**
 * A report page that links a flip-book (wendeng 2021–2022): the book's pages, captured one URL each with purpose
 * 'flipbook', are read back from the archive in page order and assembled into one report; the article page gives
 * the publish date (and its text when it has one).
 */
import type { Database } from 'better-sqlite3';
import * as cheerio from 'cheerio';
import { decodeBody, detectCharset } from '../../common/charset.ts';
import { isNianbaoError } from '../../common/errors.ts';
import { findReportLinks } from '../../crawlers/hanweb/report-links.ts';
import { flipbookPageUrl } from '../../crawlers/hanweb/urls.ts';
import { extractFlipbook, type FlipbookPage } from '../../extract/documents/flipbook/extract-flipbook.ts';
import { mergeAttachedReport } from '../../extract/documents/merge-reports.ts';
import { domLines } from '../../extract/html/dom-lines.ts';
import { findPublishDate } from '../../extract/html/metadata.ts';
import { assertPageWithinLimits } from '../../extract/html/page-limits.ts';
import type { ExtractedReport } from '../../extract/types.ts';
import { latestCapturedBody } from '../../store/captured-body.ts';

/** More pages than any report has: a book that never ends is cut here. */
const MAX_PAGES = 400;

function capturedPages(db: Database, firstPage: string): FlipbookPage[] {
  const pages: FlipbookPage[] = [];
  for (let n = 1; n <= MAX_PAGES; n += 1) {
    const url = flipbookPageUrl(firstPage, n);
    const captured = latestCapturedBody(db, url);
    if (captured === null) break;
    const { capture, body } = captured;
    const html = decodeBody(body, capture.charset ?? detectCharset(capture.headers, body).charset);
    assertPageWithinLimits(html, url); // a book page beyond any real one: E_PAGE_TOO_LARGE / E_PAGE_TOO_DEEP, not a DOM
    pages.push({ url, html });
  }
  return pages;
}

function bookReport(db: Database, firstPage: string): ExtractedReport | null {
  const pages = capturedPages(db, firstPage);
  if (pages.length === 0) return null;
  try {
    return extractFlipbook(pages, firstPage);
  } catch (error) {
    if (isNianbaoError(error) && error.code === 'E_NOT_A_REPORT') return null;
    throw error;
  }
}

/**
 * The report of an article page with its flip-book: `page` is the page's own extraction (null when the page alone
 * is not a report). Null when the page links no captured flip-book.
 */
export function withFlipbook(db: Database, html: string, pageUrl: string, page: ExtractedReport | null): ExtractedReport | null {
  if (page !== null && page.missingTables.length === 0) return page;
  const firstPage = findReportLinks(html, pageUrl).flipbooks[0];
  const book = firstPage === undefined ? null : bookReport(db, firstPage);
  if (book === null || firstPage === undefined) return page;
  if (page !== null) return mergeAttachedReport(page, book, firstPage);
  const root = cheerio.load(html).root()[0];
  const published = root === undefined ? null : findPublishDate(domLines(root));
  return { ...book, publishedAt: published?.iso ?? null, publishedAtRaw: published?.raw ?? null };
}
