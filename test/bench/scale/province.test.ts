/**
 * Smoke test of the scale benchmark's province (bench/scale): a tiny province (3 portals × 3 bodies) crawled twice by
 * the real crawl into a temp archive — night 1 archives every published report and records every unpublished body's
 * empty page, night 2 gets a 304 for every report page and re-archives nothing. The full benchmark is `npm run bench:scale`.
 */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { serveSite, type RunningSite } from '../../../demo/portal/http-site.ts';
import { provincePlan, provincePortalConfigs, provinceRoutes } from '../../../bench/scale/province.ts';
import { runCrawl } from '../../../jobs/crawl/run-crawl.ts';
import { tempArchive } from '../../helpers/temp-archive.ts';

const REPORT_PATH = '/module/xxgk/xxgkAnnualReport.jsp';

describe('scale benchmark province', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('is the same province for the same sizes, with some bodies that published nothing', () => {
    const plan = provincePlan(6, 40);
    expect(provincePlan(6, 40)).toEqual(plan);
    expect(plan.reports).toBeGreaterThan(0);
    expect(plan.reports).toBeLessThan(6 * 40);
    expect(new Set(plan.portals.flatMap((p) => p.bodies.map((b) => `${p.id}/${b.key}`))).size).toBe(6 * 40);
  });

  it('night 1 archives every published report; night 2 is answered 304 and archives nothing new', async () => {
    const plan = provincePlan(3, 3, 7);
    const unpublished = plan.portals.reduce((sum, p) => sum + p.bodies.filter((b) => !b.published).length, 0);
    expect(unpublished).toBeGreaterThan(0);
    const sites: RunningSite[] = await Promise.all(plan.portals.map((p) => serveSite(provinceRoutes(p))));
    cleanups.push(() => Promise.all(sites.map((s) => s.close())).then(() => undefined));
    const portals = provincePortalConfigs(plan, sites.map((s) => s.origin));
    const archive = tempArchive('nianbao-scale-');
    cleanups.push(() => {
      archive.db.close();
      rmSync(archive.dir, { recursive: true, force: true });
    });
    const options = { portals, fetcher: { perHostDelayMs: 50 }, extraction: { ocr: null } };

    const night1 = await runCrawl(archive.db, options);
    expect(night1.status).toBe('ok');
    expect(night1.reports).toMatchObject({ new: plan.reports, noReport: unpublished, failed: 0 });
    for (const site of sites) {
      site.stats.log.length = 0;
      site.stats.bodies.length = 0;
    }

    const night2 = await runCrawl(archive.db, options);
    expect(night2.status).toBe('ok');
    expect(night2.reports).toMatchObject({ new: 0, newVersion: 0, unchanged: plan.reports, failed: 0 });
    const reportRequests = sites.reduce((sum, s) => sum + s.stats.log.filter((p) => p.startsWith(REPORT_PATH)).length, 0);
    expect(reportRequests).toBe(9);
    // Every report page was answered 304: none was sent with a body.
    expect(sites.flatMap((s) => s.stats.bodies).filter((p) => p === REPORT_PATH)).toEqual([]);
  });
});
