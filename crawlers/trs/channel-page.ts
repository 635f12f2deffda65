/**
 * What a TRS channel page lists: documents (`./YYYYMM/tYYYYMMDD_<id>.html` with their list title and date) and
 * sub-channels below this channel's folder (year channels, 部门 / 镇街 / 本级政府 channels).
 */
import * as cheerio from 'cheerio';
import { channelDir, channelPageUrl, channelYear, isSubChannel, parseDocUrl } from './urls.ts';

export interface ListedDoc {
  readonly url: string;
  readonly title: string;
  /** Date printed beside the entry (YYYY-MM-DD), or null. */
  readonly date: string | null;
}

export interface SubChannel {
  readonly url: string;
  readonly name: string;
  readonly year: number | null;
}

export interface ChannelPage {
  readonly documents: readonly ListedDoc[];
  readonly subChannels: readonly SubChannel[];
}

function resolve(href: string | undefined, base: string): string | null {
  if (href === undefined || href.trim() === '' || /^(?:javascript|mailto):/i.test(href.trim())) return null;
  try {
    const url = new URL(href.trim(), base);
    url.hash = '';
    return /^https?:$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

export function parseChannelPage(html: string, pageUrl: string): ChannelPage {
  const $ = cheerio.load(html);
  const dir = channelDir(pageUrl);
  const documents = new Map<string, ListedDoc>();
  const subChannels = new Map<string, SubChannel>();
  $('a[href]').each((_, el) => {
    const url = resolve($(el).attr('href'), pageUrl);
    if (url === null || new URL(url).origin !== new URL(pageUrl).origin) return;
    const text = $(el).text().replace(/\s+/g, '');
    if (parseDocUrl(url) !== null) {
      if (documents.has(url)) return;
      const title = ($(el).attr('title') ?? text).trim();
      const date = /(?:19|20)\d{2}-\d{2}-\d{2}/.exec($(el).parent().text())?.[0] ?? null;
      documents.set(url, { url, title, date });
    } else if (isSubChannel(url, dir)) {
      const channel = channelDir(url);
      if (!subChannels.has(channel)) subChannels.set(channel, { url: channelPageUrl(url), name: text, year: channelYear(text, url) });
    }
  });
  return { documents: [...documents.values()], subChannels: [...subChannels.values()] };
}
