/**
 * Issue 12, item 1: a server that resets the connection mid-body. The cut-off page is recorded (captures kept as
 * evidence, frontier failed with E_TRUNCATED, run partial) and never read as a report; the next run gets the whole
 * page and records its first and only version, with every table.
 */
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalConfig } from '../../../crawlers/portal-config.ts';
import { startDemoPortals, type DemoPortals } from '../../../demo/portal/demo-portals.ts';
import { runCrawl, type CrawlSummary } from '../../../jobs/crawl/run-crawl.ts';
import { getFrontierItem } from '../../../store/frontier.ts';
import { getReport, listReports } from '../../../store/reports.ts';
import { A, SERVED } from '../nightly/scenario.ts';
import { FAST_FETCHER, tempArchive } from '../../helpers/temp-archive.ts';
import { startCuttingProxy, type CuttingProxy } from './cutting-proxy.ts';

describe('a report page cut off mid-body', () => {
  let demo: DemoPortals;
  let proxy: CuttingProxy;
  let db: Database;
  let portals: PortalConfig[];
  let reportUrl: string;
  let first: CrawlSummary;
  let second: CrawlSummary;

  beforeAll(async () => {
    demo = await startDemoPortals({ reports: SERVED.first, slowMs: 0, flakyFailures: 0 });
    proxy = await startCuttingProxy(demo.sites.yanzhou.origin);
    portals = demo.portals.filter((p) => p.id === 'yanzhou-demo').map((p) => ({ ...p, baseUrl: proxy.origin }));
    const path = demo.reportUrl(A.slug).slice(demo.sites.yanzhou.origin.length);
    reportUrl = proxy.origin + path;
    db = tempArchive('nianbao-cut-').db;
    proxy.cut.add(path);
    first = await runCrawl(db, { portals, fetcher: { ...FAST_FETCHER, maxRetries: 1 } });
    proxy.cut.clear();
    second = await runCrawl(db, { portals, fetcher: FAST_FETCHER });
  }, 120_000);

  afterAll(async () => {
    db.close();
    await proxy.close();
    await demo.close();
  });

  it('records the cut-off page with its reason and ends the run partial', () => {
    expect(proxy.stats.cutResponses).toBe(2); // the attempt and its retry
    expect(first.status).toBe('partial');
    expect(first.skipReasons['E_TRUNCATED']).toBe(1);
    expect(getFrontierItem(db, first.runId, reportUrl)).toMatchObject({ state: 'failed', reasonCode: 'E_TRUNCATED' });
    const captures = db.prepare('SELECT error_code, sha256 FROM captures WHERE run_id = ? AND requested_url = ?').all(first.runId, reportUrl) as {
      error_code: string | null;
      sha256: string | null;
    }[];
    expect(captures.map((c) => c.error_code)).toEqual(['E_TRUNCATED', 'E_TRUNCATED']);
    expect(captures.every((c) => c.sha256 !== null)).toBe(true); // the partial bytes are kept as evidence
  });

  it('never reads the cut-off body as a report', () => {
    expect(first.reports.new).toBe(SERVED.first.length - 1);
    const fromFirstRun = db.prepare('SELECT count(*) AS n FROM reports r JOIN captures c ON c.id = r.source_capture_id WHERE c.run_id = ? AND r.url = ?').get(first.runId, reportUrl) as { n: number };
    expect(fromFirstRun.n).toBe(0);
  });

  it('archives the whole page on the next run as its first version, with every table', () => {
    expect(second.status).toBe('ok');
    expect(second.reports.new).toBe(1);
    expect(second.reports.newVersion).toBe(0);
    const versions = listReports(db, { currentOnly: false }).filter((r) => r.url === reportUrl);
    expect(versions.map((v) => v.version)).toEqual([1]);
    const report = getReport(db, versions[0]!.id)!;
    expect(report.missingTables).toEqual([]);
    const cells = Object.fromEntries(report.cells.map((c) => [c.key, c.value]));
    for (const [key, value] of Object.entries(A.cells)) expect(cells[key], key).toBe(value);
  });
});
