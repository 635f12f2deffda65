/**
 * The gkmlpt and JPAAS demo portals, configured by {id, family, baseUrl} only, crawled end to end (no browser: their
 * lists come from the platforms' JSON APIs).
 */
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORM_PORTAL_IDS, startPlatformPortals, type PlatformPortals } from '../../../demo/portal/platform-portals.ts';
import type { PlatformReportSpec } from '../../../demo/portal/platform-reports.ts';
import { detectFamily } from '../../../crawlers/detect-family.ts';
import { runCrawl, type CrawlSummary } from '../../../jobs/crawl/run-crawl.ts';
import { deadlineFor } from '../../../jobs/watch/deadlines.ts';
import { computeStatuses } from '../../../jobs/watch/run-watch.ts';
import { countCaptures, listRunFinalCaptures } from '../../../store/captures.ts';
import { listReports } from '../../../store/reports.ts';
import { FAST_FETCHER, tempArchive } from '../../helpers/temp-archive.ts';

const IDS = [PLATFORM_PORTAL_IDS.gkmlpt, PLATFORM_PORTAL_IDS.jpaas];

describe('gkmlpt and JPAAS portals found from their address', () => {
  let demo: PlatformPortals;
  let db: Database;
  let first: CrawlSummary;
  let second: CrawlSummary;
  let bodiesOnSecondCrawl: number;

  beforeAll(async () => {
    demo = await startPlatformPortals({ challenge: null });
    db = tempArchive().db;
    expect(demo.portals.map((p) => [p.id, p.family, p.catalogueUrls, p.reportColumns, p.agencies])).toEqual([
      [PLATFORM_PORTAL_IDS.gkmlpt, 'gkmlpt', [], [], []],
      [PLATFORM_PORTAL_IDS.jpaas, 'jpaas', [], [], []],
    ]);
    first = await runCrawl(db, { portals: demo.portals, fetcher: FAST_FETCHER });
    const before = sentBodies(demo);
    second = await runCrawl(db, { portals: demo.portals, fetcher: FAST_FETCHER });
    bodiesOnSecondCrawl = sentBodies(demo) - before;
  }, 120_000);

  afterAll(async () => {
    db.close();
    await demo.close();
  });

  it('archives every report exactly once, with agency, year, template and the publish date of the page header', () => {
    expect(first.status).toBe('ok');
    for (const id of IDS) {
      const reports = listReports(db, { portalId: id, currentOnly: false });
      const specs = demo.reportsOf(id);
      expect(reports).toHaveLength(specs.length);
      for (const spec of specs) {
        const found = reports.filter((r) => r.url === demo.reportUrl(id, spec.slug));
        expect(found, spec.slug).toHaveLength(1);
        expect(found[0], spec.slug).toMatchObject({ agencyName: spec.agency, year: spec.year, template: spec.template, publishedAt: spec.publishedAt.slice(0, 10) });
      }
    }
  });

  it('captures every attachment and image of the reports, and asks for nothing else', () => {
    for (const id of IDS) {
      const files = [...listRunFinalCaptures(db, first.runId, 'attachment'), ...listRunFinalCaptures(db, first.runId, 'image')].filter((c) => c.portalId === id);
      const specs = demo.reportsOf(id);
      const pdfs = specs.filter((s) => s.tables === 'pdf-attachment').length;
      const photos = specs.filter((s) => s.photo).length;
      expect(files.filter((c) => c.status === 200 && c.contentType === 'application/pdf'), id).toHaveLength(pdfs);
      // the photos, and the PDF icon the editor put before each download link (one URL per site)
      expect(files.filter((c) => c.status === 200 && c.contentType === 'image/png'), id).toHaveLength(photos + (pdfs > 0 ? 1 : 0));
      // robots.txt, home, the catalogue (gkmlpt) or menu + column (JPAAS), two list pages, the reports, their files
      const navigation = id === PLATFORM_PORTAL_IDS.gkmlpt ? 2 : 3;
      const expected = 1 + navigation + 2 + specs.length + files.length;
      expect(countCaptures(db, { runId: first.runId, portalId: id }), id).toBe(expected);
      expect(countCaptures(db, { runId: first.runId, portalId: id, status: 200 }), id).toBe(expected);
      // the server saw exactly these requests, once per crawl (two crawls so far)
      expect(demo.sites[id]!.stats.requests, id).toBe(2 * expected);
    }
  });

  it('re-crawls with conditional requests: every page answers 304, nothing is transferred or duplicated', () => {
    expect(bodiesOnSecondCrawl).toBe(0);
    const reportFinals = listRunFinalCaptures(db, second.runId, 'report');
    expect(reportFinals.length).toBe(IDS.reduce((n, id) => n + demo.reportsOf(id).length, 0));
    expect(reportFinals.filter((c) => c.status === 304).length / reportFinals.length).toBeGreaterThanOrEqual(0.9);
    expect(second.reports).toMatchObject({ new: 0, newVersion: 0, unchanged: reportFinals.length });
  });

  it('says for every body and year whether it published, on time or late, and that the rest are missing', () => {
    const asOf = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const { statuses } = computeStatuses(db, { portals: demo.portals, asOf });
    for (const id of IDS) {
      const specs = demo.reportsOf(id);
      const rows = statuses.filter((s) => s.portalId === id);
      expect(new Set(rows.map((r) => r.bodyName))).toEqual(new Set(specs.map((s) => s.agency)));
      for (const row of rows) {
        const spec = specs.find((s) => s.agency === row.bodyName && s.year === row.year);
        expect(row.status, `${row.bodyName} ${row.year}`).toBe(spec === undefined ? 'missing' : expectedTimeliness(spec));
      }
      // every report year of a body is judged, from its first report on
      for (const spec of specs) expect(rows.some((r) => r.bodyName === spec.agency && r.year === spec.year), spec.slug).toBe(true);
    }
  });

  it('keeps the old version when a report changes after publication', async () => {
    const changedSlugs = new Map<string, string>();
    for (const id of IDS) {
      const original = demo.reportsOf(id);
      const target = original.find((s) => s.tables === 'html')!;
      const changed = { ...target, cells: { ...target.cells, 't2.licensing.decisions': (target.cells['t2.licensing.decisions'] ?? 0) + 7 } };
      demo.setReports(id, original.map((s) => (s.slug === changed.slug ? changed : s)));
      changedSlugs.set(id, changed.slug);
    }
    const third = await runCrawl(db, { portals: demo.portals, fetcher: FAST_FETCHER });
    expect(third.reports.newVersion).toBe(IDS.length);
    for (const [id, slug] of changedSlugs) {
      const versions = listReports(db, { currentOnly: false }).filter((r) => r.url === demo.reportUrl(id, slug));
      expect(versions.map((v) => [v.version, v.isCurrent]), slug).toEqual(expect.arrayContaining([[1, false], [2, true]]));
    }
  }, 60_000);

  it('shows each platform on its home page, so family "auto" finds it too', async () => {
    for (const portal of demo.portals) {
      const home = await fetch(`${portal.baseUrl}/`).then((r) => r.text());
      expect(detectFamily(home)?.family, portal.id).toBe(portal.family);
    }
  });
});

function expectedTimeliness(spec: PlatformReportSpec): 'on_time' | 'late' {
  return spec.publishedAt.slice(0, 10) <= deadlineFor(spec.agencyKind, spec.year).date ? 'on_time' : 'late';
}

function sentBodies(demo: PlatformPortals): number {
  return Object.values(demo.sites).reduce((sum, site) => sum + site.stats.bodies.filter((path) => path !== '/robots.txt').length, 0);
}
