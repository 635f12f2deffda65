/**
 * Issue 12, item 1 under `nightly`: night 1 the portal resets the connection in the middle of body A's report page,
 * night 2 it serves the whole page. Night 1 must not call A on_time from the cut-off page (there is no evidence
 * either way: unknown); night 2 records A's first version, on_time — never a "changed" with cells "—→0".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalConfig } from '../../../crawlers/portal-config.ts';
import { startDemoPortals, type DemoPortals } from '../../../demo/portal/demo-portals.ts';
import { runNightly, type NightlySummary } from '../../../jobs/nightly/run-nightly.ts';
import { openArchive } from '../../../store/open-archive.ts';
import { listReports } from '../../../store/reports.ts';
import { listStatusHistory, listWatchStatuses, type WatchStatusRow } from '../../../store/watch-statuses.ts';
import { FAST_FETCHER, tempArchive } from '../../helpers/temp-archive.ts';
import { startCuttingProxy, type CuttingProxy } from '../crawl/cutting-proxy.ts';
import { A, clockAt, SERVED } from './scenario.ts';

describe('nightly: a report page cut off one night, whole the next', () => {
  let demo: DemoPortals;
  let proxy: CuttingProxy;
  let file: string;
  let portals: PortalConfig[];
  const summaries: NightlySummary[] = [];
  const statusesOfA: WatchStatusRow[] = [];

  const night = async (iso: string): Promise<void> => {
    summaries.push(await runNightly({ archiveFile: file, portals, fetcher: { ...FAST_FETCHER, maxRetries: 1 }, now: clockAt(iso) }));
    const db = openArchive(file);
    statusesOfA.push(listWatchStatuses(db, { year: 2023 }).find((s) => s.bodyKey === A.agencyKey)!);
    db.close();
  };

  beforeAll(async () => {
    demo = await startDemoPortals({ reports: SERVED.first, slowMs: 0, flakyFailures: 0 });
    proxy = await startCuttingProxy(demo.sites.yanzhou.origin);
    portals = demo.portals.filter((p) => p.id === 'yanzhou-demo').map((p) => ({ ...p, baseUrl: proxy.origin }));
    const t = tempArchive('nianbao-nightly-cut-');
    t.db.close();
    file = t.file;
    proxy.cut.add(demo.reportUrl(A.slug).slice(demo.sites.yanzhou.origin.length));
    await night('2024-02-04T18:00:00.000Z'); // after A's deadline (31 January)
    proxy.cut.clear();
    await night('2024-02-05T18:00:00.000Z');
  }, 120_000);

  afterAll(async () => {
    await proxy.close();
    await demo.close();
  });

  it('night 1: partial, and A is not on_time from a page that was cut off', () => {
    expect(proxy.stats.cutResponses).toBeGreaterThan(0);
    expect(summaries[0]!.status).toBe('partial');
    expect(summaries[0]!.counts.failuresByReason['E_TRUNCATED']).toBe(1);
    expect(statusesOfA[0]!.status).toBe('unknown');
    expect(statusesOfA[0]!.reportId).toBeNull();
  });

  it('night 2: A published on time, its first and only version, and nothing "changed"', () => {
    expect(summaries[1]!.status).toBe('ok');
    expect(statusesOfA[1]!.status).toBe('on_time');
    const db = openArchive(file);
    try {
      const versions = listReports(db, { currentOnly: false }).filter((r) => r.agencyKey === A.agencyKey && r.year === 2023);
      expect(versions.map((v) => v.version)).toEqual([1]);
      expect(listStatusHistory(db, { portalId: 'yanzhou-demo', bodyKey: A.agencyKey, year: 2023 }).filter((h) => h.status === 'changed')).toEqual([]);
    } finally {
      db.close();
    }
    expect(summaries.flatMap((s) => s.watch.changes).filter((c) => c.to === 'changed')).toEqual([]);
  });
});
