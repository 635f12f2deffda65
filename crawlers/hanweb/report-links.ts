/**
 * Files a report page links: images inside the report body, attachments, and flip-book entries.
 * Only the body counts (`#zoom`, the jcms content container), so site logos and banners are not fetched.
 */
import * as cheerio from 'cheerio';
import { flipbookFirstPage, isAttachmentUrl } from './urls.ts';

export interface ReportLinks {
  readonly images: readonly string[];
  readonly attachments: readonly string[];
  readonly flipbooks: readonly string[];
}

const BODY_SELECTORS = ['#zoom', '.nb_con', '.article-con', '.TRS_Editor', '.trs_editor_view'];

export function findReportLinks(html: string, pageUrl: string): ReportLinks {
  const $ = cheerio.load(html);
  const body = BODY_SELECTORS.map((s) => $(s).first()).find((el) => el.length > 0) ?? $('body');
  const images = new Set<string>();
  const attachments = new Set<string>();
  const flipbooks = new Set<string>();
  body.find('img[src]').each((_, el) => addResolved(images, $(el).attr('src'), pageUrl));
  body.find('a[href]').each((_, el) => {
    const url = resolve($(el).attr('href'), pageUrl);
    if (url === null) return;
    const flipbook = flipbookFirstPage(url.href);
    if (flipbook !== null) flipbooks.add(flipbook);
    else if (isAttachmentUrl(url)) attachments.add(url.href);
  });
  return { images: [...images], attachments: [...attachments], flipbooks: [...flipbooks] };
}

function addResolved(into: Set<string>, href: string | undefined, base: string): void {
  const url = resolve(href, base);
  if (url !== null) into.add(url.href);
}

function resolve(href: string | undefined, base: string): URL | null {
  if (href === undefined || href.trim() === '' || /^(javascript|mailto|data):/i.test(href.trim())) return null;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
