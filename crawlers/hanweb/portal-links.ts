/**
 * Links a Hanweb jcms home page or xxgk menu offers towards annual reports, for portals known by their address only:
 * 年报 columns and menus (`/col/col<N>/index.html` whose text says 年报 / 年度报告, per year where the text names
 * one), report pages linked directly (an article or an xxgkAnnualReport.jsp page), and the disclosure catalogue
 * (政府信息公开 …, whose `vc_xxgkarea` links list the bodies). Only links on the portal's own origin count.
 */
import * as cheerio from 'cheerio';
import { DISCLOSURE_TEXT, REPORT_MENU_TEXT } from '../report-title.ts';
import { annualReportUrl, parseAnnualReportUrl, parseArticleUrl, parseColumnUrl } from './urls.ts';

export type ReportLinkKind = 'column' | 'report' | 'menu';

export interface ReportLink {
  readonly url: string;
  readonly kind: ReportLinkKind;
  readonly columnId: number | null;
  readonly year: number | null;
}

export interface PortalLinks {
  readonly reportLinks: readonly ReportLink[];
  /** Disclosure catalogue pages (xxgk menu), to read for bodies and 年报 columns. */
  readonly disclosurePages: readonly string[];
}

function linkKind(url: string): { kind: ReportLinkKind; columnId: number | null } {
  const columnId = parseColumnUrl(url);
  if (columnId !== null) return { kind: 'column', columnId };
  if (parseArticleUrl(url) !== null || parseAnnualReportUrl(url) !== null) return { kind: 'report', columnId: null };
  return { kind: 'menu', columnId: null };
}

export function parsePortalLinks(html: string, pageUrl: string): PortalLinks {
  const $ = cheerio.load(html);
  const origin = new URL(pageUrl).origin;
  const reportLinks = new Map<string, ReportLink>();
  const disclosurePages = new Set<string>();
  $('a[href]').each((_, el) => {
    const text = $(el).text().replace(/\s+/g, '') || ($(el).attr('title') ?? '').replace(/\s+/g, '');
    let url: URL;
    try {
      url = new URL($(el).attr('href')!.trim(), pageUrl);
    } catch {
      return;
    }
    if (url.origin !== origin || url.href === pageUrl) return;
    url.hash = '';
    if (REPORT_MENU_TEXT.test(text)) {
      if (reportLinks.has(url.href)) return;
      const year = /((?:19|20)\d{2})\s*年/.exec(text)?.[1];
      reportLinks.set(url.href, { url: url.href, ...linkKind(url.href), year: year === undefined ? null : Number(year) });
    } else if (DISCLOSURE_TEXT.test(text) && url.search === '') {
      disclosurePages.add(url.href);
    }
  });
  return { reportLinks: [...reportLinks.values()], disclosurePages: [...disclosurePages] };
}

/** Links to xxgk module report pages (`xxgkAnnualReport.jsp?area=…&fbtime=…`) anywhere on a page, e.g. year tabs. */
export function parseModuleReportLinks(html: string, pageUrl: string): { url: string; area: string; year: number }[] {
  const $ = cheerio.load(html);
  const origin = new URL(pageUrl).origin;
  const found = new Map<string, { url: string; area: string; year: number }>();
  $('a[href]').each((_, el) => {
    let url: URL;
    try {
      url = new URL($(el).attr('href')!.trim(), pageUrl);
    } catch {
      return;
    }
    const parsed = url.origin === origin ? parseAnnualReportUrl(url.href) : null;
    if (parsed === null) return;
    const canonical = annualReportUrl(origin, parsed.area, parsed.year);
    if (!found.has(canonical)) found.set(canonical, { url: canonical, area: parsed.area, year: parsed.year });
  });
  return [...found.values()];
}
