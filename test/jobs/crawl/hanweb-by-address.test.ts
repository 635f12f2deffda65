/**
 * Hanweb jcms portals known by their address only: yanzhou as `{ id, baseUrl }` (family detected), wendeng as
 * `{ id, family: "hanweb", baseUrl }`. From the home page the crawl finds the xxgk catalogue (bodies, their keys and
 * kinds), the 年报 column, the 年报 menu with its per-year columns, and every report once.
 */
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePortals, type PortalConfig } from '../../../crawlers/portal-config.ts';
import { startDemoPortals, type DemoPortals } from '../../../demo/portal/demo-portals.ts';
import { DEMO_REPORTS } from '../../../demo/reports/catalogue.ts';
import { runCrawl, type CrawlSummary } from '../../../jobs/crawl/run-crawl.ts';
import { chinaDate } from '../../../jobs/watch/dates.ts';
import { listAgencies } from '../../../store/agencies.ts';
import { listRunFinalCaptures } from '../../../store/captures.ts';
import { getPortal } from '../../../store/portals.ts';
import { listReports } from '../../../store/reports.ts';
import { FAST_FETCHER, tempArchive } from '../../helpers/temp-archive.ts';
import { runCli } from '../cli/run-cli.ts';

/** Report years the crawl probes by default (2019 … last year); a portal offering older years says so in `years`. */
const inDefaultYears = (year: number): boolean => year >= 2019;
const expected = DEMO_REPORTS.filter((r) => inDefaultYears(r.year));

describe('Hanweb portals configured by their address only', () => {
  let demo: DemoPortals;
  let db: Database;
  let file: string;
  let portals: PortalConfig[];
  let first: CrawlSummary;
  let second: CrawlSummary;

  beforeAll(async () => {
    demo = await startDemoPortals({ slowMs: 10, flakyFailures: 0 });
    portals = parsePortals(
      [
        { id: 'yanzhou', baseUrl: demo.sites.yanzhou.origin },
        { id: 'wendeng', family: 'hanweb', baseUrl: demo.sites.wendeng.origin },
      ],
      'test',
    );
    const archive = tempArchive();
    db = archive.db;
    file = archive.file;
    first = await runCrawl(db, { portals, fetcher: FAST_FETCHER });
    second = await runCrawl(db, { portals, fetcher: FAST_FETCHER });
  }, 240_000);

  afterAll(async () => {
    db.close();
    await demo.close();
  });

  it('detects the family of the portal without one, and names both from their home pages', () => {
    expect(getPortal(db, 'yanzhou')).toMatchObject({ family: 'hanweb', name: '中国·兖州' });
    expect(getPortal(db, 'wendeng')).toMatchObject({ family: 'hanweb', name: '威海市文登区人民政府' });
    expect(first.status).toBe('ok');
  });

  it('finds the bodies of the xxgk catalogue linked from the home page, with their keys and kinds', () => {
    const agencies = listAgencies(db, 'yanzhou');
    expect(agencies.find((a) => a.key === '11370812MB1565722X')).toMatchObject({ name: '济宁市兖州区审计局', kind: '部门' });
    expect(agencies.find((a) => a.key === '11370812004322181W')?.kind).toBe('乡镇街道');
    expect(agencies.find((a) => a.key === '113708120043225000MZJ')).toBeDefined();
  });

  it('archives every report exactly once: module pages, the 年报 column, per-year columns, flip-books', () => {
    const reports = listReports(db, { currentOnly: false });
    for (const spec of expected) {
      const found = reports.filter((r) => r.url === demo.reportUrl(spec.slug));
      expect(found, spec.slug).toHaveLength(1);
      expect(found[0], spec.slug).toMatchObject({ agencyName: spec.agency, year: spec.year });
    }
    expect(reports).toHaveLength(expected.length);
    expect(first.reports.failed).toBe(0);
  });

  it('captures every image, attachment and flip-book page the reports link', () => {
    expect(listRunFinalCaptures(db, first.runId, 'image').filter((c) => c.status === 200)).toHaveLength(3);
    expect(listRunFinalCaptures(db, first.runId, 'attachment').filter((c) => c.status === 200 && c.contentType === 'application/pdf')).toHaveLength(1);
    const flipbookPages = listRunFinalCaptures(db, first.runId, 'flipbook').filter((c) => c.status === 200);
    expect(flipbookPages.length).toBeGreaterThanOrEqual(DEMO_REPORTS.filter((r) => r.delivery === 'flipbook').length * 4);
  });

  it('answers ≥ 90 % of report pages with 304 on the second crawl, archiving nothing new', () => {
    const reportPages = listRunFinalCaptures(db, second.runId, 'report');
    const conditional = reportPages.filter((c) => c.status === 304).length;
    expect(conditional / reportPages.length).toBeGreaterThanOrEqual(0.9);
    expect(second.reports.new + second.reports.newVersion).toBe(0);
  });

  it('keeps the old version when a report in a per-year column changes after publication', async () => {
    const slug = 'wendeng-caizheng-2025';
    const changed = DEMO_REPORTS.map((r) => (r.slug === slug ? { ...r, cells: { ...r.cells, 't2.licensing.decisions': (r.cells['t2.licensing.decisions'] ?? 0) + 3 } } : r));
    demo.setReports(changed);
    try {
      const third = await runCrawl(db, { portals: portals.filter((p) => p.id === 'wendeng'), fetcher: FAST_FETCHER });
      expect(third.reports.newVersion).toBe(1);
      const versions = listReports(db, { currentOnly: false }).filter((r) => r.url === demo.reportUrl(slug));
      expect(versions.map((v) => [v.version, v.isCurrent])).toEqual(expect.arrayContaining([[1, false], [2, true]]));
    } finally {
      demo.setReports(DEMO_REPORTS);
    }
  });

  it('says missing for the catalogued body whose xxgk page is empty, on time for those that published', async () => {
    const { code, stdout } = await runCli(['missing', '--year', '2023', '--portal', 'yanzhou', '--db', file, '--json', '--as-of', chinaDate(new Date())]);
    expect(code).toBe(0);
    const bodies = (JSON.parse(stdout) as { bodies: { key: string; name: string; status: string }[] }).bodies;
    expect(bodies.find((b) => b.key === '11370812MB1565722X')?.status).toBe('missing');
    expect(bodies.find((b) => b.key === '11370812004322760Y')?.status).toBe('on_time');
    for (const spec of DEMO_REPORTS.filter((r) => r.portal === 'yanzhou' && r.year === 2023)) {
      expect(['on_time', 'late'], spec.slug).toContain(bodies.find((b) => b.name === spec.agency)?.status);
    }
  });
});
