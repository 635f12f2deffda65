/**
 * A flip-book (a PDF converted to an HTML5 book, one URL per page, e.g. wendeng's 2021–2022 reports) → one report:
 * the pages' text lines in order, page-number footers dropped, tables read from the text rows; every cell points
 * at the page it was printed on.
 */
import * as cheerio from 'cheerio';
import type { ExtractedReport } from '../../types.ts';
import { collapseWhitespace } from '../../html/normalize-label.ts';
import { normalizeCjk } from '../normalize-text.ts';
import { reportFromBlocks } from '../report-from-content.ts';
import { textRowBlocks, type SourceLine } from '../text-rows.ts';

export interface FlipbookPage {
  readonly url: string;
  readonly html: string;
}

const FOOTER = /^[-—–\s]*\d{1,4}[-—–\s]*$/;

/** Text lines of one page: `<p>`/`<div>` lines of the page body (navigation left out). */
export function flipbookPageLines(page: FlipbookPage): SourceLine[] {
  const $ = cheerio.load(page.html);
  $('script, style, .nav, nav').remove();
  const container = $('.page').first().length > 0 ? $('.page').first() : $('body');
  const lines: SourceLine[] = [];
  container.find('p, div, span.line').each((_, el) => {
    if ($(el).children('p, div').length > 0) return;
    const text = normalizeCjk(collapseWhitespace($(el).text()));
    if (text !== '' && !FOOTER.test(text)) lines.push({ text, source: page.url });
  });
  return lines;
}

export function extractFlipbook(pages: readonly FlipbookPage[], bookUrl: string): ExtractedReport {
  const lines = pages.flatMap(flipbookPageLines);
  return reportFromBlocks(textRowBlocks(lines, 'flipbook'), bookUrl, 'flipbook-text');
}
