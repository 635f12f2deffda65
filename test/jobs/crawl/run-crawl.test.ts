import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortals, type DemoPortals } from '../../../demo/portal/demo-portals.ts';
import { DEMO_REPORTS } from '../../../demo/reports/catalogue.ts';
import { runCrawl, type CrawlSummary } from '../../../jobs/crawl/run-crawl.ts';
import { countCaptures, listRunFinalCaptures } from '../../../store/captures.ts';
import { listReports, getReport } from '../../../store/reports.ts';
import { listAgencies } from '../../../store/agencies.ts';
import { FAST_FETCHER, tempArchive } from '../../helpers/temp-archive.ts';

const pageReports = DEMO_REPORTS.filter((r) => r.delivery === 'page');
const flipbooks = DEMO_REPORTS.filter((r) => r.delivery === 'flipbook');

describe('crawling the demo portal end to end', () => {
  let demo: DemoPortals;
  let db: Database;
  let first: CrawlSummary;
  let second: CrawlSummary;
  let bodiesOnSecondCrawl: number;

  beforeAll(async () => {
    demo = await startDemoPortals({ slowMs: 200, withOversizedDownload: true });
    db = tempArchive().db;
    first = await runCrawl(db, { portals: demo.portals, fetcher: FAST_FETCHER });
    const before = sentBodies(demo);
    second = await runCrawl(db, { portals: demo.portals, fetcher: FAST_FETCHER });
    bodiesOnSecondCrawl = sentBodies(demo) - before;
  }, 120_000);

  afterAll(async () => {
    db.close();
    await demo.close();
  });

  it('archives every report page of the portal with its agency, year and template', () => {
    const reports = listReports(db, {});
    for (const spec of pageReports) {
      const found = reports.find((r) => r.url === demo.reportUrl(spec.slug));
      expect(found, spec.slug).toBeDefined();
      expect(found).toMatchObject({ agencyName: spec.agency, year: spec.year, template: spec.template });
    }
    expect(first.reports.new).toBe(reports.length);
    // The one page it could not archive (the oversized download) makes the run partial, with its reason.
    expect(first.status).toBe('partial');
    const failed = db.prepare("SELECT reason_code AS code, count(*) AS n FROM frontier WHERE run_id = ? AND state = 'failed' GROUP BY reason_code").all(first.runId);
    expect(failed).toEqual([{ code: 'E_BODY_TOO_LARGE', n: 1 }]);
  });

  it('finds agencies in the xxgk catalogue, and the one without a report answers with an empty page', () => {
    const keys = listAgencies(db, 'yanzhou-demo').map((a) => a.key);
    expect(keys).toContain('11370812MB1565722X');
    expect(keys).toContain('113708120043225000MZJ');
    expect(first.reports.noReport).toBeGreaterThan(0);
  });

  it('captures every image, attachment and flip-book page the reports link', () => {
    expect(countCaptures(db, { purpose: 'image', status: 200 })).toBe(3);
    const attachments = listRunFinalCaptures(db, first.runId, 'attachment');
    expect(attachments.filter((c) => c.status === 200 && c.contentType === 'application/pdf')).toHaveLength(1);
    const flipbookPages = listRunFinalCaptures(db, first.runId, 'flipbook').filter((c) => c.status === 200);
    expect(flipbookPages.length).toBeGreaterThanOrEqual(flipbooks.length * 4);
  });

  it('reads tables pasted as images by OCR, each number pointing at its image capture and box', () => {
    const spec = DEMO_REPORTS.find((r) => r.slug === 'yanzhou-xiaomeng-2023')!;
    const imageReport = listReports(db, {}).find((r) => r.url === demo.reportUrl(spec.slug))!;
    const detail = getReport(db, imageReport.id)!;
    const images = detail.files.filter((f) => f.kind === 'image' && f.captureId !== null);
    expect(images).toHaveLength(3);
    expect(detail.missingTables).toEqual([]);
    const imageCaptures = new Set(images.map((f) => f.captureId));
    for (const cell of detail.cells) {
      expect(cell.method, cell.key).toBe('ocr');
      expect(imageCaptures.has(cell.sourceCaptureId), cell.key).toBe(true);
      expect(cell.location, cell.key).toMatch(/#table\[\d+\]\/row\[\d+\]\/col\[\d+\] bbox\[\d+,\d+,\d+,\d+\]/);
      // Every value is the printed one, or it is flagged for review (confidence at most 0.5): never silently wrong.
      if (cell.value !== spec.cells[cell.key]) expect(cell.confidence ?? 1, cell.key).toBeLessThanOrEqual(0.5);
    }
    const right = detail.cells.filter((c) => c.value === spec.cells[c.key]).length;
    expect(right / detail.cells.length).toBeGreaterThan(0.99);
  });

  it('records the awkward cases as evidence: a 503 that recovers, a moved page, an oversized download', () => {
    expect(countCaptures(db, { runId: first.runId, status: 503 })).toBe(2);
    expect(countCaptures(db, { runId: first.runId, status: 301 })).toBe(1);
    expect(first.skipReasons['E_BODY_TOO_LARGE']).toBe(1);
  });

  it('re-crawls with conditional requests: nothing unchanged is transferred or duplicated', () => {
    expect(bodiesOnSecondCrawl).toBe(0);
    expect(second.reports.new + second.reports.newVersion).toBe(0);
    expect(second.reports.unchanged).toBe(first.reports.new);
    expect(second.notModified).toBeGreaterThan(50);
    expect(listReports(db, { currentOnly: false })).toHaveLength(first.reports.new);
  });

  it('keeps the old version when a report changes after publication', async () => {
    const changedSpec = DEMO_REPORTS.find((r) => r.slug === 'yanzhou-xinfang-2023')!;
    const changed = { ...changedSpec, cells: { ...changedSpec.cells, 't2.licensing.decisions': (changedSpec.cells['t2.licensing.decisions'] ?? 0) + 5 } };
    demo.setReports(DEMO_REPORTS.map((r) => (r.slug === changed.slug ? changed : r)));
    try {
      const third = await runCrawl(db, { portals: demo.portals, fetcher: FAST_FETCHER });
      expect(third.reports.newVersion).toBe(1);
      const versions = listReports(db, { currentOnly: false }).filter((r) => r.url === demo.reportUrl(changed.slug));
      expect(versions.map((v) => [v.version, v.isCurrent])).toEqual(expect.arrayContaining([[1, false], [2, true]]));
    } finally {
      demo.setReports(DEMO_REPORTS);
    }
  });
});

/** Bodies the portal sent, robots.txt aside (fetched once per run, unconditionally; it is not an archived page). */
function sentBodies(demo: DemoPortals): number {
  return Object.values(demo.sites).reduce((sum, site) => sum + site.stats.bodies.filter((path) => path !== '/robots.txt').length, 0);
}
