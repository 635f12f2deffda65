/**
 * Files a report page links from its body: images and attachments (the extractor's rule for which links are
 * attachments, extract/html/files.ts, so crawl and extraction agree). Only the body container counts, so site logos,
 * banners and icons around it are not fetched. Each family names its body containers, most specific first.
 */
import * as cheerio from 'cheerio';
import { absoluteUrl, isAttachmentUrl } from '../extract/html/files.ts';

export interface BodyLinks {
  readonly images: readonly string[];
  readonly attachments: readonly string[];
}

export function findBodyLinks(html: string, pageUrl: string, bodySelectors: readonly string[]): BodyLinks {
  const $ = cheerio.load(html);
  const body = bodySelectors.map((s) => $(s).first()).find((el) => el.length > 0);
  if (body === undefined) return { images: [], attachments: [] };
  const images = new Set<string>();
  const attachments = new Set<string>();
  body.find('img').each((_, el) => {
    const url = httpUrl($(el).attr('src') ?? $(el).attr('data-src') ?? '', pageUrl);
    if (url !== null) images.add(url);
  });
  body.find('a[href]').each((_, el) => {
    const url = httpUrl($(el).attr('href') ?? '', pageUrl);
    if (url !== null && isAttachmentUrl(url)) attachments.add(url);
  });
  return { images: [...images], attachments: [...attachments] };
}

function httpUrl(href: string, base: string): string | null {
  const url = absoluteUrl(href, base);
  return url !== null && /^https?:/i.test(url) ? url : null;
}
