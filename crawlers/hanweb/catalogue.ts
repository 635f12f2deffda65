import * as cheerio from 'cheerio';
import type { DiscoveredAgency } from '../adapter.ts';
import { inferAgencyKind } from './agency-kind.ts';

/**
 * Agencies listed on an xxgk catalogue page: every link carrying `vc_xxgkarea=<area>` names one body.
 * The `area` is kept verbatim (it is usually a USCC, but not always).
 */
export function parseCatalogue(html: string, pageUrl: string): DiscoveredAgency[] {
  const $ = cheerio.load(html);
  const found = new Map<string, DiscoveredAgency>();
  $('a[href*="vc_xxgkarea="]').each((_, el) => {
    const href = $(el).attr('href');
    const name = $(el).text().replace(/\s+/g, '');
    if (!href || !name) return;
    const key = areaFromHref(href, pageUrl);
    if (key && !found.has(key)) found.set(key, { key, name, kind: inferAgencyKind(name) });
  });
  return [...found.values()];
}

function areaFromHref(href: string, pageUrl: string): string | null {
  try {
    const area = new URL(href, pageUrl).searchParams.get('vc_xxgkarea');
    return area === null || area.trim() === '' ? null : area.trim();
  } catch {
    return null;
  }
}
