/**
 * Files a report page links: images inside the report body, attachments, and flip-book entries.
 * Only the body counts (`#zoom`, the jcms content container), so site logos and banners are not fetched.
 * Which links are attachments is the extractor's rule (extract/html/files.ts), so crawl and extraction agree.
 */
import * as cheerio from 'cheerio';
import { isWithinPageLimits } from '../../extract/html/page-limits.ts';
import { absoluteUrl, isAttachmentUrl } from '../../extract/html/files.ts';
import { flipbookFirstPage } from './urls.ts';

export interface ReportLinks {
  readonly images: readonly string[];
  readonly attachments: readonly string[];
  readonly flipbooks: readonly string[];
}

const BODY_SELECTORS = ['#zoom', '.nb_con', '.article-con', '.TRS_Editor', '.trs_editor_view'];

export function findReportLinks(html: string, pageUrl: string): ReportLinks {
  // A page beyond any report (E_PAGE_TOO_LARGE / E_PAGE_TOO_DEEP) is not parsed here: extraction records why.
  if (!isWithinPageLimits(html)) return { images: [], attachments: [], flipbooks: [] };
  const $ = cheerio.load(html);
  const body = BODY_SELECTORS.map((s) => $(s).first()).find((el) => el.length > 0) ?? $('body');
  const images = new Set<string>();
  const attachments = new Set<string>();
  const flipbooks = new Set<string>();
  body.find('img').each((_, el) => {
    const url = httpUrl($(el).attr('src') ?? $(el).attr('data-src') ?? '', pageUrl);
    if (url !== null) images.add(url);
  });
  body.find('a[href]').each((_, el) => {
    const url = httpUrl($(el).attr('href') ?? '', pageUrl);
    if (url === null) return;
    const flipbook = flipbookFirstPage(url);
    if (flipbook !== null) flipbooks.add(flipbook);
    else if (isAttachmentUrl(url)) attachments.add(url);
  });
  return { images: [...images], attachments: [...attachments], flipbooks: [...flipbooks] };
}

function httpUrl(href: string, base: string): string | null {
  const url = absoluteUrl(href, base);
  return url !== null && /^https?:/i.test(url) ? url : null;
}
