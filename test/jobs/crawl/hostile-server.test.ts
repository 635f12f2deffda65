import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortals, type DemoPortals } from '../../../demo/portal/demo-portals.ts';
import { runCrawl } from '../../../jobs/crawl/run-crawl.ts';
import { countCaptures } from '../../../store/captures.ts';
import { listReports } from '../../../store/reports.ts';
import { FAST_FETCHER, tempArchive } from '../../helpers/temp-archive.ts';

describe('a portal with a download that never answers', () => {
  let demo: DemoPortals;

  beforeAll(async () => {
    demo = await startDemoPortals({ slowMs: 10, flakyFailures: 0, withHangingDownload: true });
  });

  afterAll(async () => {
    await demo.close();
  });

  it('times out that request, records why, and archives everything else', async () => {
    const { db } = tempArchive();
    const summary = await runCrawl(db, {
      portals: demo.portals.filter((p) => p.id === 'yanzhou-demo'),
      fetcher: { ...FAST_FETCHER, timeoutMs: 300, maxRetries: 1 },
    });
    expect(summary.skipReasons['E_TIMEOUT'] ?? 0).toBe(1);
    expect(summary.status).toBe('partial');
    expect(countCaptures(db, { status: 0 })).toBe(2); // the first attempt and its retry, both kept as evidence
    expect(listReports(db, { portalId: 'yanzhou-demo' }).length).toBe(summary.reports.new);
    expect(summary.reports.new).toBeGreaterThanOrEqual(10);
    db.close();
  });
});
