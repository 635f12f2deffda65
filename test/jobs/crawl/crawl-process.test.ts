/**
 * Issue 12, item 8 and the crawl lock, with real processes of bin/nianbao.js against a slow local portal:
 * SIGTERM / SIGINT end `crawl` with exit 130 and the run marked interrupted, which the next crawl resumes; a second
 * `crawl` on an archive a running crawl holds exits 6 and fetches nothing.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortals, type DemoPortals } from '../../../demo/portal/demo-portals.ts';
import { queryArchive, spawnCli, waitFor, type CliChild } from '../../helpers/spawn-cli.ts';
import { tempArchive } from '../../helpers/temp-archive.ts';
import { SERVED } from '../nightly/scenario.ts';
import { startCuttingProxy, type CuttingProxy } from './cutting-proxy.ts';

interface RunRow {
  id: number;
  status: string;
}

describe('crawl processes: signals and the run lock', () => {
  let demo: DemoPortals;
  let proxy: CuttingProxy;
  let portalsFile: string;
  let catalogue: string;

  beforeAll(async () => {
    demo = await startDemoPortals({ reports: SERVED.first, slowMs: 0, flakyFailures: 0 });
    proxy = await startCuttingProxy(demo.sites.yanzhou.origin);
    const yanzhou = demo.portals.find((p) => p.id === 'yanzhou-demo')!;
    // The catalogue page is held unanswered while a test needs the crawl in flight (signal, second start).
    catalogue = yanzhou.catalogueUrls[0]!;
    const { dir } = tempArchive('nianbao-crawl-process-portals-');
    portalsFile = path.join(dir, 'portals.json');
    writeFileSync(portalsFile, JSON.stringify([{ ...yanzhou, baseUrl: proxy.origin }]));
  });

  afterAll(async () => {
    await proxy.close();
    await demo.close();
  });

  const crawl = (db: string, extra: readonly string[] = []): CliChild => spawnCli(['crawl', '--portals', portalsFile, '--db', db, '--delay', '0', '--quiet', ...extra]);
  const runs = (db: string): RunRow[] => queryArchive<RunRow>(db, "SELECT id, status FROM runs WHERE kind = 'crawl' ORDER BY id");
  const captures = (db: string): number => queryArchive<{ n: number }>(db, 'SELECT count(*) AS n FROM captures')[0]?.n ?? 0;

  it('a second crawl exits 6 while the first runs; SIGTERM ends the first with 130, interrupted; the next crawl resumes it', async () => {
    const { file, db } = tempArchive('nianbao-crawl-sigterm-');
    db.close();
    proxy.hold.add(catalogue);
    const first = crawl(file);
    await waitFor(() => runs(file).length === 1 && captures(file) > 0, 'the first crawl to start fetching');

    const second = crawl(file);
    expect(await second.exit).toBe(6);
    expect(second.stderr()).toContain('a crawl run is in progress');
    expect(runs(file)).toHaveLength(1); // the second start did nothing

    first.process.kill('SIGTERM');
    expect(await first.exit).toBe(130);
    expect(first.stderr()).toContain('interrupted by SIGTERM');
    expect(runs(file)).toEqual([{ id: 1, status: 'interrupted' }]);
    expect(existsSync(`${file}.nightly-lock.json`)).toBe(false); // the lock note went with the process
    proxy.hold.delete(catalogue);

    const third = crawl(file, ['--json']);
    expect(await third.exit).toBe(0);
    expect(JSON.parse(third.stdout())).toMatchObject({ runId: 1, resumed: true, status: 'ok' });
    expect(runs(file)).toEqual([{ id: 1, status: 'ok' }]);
  }, 90_000);

  it('SIGINT (Ctrl-C) too: exit 130, the run marked interrupted', async () => {
    const { file, db } = tempArchive('nianbao-crawl-sigint-');
    db.close();
    proxy.hold.add(catalogue);
    const child = crawl(file);
    await waitFor(() => runs(file).length === 1 && captures(file) > 0, 'the crawl to start fetching');
    child.process.kill('SIGINT');
    expect(await child.exit).toBe(130);
    expect(runs(file)).toEqual([{ id: 1, status: 'interrupted' }]);
    proxy.hold.delete(catalogue);
  }, 60_000);
});
