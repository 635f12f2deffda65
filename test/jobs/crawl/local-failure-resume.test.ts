/**
 * Issue 12, item 5: pages that failed for a local cause — a crash while archiving (E_INTERNAL), a full disk — are
 * retried by the resumed run, and that run says ok only once everything is archived. The failures are real SQLite
 * errors, raised by temporary triggers on this connection's archive writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalConfig } from '../../../crawlers/portal-config.ts';
import { startDemoPortals, type DemoPortals } from '../../../demo/portal/demo-portals.ts';
import { runCrawl } from '../../../jobs/crawl/run-crawl.ts';
import { countByState, getFrontierItem } from '../../../store/frontier.ts';
import { listReports } from '../../../store/reports.ts';
import { getRun } from '../../../store/runs.ts';
import { A, E, SERVED } from '../nightly/scenario.ts';
import { FAST_FETCHER, tempArchive } from '../../helpers/temp-archive.ts';

describe('a crawl that met a crash and a full disk, then resumed', () => {
  let demo: DemoPortals;
  let portals: PortalConfig[];

  beforeAll(async () => {
    demo = await startDemoPortals({ reports: SERVED.first, slowMs: 0, flakyFailures: 0 });
    portals = demo.portals.filter((p) => p.id === 'yanzhou-demo');
  });

  afterAll(async () => {
    await demo.close();
  });

  it('stops at the full disk, keeps the run open, and the resumed run retries both pages and ends ok', async () => {
    const { db } = tempArchive('nianbao-local-failure-');
    const crashed = demo.reportUrl(A.slug); // an xxgk seed: fetched early
    const full = demo.reportUrl(E.slug); // an article found in the 年报 column: fetched later
    const fail = (name: string, url: string, message: string): void => {
      db.exec(`CREATE TEMP TRIGGER ${name} BEFORE INSERT ON captures WHEN NEW.url = '${url}' BEGIN SELECT RAISE(ABORT, '${message}'); END`);
    };
    fail('crash', crashed, 'simulated bug while archiving');
    fail('disk_full', full, 'database or disk is full');

    await expect(runCrawl(db, { portals, concurrency: 1, fetcher: FAST_FETCHER })).rejects.toMatchObject({ code: 'E_DISK_FULL' });
    const runId = (db.prepare("SELECT max(id) AS id FROM runs WHERE kind = 'crawl'").get() as { id: number }).id;
    expect(getRun(db, runId)?.status).toBe('running');
    expect(getFrontierItem(db, runId, crashed)).toMatchObject({ state: 'failed', reasonCode: 'E_INTERNAL' });
    // (the column lists E under an old address that redirects: its frontier URL is that one)
    expect(db.prepare("SELECT state, reason_code FROM frontier WHERE run_id = ? AND reason_code = 'E_DISK_FULL'").all(runId)).toEqual([{ state: 'failed', reason_code: 'E_DISK_FULL' }]);

    db.exec('DROP TRIGGER temp.crash; DROP TRIGGER temp.disk_full'); // space freed, bug fixed
    const resumed = await runCrawl(db, { portals, concurrency: 1, fetcher: FAST_FETCHER });
    expect(resumed).toMatchObject({ runId, resumed: true, status: 'ok' });
    expect(countByState(db, runId)).toMatchObject({ failed: 0, pending: 0 });
    const urls = listReports(db, { portalId: 'yanzhou-demo' }).map((r) => r.url);
    expect(urls).toEqual(expect.arrayContaining([crashed, full]));
    expect(urls).toHaveLength(SERVED.first.length);
    db.close();
  });

  it('a crash on one page alone: the run goes on and ends partial, never ok', async () => {
    const { db } = tempArchive('nianbao-local-crash-');
    db.exec(`CREATE TEMP TRIGGER crash BEFORE INSERT ON captures WHEN NEW.requested_url = '${demo.reportUrl(A.slug)}' BEGIN SELECT RAISE(ABORT, 'simulated bug'); END`);
    const summary = await runCrawl(db, { portals, fetcher: FAST_FETCHER });
    expect(summary.status).toBe('partial');
    expect(summary.skipReasons['E_INTERNAL']).toBe(1);
    expect(summary.reports.new).toBe(SERVED.first.length - 1);
    db.close();
  });
});
