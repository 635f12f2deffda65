/**
 * Links a TRS portal's home page and its disclosure page (政务公开 / 政府信息公开) offer towards annual reports:
 * 年报 channels, and the disclosure pages that may link them. Only links on the portal's own origin count.
 */
import * as cheerio from 'cheerio';
import { DISCLOSURE_TEXT, REPORT_MENU_TEXT } from '../report-title.ts';
import { channelDir, channelPageUrl, channelYear, parseDocUrl } from './urls.ts';

export interface PortalLink {
  readonly url: string;
  readonly text: string;
  readonly year: number | null;
}

export interface PortalLinks {
  /** 年报 channels (the list page or folder linked), with the year their text or folder names. */
  readonly reportChannels: readonly PortalLink[];
  /** Disclosure pages (not themselves 年报) that may link 年报 channels. */
  readonly disclosurePages: readonly PortalLink[];
  /** Report documents linked directly (a 年报 news item on the home page). */
  readonly documents: readonly PortalLink[];
}

export function parsePortalLinks(html: string, pageUrl: string): PortalLinks {
  const $ = cheerio.load(html);
  const origin = new URL(pageUrl).origin;
  const reportChannels = new Map<string, PortalLink>();
  const disclosurePages = new Map<string, PortalLink>();
  const documents = new Map<string, PortalLink>();
  $('a[href]').each((_, el) => {
    const text = ($(el).attr('title') ?? '').trim() || $(el).text().replace(/\s+/g, '');
    let url: URL;
    try {
      url = new URL($(el).attr('href')!.trim(), pageUrl);
    } catch {
      return;
    }
    if (url.origin !== origin) return;
    url.hash = '';
    const href = url.href;
    if (parseDocUrl(href) !== null) {
      if (REPORT_MENU_TEXT.test(text) && /(?:19|20)\d{2}/.test(text)) documents.set(href, { url: href, text, year: channelYear(text, href) });
      return;
    }
    if (REPORT_MENU_TEXT.test(text)) {
      const dir = channelDir(href);
      if (!reportChannels.has(dir)) reportChannels.set(dir, { url: channelPageUrl(href), text, year: channelYear(text, href) });
    } else if (DISCLOSURE_TEXT.test(text) && href !== new URL(pageUrl).href) {
      disclosurePages.set(href, { url: href, text, year: null });
    }
  });
  return { reportChannels: [...reportChannels.values()], disclosurePages: [...disclosurePages.values()], documents: [...documents.values()] };
}
