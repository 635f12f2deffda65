/**
 * A TRS WCM portal known by its address only (`{ id, baseUrl }`, family detected from the home page): every report
 * found once from the year and body channels and their list pages, files captured, publish dates from the page (not
 * the URL's t date), a second crawl answered by conditional requests, a changed report kept as a new version, and
 * `nianbao missing` right for every body.
 */
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePortals, type PortalConfig } from '../../../crawlers/portal-config.ts';
import { startDemoPortals, type DemoPortals } from '../../../demo/portal/demo-portals.ts';
import { TRS_REPORTS } from '../../../demo/portal/trs-reports.ts';
import { chinaDate } from '../../../jobs/watch/dates.ts';
import { runCrawl, type CrawlSummary } from '../../../jobs/crawl/run-crawl.ts';
import { listRunFinalCaptures } from '../../../store/captures.ts';
import { getPortal } from '../../../store/portals.ts';
import { getReport, listReports } from '../../../store/reports.ts';
import { FAST_FETCHER, tempArchive } from '../../helpers/temp-archive.ts';
import { runCli } from '../cli/run-cli.ts';

describe('a TRS portal configured by its address only', () => {
  let demo: DemoPortals;
  let db: Database;
  let file: string;
  let portal: PortalConfig;
  let first: CrawlSummary;
  let second: CrawlSummary;
  let requestsOnFirst: string[];

  beforeAll(async () => {
    demo = await startDemoPortals({ otherFamilies: true, slowMs: 10, flakyFailures: 0 });
    const site = demo.sites['tengzhou']!;
    portal = parsePortals([{ id: 'tengzhou', baseUrl: site.origin }], 'test')[0]!;
    const archive = tempArchive();
    db = archive.db;
    file = archive.file;
    first = await runCrawl(db, { portals: [portal], fetcher: FAST_FETCHER });
    requestsOnFirst = [...site.stats.log];
    second = await runCrawl(db, { portals: [portal], fetcher: FAST_FETCHER });
  }, 120_000);

  afterAll(async () => {
    db.close();
    await demo.close();
  });

  it('detects the family and names the portal from its home page', () => {
    expect(getPortal(db, 'tengzhou')).toMatchObject({ family: 'trs', name: '滕州市人民政府' });
    expect(first.status).toBe('ok');
  });

  it('archives every report exactly once, with agency, year and the publish date the page prints', () => {
    const reports = listReports(db, { currentOnly: false });
    expect(reports).toHaveLength(TRS_REPORTS.length);
    expect(first.reports).toMatchObject({ new: TRS_REPORTS.length, failed: 0, noReport: 0 });
    for (const spec of TRS_REPORTS) {
      const found = reports.filter((r) => r.url === demo.reportUrl(spec.slug));
      expect(found, spec.slug).toHaveLength(1);
      // The t date in the URL is when the page was (re)published, e.g. t20240305 for a report published 2024-01-19.
      expect(found[0], spec.slug).toMatchObject({ agencyName: spec.agency, year: spec.year, template: spec.template, publishedAt: spec.publishedAt.slice(0, 10) });
    }
  });

  it('reads the tables of the div.TRS_Editor body, and those of the P0 PDF attachment, cell for cell', () => {
    for (const slug of ['tengzhou-caizheng-2025', 'tengzhou-jiaoti-2025']) {
      const spec = TRS_REPORTS.find((r) => r.slug === slug)!;
      const row = listReports(db, {}).find((r) => r.url === demo.reportUrl(slug))!;
      const detail = getReport(db, row.id)!;
      expect(detail.missingTables, slug).toEqual([]);
      const read = new Map(detail.cells.map((c) => [c.key, c.value]));
      for (const [key, value] of Object.entries(spec.cells)) expect(read.get(key), `${slug} ${key}`).toBe(value);
    }
  });

  it('pages through createPageHTML list pages and every year and body channel', () => {
    expect(requestsOnFirst).toContain('/zwgk/xxgknb/2025nxxgknb/bmxxgknb/index_1.html');
    expect(requestsOnFirst).toContain('/zwgk/xxgknb/2023xxgknb/bmjzjxxgknb_2023/');
    expect(requestsOnFirst).toContain('/zwgk/xxgknb/2025nxxgknb/zfxxgknb/');
  });

  it('captures the P0 attachment and the W0 image, and the reports point at them', () => {
    const attachments = listRunFinalCaptures(db, first.runId, 'attachment');
    const images = listRunFinalCaptures(db, first.runId, 'image');
    expect(attachments.map((c) => [new URL(c.url).pathname.split('/').pop(), c.status, c.contentType])).toEqual([['P020260122000002238501.pdf', 200, 'application/pdf']]);
    expect(images.map((c) => [new URL(c.url).pathname.split('/').pop(), c.status])).toEqual([['W020260123000002238534.png', 200]]);
    const withPdf = listReports(db, {}).find((r) => r.url === demo.reportUrl('tengzhou-jiaoti-2025'))!;
    const pdfFile = getReport(db, withPdf.id)!.files.find((f) => f.kind === 'attachment');
    expect(pdfFile?.captureId).toBe(attachments[0]!.id);
    const withPhoto = listReports(db, {}).find((r) => r.url === demo.reportUrl('tengzhou-shichang-2025'))!;
    expect(getReport(db, withPhoto.id)!.files.find((f) => f.kind === 'image')?.captureId).toBe(images[0]!.id);
  });

  it('fetches nothing extra: no page answered 404, no page but the portal pages, channels, reports and their files', () => {
    const unexpected = requestsOnFirst.filter(
      (p) => !/^\/(?:robots\.txt|zwgk\/)?$/.test(p) && !/^\/zwgk\/xxgknb\//.test(p),
    );
    expect(unexpected).toEqual([]);
    expect(listRunFinalCaptures(db, first.runId, 'report')).toHaveLength(TRS_REPORTS.length);
    for (const purpose of ['report', 'listing', 'attachment', 'image', 'catalogue', 'other'] as const) {
      expect(listRunFinalCaptures(db, first.runId, purpose).filter((c) => c.status !== 200), purpose).toEqual([]);
    }
  });

  it('re-crawls with conditional requests: every report page answers 304, nothing new is archived', () => {
    const reportPages = listRunFinalCaptures(db, second.runId, 'report');
    const notModified = reportPages.filter((c) => c.status === 304).length;
    expect(notModified / TRS_REPORTS.length).toBeGreaterThanOrEqual(0.9);
    expect(second.reports).toMatchObject({ new: 0, newVersion: 0, unchanged: TRS_REPORTS.length });
  });

  it('says, for every body, which published on time and which is missing', async () => {
    const asOf = chinaDate(new Date());
    const { code, stdout } = await runCli(['missing', '--year', '2025', '--portal', 'tengzhou', '--db', file, '--json', '--as-of', asOf]);
    expect(code).toBe(0);
    const bodies = (JSON.parse(stdout) as { bodies: { name: string; status: string; publishedAt: string | null }[] }).bodies;
    const statusOf = (name: string): string | undefined => bodies.find((b) => b.name === name)?.status;
    // Published for 2024, not for 2025: missing (the 年报 channels were all read after the deadline).
    expect(statusOf('滕州市审计局')).toBe('missing');
    for (const spec of TRS_REPORTS.filter((r) => r.year === 2025)) {
      const body = bodies.find((b) => b.name === spec.agency);
      expect(body?.publishedAt?.slice(0, 10), spec.slug).toBe(spec.publishedAt.slice(0, 10));
      expect(['on_time', 'late'], spec.slug).toContain(body?.status);
    }
    expect(statusOf('滕州市财政局')).toBe('on_time');
    expect(bodies).toHaveLength(new Set(TRS_REPORTS.map((r) => r.agency)).size);
  });

  it('keeps the old version when a report changes after publication', async () => {
    // Only the TRS site is crawled here, so it is enough to serve the TRS set.
    const changed = TRS_REPORTS.map((r) => (r.slug === 'tengzhou-minzheng-2025' ? { ...r, cells: { ...r.cells, 't2.licensing.decisions': (r.cells['t2.licensing.decisions'] ?? 0) + 7 } } : r));
    demo.setReports(changed);
    try {
      const third = await runCrawl(db, { portals: [portal], fetcher: FAST_FETCHER });
      expect(third.reports.newVersion).toBe(1);
      const versions = listReports(db, { currentOnly: false }).filter((r) => r.url === demo.reportUrl('tengzhou-minzheng-2025'));
      expect(versions.map((v) => [v.version, v.isCurrent])).toEqual(expect.arrayContaining([[1, false], [2, true]]));
    } finally {
      demo.setReports(TRS_REPORTS);
    }
  });
});
