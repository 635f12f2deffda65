/**
 * After a run's fetching: what each portal's home page told (its title becomes the portal's name when config gives
 * none; the family detected for a `family: "auto"` portal is kept on the portal row), and which portals led to no
 * report page at all — each with the reason (E_NOTHING_FOUND), so a crawl that found nothing to do says why.
 */
import type { Database } from 'better-sqlite3';
import * as cheerio from 'cheerio';
import { decodeBody } from '../../common/charset.ts';
import { detectFamily, type FamilyDetection } from '../../crawlers/detect-family.ts';
import { isPortalFamily, type PortalConfig } from '../../crawlers/portal-config.ts';
import { familyAdapter } from '../../crawlers/registry.ts';
import { contentCapture } from '../../store/captured-body.ts';
import { getCaptureBody, listRunFinalCaptures, type CaptureRow } from '../../store/captures.ts';
import { getPortal, upsertPortal } from '../../store/portals.ts';
import type { CrawlEventSink } from './crawl-events.ts';

export interface NothingFound {
  readonly portalId: string;
  readonly code: 'E_NOTHING_FOUND';
  readonly url: string;
  readonly reason: string;
}

interface HomePage {
  readonly status: number;
  readonly text: string | null;
}

/** Learn names and families from the home pages; report (and return) the portals that led to no report page. */
export function reviewPortals(db: Database, runId: number, portals: readonly PortalConfig[], onEvent: CrawlEventSink): NothingFound[] {
  const homes = listRunFinalCaptures(db, runId, 'other');
  const reportPortals = new Set(listRunFinalCaptures(db, runId, 'report').map((c) => c.portalId));
  const found: NothingFound[] = [];
  for (const portal of portals) {
    const home = homePage(db, homes, portal);
    const detection = home?.text == null ? null : detectFamily(home.text);
    if (home?.text != null) learnFromHome(db, portal, home.text, detection);
    if (reportPortals.has(portal.id)) continue;
    const nothing: NothingFound = { portalId: portal.id, code: 'E_NOTHING_FOUND', url: `${portal.baseUrl}/`, reason: whyNothing(portal, home, detection) };
    found.push(nothing);
    onEvent({ type: 'skipped', portalId: portal.id, url: nothing.url, kind: 'home', code: nothing.code, message: nothing.reason });
  }
  return found;
}

function homePage(db: Database, homes: readonly CaptureRow[], portal: PortalConfig): HomePage | null {
  const capture = homes.find((c) => c.portalId === portal.id && c.requestedUrl === `${portal.baseUrl}/`);
  if (capture === undefined) return null;
  const content = contentCapture(db, capture);
  const body = content === null ? null : getCaptureBody(db, content.id);
  return { status: capture.status, text: content === null || body === null ? null : decodeBody(body, content.charset ?? 'utf-8') };
}

function learnFromHome(db: Database, portal: PortalConfig, html: string, detection: FamilyDetection | null): void {
  const row = getPortal(db, portal.id);
  if (row === null) return;
  const title = portal.name === undefined ? pageTitle(html) : null;
  const family = portal.family === 'auto' && detection !== null && isPortalFamily(detection.family) ? detection.family : null;
  const name = title ?? row.name;
  if (name === row.name && (family === null || family === row.family)) return;
  upsertPortal(db, { id: row.id, family: family ?? row.family, baseUrl: row.baseUrl, name, config: row.config });
}

/** The home page's `<title>`, first part (`中国·兖州 - 首页` → `中国·兖州`), or null. */
export function pageTitle(html: string): string | null {
  const title = cheerio.load(html)('title').first().text().replace(/\s+/g, ' ').trim();
  const first = title.split(/\s+[-|–—_]\s+|[|｜]/)[0]?.trim() ?? '';
  return first === '' ? null : first;
}

function whyNothing(portal: PortalConfig, home: HomePage | null, detection: FamilyDetection | null): string {
  if (home === null) return `the home page ${portal.baseUrl}/ could not be fetched (see the run's captures and skipped tasks)`;
  if (home.text === null) return `the home page ${portal.baseUrl}/ answered HTTP ${home.status}, not a page to read`;
  const family = portal.family === 'auto' ? detection?.family : portal.family;
  if (family === undefined) return 'the home page shows no marker of a known CMS family (hanweb, trs, gkmlpt, jpaas): set "family" in the portal config';
  if (!isPortalFamily(family) || familyAdapter(family) === undefined) return `the home page looks like family "${family}", which has no crawler adapter yet`;
  const markers = detection === null ? '' : ` (home page markers: ${detection.markers.join(', ')})`;
  return `no report page was found from the home page and the config: no disclosure catalogue, 年报 column or report link (family ${family}${markers})`;
}
