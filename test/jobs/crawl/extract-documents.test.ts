import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortals, type DemoPortals } from '../../../demo/portal/demo-portals.ts';
import { demoReport } from '../../../demo/reports/catalogue.ts';
import { templateKeys } from '../../../extract/template/keys.ts';
import { runCrawl, type CrawlSummary } from '../../../jobs/crawl/run-crawl.ts';
import { latestSuccessfulCapture } from '../../../store/captures.ts';
import { getReport, listReports } from '../../../store/reports.ts';
import { FAST_FETCHER, tempArchive } from '../../helpers/temp-archive.ts';

describe('a crawl extracts the documents reports link into the archive', () => {
  let demo: DemoPortals;
  let db: Database;
  let summary: CrawlSummary;

  beforeAll(async () => {
    demo = await startDemoPortals({ slowMs: 0 });
    db = tempArchive().db;
    summary = await runCrawl(db, { portals: demo.portals, fetcher: FAST_FETCHER });
  }, 120_000);

  afterAll(async () => {
    db.close();
    await demo.close();
  });

  it('one report: text from the HTML page, every table cell from the PDF attachment, each cell pointing at its capture', () => {
    const spec = demoReport('yanzhou-weijian-2024');
    const listed = listReports(db, {}).find((r) => r.url === demo.reportUrl(spec.slug));
    expect(listed).toBeDefined();
    const report = getReport(db, listed!.id)!;
    expect(report.missingTables).toEqual([]);
    const attachment = report.files.find((f) => f.kind === 'attachment');
    expect(attachment?.captureId).not.toBeNull();
    const pdfCapture = latestSuccessfulCapture(db, attachment!.url)!;
    for (const key of templateKeys(spec.template)) {
      const cell = report.cells.find((c) => c.key === key);
      expect(cell?.value, key).toBe(spec.cells[key] ?? null);
      expect(cell?.sourceCaptureId, key).toBe(pdfCapture.id);
      expect(cell?.method, key).toBe('pdf-text');
    }
    expect(report.checks.filter((c) => !c.ok).map((c) => c.checkId).sort()).toEqual([...spec.failingChecks].sort());
    expect(report.sourceCaptureId).not.toBe(pdfCapture.id);
    expect(report.sections.length).toBe(6);
    expect(summary.status).toBe('ok');
  });

  it.each(['wendeng-zonghexz-2021', 'wendeng-bangongshi-2022'])('%s: the flip-book pages assembled into one report, each cell pointing at its page', (slug) => {
    const spec = demoReport(slug);
    const listed = listReports(db, {}).find((r) => r.url === demo.reportUrl(slug));
    expect(listed, slug).toBeDefined();
    const report = getReport(db, listed!.id)!;
    expect({ title: report.title, year: report.year, template: report.template, publishedAt: report.publishedAt }).toEqual({
      title: spec.title,
      year: spec.year,
      template: spec.template,
      publishedAt: spec.publishedAt.slice(0, 10),
    });
    expect(report.missingTables).toEqual([]);
    const pageCaptures = new Set<number>();
    for (const key of templateKeys(spec.template)) {
      const cell = report.cells.find((c) => c.key === key);
      expect(cell?.value, key).toBe(spec.cells[key] ?? null);
      expect(cell?.method, key).toBe('flipbook-text');
      pageCaptures.add(cell!.sourceCaptureId!);
    }
    expect(pageCaptures.has(report.sourceCaptureId!)).toBe(false);
    expect(report.sections.map((s) => s.part)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
