/**
 * Issue 10, build item 2: a page titled as a report is a report whatever its body holds. Crawled from a fixture
 * portal (the demo yanzhou site, with two bodies' xxgk pages replaced): a 详见附件 note whose tables are in the
 * linked PDF, and a report with no tables anywhere; the xxgk page of a body without a report stays no report.
 */
import type { Database } from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalConfig } from '../../../crawlers/portal-config.ts';
import { serveSite, type Route, type RunningSite } from '../../../demo/portal/http-site.ts';
import { annualReportPage, type SiteIdentity } from '../../../demo/portal/page-shells.ts';
import { attachmentPaths } from '../../../demo/portal/report-assets.ts';
import { yanzhouRoutes } from '../../../demo/portal/yanzhou-site.ts';
import { demoReport } from '../../../demo/reports/catalogue.ts';
import type { DemoReportSpec } from '../../../demo/reports/report-spec.ts';
import { templateKeys } from '../../../extract/template/keys.ts';
import { runCrawl } from '../../../jobs/crawl/run-crawl.ts';
import { chinaDate } from '../../../jobs/watch/dates.ts';
import { computeStatuses } from '../../../jobs/watch/run-watch.ts';
import { latestSuccessfulCapture } from '../../../store/captures.ts';
import { listExtractionProblems } from '../../../store/extraction-problems.ts';
import { getReport, listReports } from '../../../store/reports.ts';
import { FAST_FETCHER, tempArchive } from '../../helpers/temp-archive.ts';
import { runCli } from '../cli/run-cli.ts';

/** The watch judges as of the crawl's day (the captures are today's). */
const TODAY = chinaDate(new Date());
const SITE: SiteIdentity = { siteName: '中国·兖州', printedHost: 'www.yanzhou.gov.cn', sponsor: '济宁市兖州区人民政府办公室', webId: 1 };

/** 详见附件: the PDF with tables 2–4 is the only place the numbers are. */
const NOTE_ONLY: DemoReportSpec = demoReport('yanzhou-weijian-2024');
/** A 2021-form report published without tables: the title, a short note, nothing linked. */
const NO_TABLES: DemoReportSpec = { ...demoReport('yanzhou-xinfang-2023'), tables: 'none' };

function notePage(spec: DemoReportSpec): string {
  const link = attachmentPaths(spec);
  const attachment = link === null ? '' : `<p>附件：<a href="${link.link}">${spec.agency}${spec.year}年政府信息公开工作年度报告.pdf</a></p>`;
  const note = link === null ? '本单位本年度政府信息公开工作年度报告无统计数据。' : '现将本单位政府信息公开工作年度报告予以公布，详见附件。';
  return annualReportPage(SITE, { title: spec.title, publishedAt: spec.publishedAt, bodyHtml: `<p>${note}</p>\n${attachment}` });
}

/** The xxgk pages of the two bodies answer with a note instead of the full report. */
function noteRoute(specs: readonly DemoReportSpec[]): Route {
  return (url) => {
    if (url.pathname !== '/module/xxgk/xxgkAnnualReport.jsp') return null;
    const spec = specs.find((s) => s.agencyKey === url.searchParams.get('area') && String(s.year) === url.searchParams.get('fbtime'));
    return spec === undefined ? null : { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: Buffer.from(notePage(spec), 'utf8') };
  };
}

function portalOf(site: RunningSite): PortalConfig {
  return {
    id: 'notes-demo', family: 'hanweb', name: 'notes (demo)', baseUrl: site.origin, years: [2023, 2024], agencies: [],
    annualReportModule: true, catalogueUrls: ['/col/col35774/index.html'], reportColumns: [61508], reportMenuUrls: [], linkedHosts: [],
  };
}

describe('a report is never discarded for where its tables are (crawl)', () => {
  let site: RunningSite;
  let db: Database;
  let portal: PortalConfig;
  const moduleUrl = (spec: DemoReportSpec): string => `${site.origin}/module/xxgk/xxgkAnnualReport.jsp?area=${encodeURIComponent(spec.agencyKey)}&fbtime=${spec.year}`;
  const reportAt = (url: string) => {
    const listed = listReports(db, {}).find((r) => r.url === url);
    return listed === undefined ? null : getReport(db, listed.id);
  };

  beforeAll(async () => {
    const served = [NOTE_ONLY, NO_TABLES];
    const options = { slowMs: 0, flakyFailures: 0, withHangingDownload: false, flipbookOrigin: 'http://127.0.0.1:9' };
    site = await serveSite([noteRoute(served), ...yanzhouRoutes(served, options)], 0);
    portal = portalOf(site);
    db = tempArchive().db;
    await runCrawl(db, { portals: [portal], fetcher: FAST_FETCHER });
  }, 120_000);

  afterAll(async () => {
    db.close();
    await site.close();
  });

  it('详见附件 + PDF: archived with every cell read from the PDF, each pointing at the PDF capture; the watch says on_time', () => {
    const report = reportAt(moduleUrl(NOTE_ONLY));
    expect(report).not.toBeNull();
    expect(report!.missingTables).toEqual([]);
    const pdf = latestSuccessfulCapture(db, site.origin + attachmentPaths(NOTE_ONLY)!.file)!;
    expect(pdf).not.toBeNull();
    for (const key of templateKeys(NOTE_ONLY.template)) {
      const cell = report!.cells.find((c) => c.key === key);
      expect(cell?.value, key).toBe(NOTE_ONLY.cells[key] ?? null);
      expect(cell?.sourceCaptureId, key).toBe(pdf.id);
      expect(cell?.method, key).toBe('pdf-text');
    }
    expect(listExtractionProblems(db, { reportCaptureId: report!.sourceCaptureId! }).map((p) => p.code)).toEqual([]);
    const status = computeStatuses(db, { portals: [portal], asOf: TODAY, years: [2024] }).statuses.find((s) => s.bodyKey === NOTE_ONLY.agencyKey);
    expect(status?.status).toBe('on_time');
    expect(status?.reportId).toBe(report!.id);
  });

  it('no tables anywhere: archived, every cell null, flagged E_NO_TABLES with its reason; the watch does not call it missing', () => {
    const report = reportAt(moduleUrl(NO_TABLES));
    expect(report).not.toBeNull();
    expect(report!.template).toBe('2021');
    expect(report!.missingTables).toEqual(['t2', 't3', 't4']);
    expect(report!.cells.filter((c) => c.value !== null)).toEqual([]);
    const problems = listExtractionProblems(db, { reportCaptureId: report!.sourceCaptureId! });
    expect(problems.map((p) => p.code)).toEqual(['E_NO_TABLES']);
    expect(problems[0]!.message).toMatch(/^not_published: /);
    const status = computeStatuses(db, { portals: [portal], asOf: TODAY, years: [2023] }).statuses.find((s) => s.bodyKey === NO_TABLES.agencyKey);
    expect(status?.status).toBe('on_time');
  });

  it('the xxgk page of a body without a report is still no report: the watch calls that body missing', () => {
    const silent = computeStatuses(db, { portals: [portal], asOf: TODAY, years: [2023] }).statuses.find((s) => s.bodyKey === '11370812MB1565722X');
    expect(silent).toMatchObject({ status: 'missing', reportId: null });
    expect(silent!.evidence.length).toBeGreaterThan(0);
  });

  it('nianbao extract <url> --json and <file> --json: the note page is a report, its problems named', async () => {
    const { dir, file } = tempArchive();
    const url = await runCli(['extract', moduleUrl(NOTE_ONLY), '--json', '--db', file]);
    expect(url.code).toBe(0);
    const fromUrl = JSON.parse(url.stdout) as { missingTables: string[]; problems: { code: string }[]; cells: Record<string, number | null> };
    expect(fromUrl.problems).toEqual([]);
    expect(fromUrl.cells['t3.new.total']).toBe(NOTE_ONLY.cells['t3.new.total']);
    const page = path.join(dir, 'note.html');
    writeFileSync(page, notePage(NOTE_ONLY));
    const local = await runCli(['extract', page, '--json']);
    expect(local.code).toBe(0);
    const fromFile = JSON.parse(local.stdout) as { title: string; missingTables: string[]; problems: { code: string; reason: string; keys: string[] }[] };
    expect(fromFile.title).toBe(NOTE_ONLY.title);
    expect(fromFile.missingTables).toEqual(['t2', 't3', 't4']);
    expect(fromFile.problems).toMatchObject([{ code: 'E_NO_TABLES', reason: 'not_read_from_files' }]);
    expect(fromFile.problems[0]!.keys).toHaveLength(templateKeys('2021').length);
  }, 60_000);
});
