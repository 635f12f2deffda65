/**
 * Files a TRS document links for its report: images in the editor body (`div.TRS_Editor`), attachments in the body
 * and in the template's attachment block after it (relative `./P0…` names beside the document).
 * Which links are attachments is the extractor's rule (extract/html/files.ts), so crawl and extraction agree.
 */
import * as cheerio from 'cheerio';
import { absoluteUrl, isAttachmentUrl } from '../../extract/html/files.ts';

export interface TrsReportLinks {
  readonly images: readonly string[];
  readonly attachments: readonly string[];
}

const BODY_SELECTORS = ['.TRS_Editor', '.trs_editor_view', '#zoom'];
/** TRS upload names of attachments (`P0…`), beside the document: they belong to the report wherever they are linked. */
const TRS_FILE = /\/P0\d{6,}[^/]*\.\w+$/i;

function httpUrl(href: string, base: string): string | null {
  const url = absoluteUrl(href, base);
  return url !== null && /^https?:/i.test(url) ? url : null;
}

export function findTrsReportLinks(html: string, pageUrl: string): TrsReportLinks {
  const $ = cheerio.load(html);
  const body = BODY_SELECTORS.map((s) => $(s).first()).find((el) => el.length > 0) ?? $('body');
  const images = new Set<string>();
  const attachments = new Set<string>();
  body.find('img').each((_, el) => {
    const url = httpUrl($(el).attr('src') ?? $(el).attr('data-src') ?? $(el).attr('oldsrc') ?? '', pageUrl);
    if (url !== null) images.add(url);
  });
  body.find('a[href]').each((_, el) => {
    const url = httpUrl($(el).attr('href') ?? '', pageUrl);
    if (url !== null && isAttachmentUrl(url)) attachments.add(url);
  });
  // The template's attachment block sits outside the editor: its P0… files belong to the report too.
  $('a[href]').each((_, el) => {
    const url = httpUrl($(el).attr('href') ?? '', pageUrl);
    if (url !== null && TRS_FILE.test(new URL(url).pathname) && isAttachmentUrl(url)) attachments.add(url);
  });
  return { images: [...images], attachments: [...attachments] };
}
