/**
 * Issue 13, item 1: the crawl works many hosts at once — one queue per host with its own gap — instead of four tasks
 * of the same host queueing behind its 1-request-per-gap politeness. Twelve loopback portals on their own ports.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalConfig } from '../../../crawlers/portal-config.ts';
import { runCrawl } from '../../../jobs/crawl/run-crawl.ts';
import { tempArchive } from '../../helpers/temp-archive.ts';

const HOSTS = 12;
const GAP_MS = 300;
const AGENCIES = ['a', 'b', 'c'];

interface Site {
  readonly server: Server;
  readonly port: number;
  /** Start times (ms) of page requests (robots.txt aside). */
  readonly starts: number[];
}

describe('per-host scheduling', () => {
  const sites: Site[] = [];
  let active = 0;
  const activeHosts = new Map<number, number>();
  let maxHostsAtOnce = 0;

  beforeAll(async () => {
    for (let i = 0; i < HOSTS; i += 1) {
      const starts: number[] = [];
      let port = 0;
      const server = createServer((req, res) => {
        if (req.url !== '/robots.txt') starts.push(Date.now());
        active += 1;
        activeHosts.set(port, (activeHosts.get(port) ?? 0) + 1);
        maxHostsAtOnce = Math.max(maxHostsAtOnce, activeHosts.size);
        setTimeout(() => {
          active -= 1;
          const left = (activeHosts.get(port) ?? 1) - 1;
          if (left === 0) activeHosts.delete(port);
          else activeHosts.set(port, left);
          if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><head><title>某县人民政府</title></head><body>首页</body></html>');
          else res.writeHead(404).end();
        }, 100);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
      sites.push({ server, port, starts });
    }
  });

  afterAll(async () => {
    for (const s of sites) await new Promise((r) => s.server.close(r));
  });

  it('keeps many hosts in flight at once, each at its own gap', async () => {
    const portals: PortalConfig[] = sites.map((s, i) => ({
      id: `county-${i}`,
      family: 'hanweb',
      name: `county ${i}`,
      baseUrl: `http://127.0.0.1:${s.port}`,
      years: [2023],
      agencies: AGENCIES.map((key) => ({ key, name: `${key} 局`, kind: '部门' as const })),
      annualReportModule: true,
      catalogueUrls: [],
      reportColumns: [],
      reportMenuUrls: [],
      linkedHosts: [],
    }));
    const { db } = tempArchive('nianbao-per-host-');
    const started = Date.now();
    const summary = await runCrawl(db, { portals, concurrency: HOSTS, fetcher: { perHostDelayMs: GAP_MS, maxRetries: 0, timeoutMs: 10_000 } });
    const elapsed = Date.now() - started;
    db.close();
    expect(summary.tasks.done + summary.tasks.skipped).toBe(HOSTS * (1 + AGENCIES.length));
    expect(active).toBe(0);
    // Hosts are worked side by side: most of them had a request open at the same moment.
    expect(maxHostsAtOnce).toBeGreaterThanOrEqual(HOSTS - 2);
    // Each host still waited its gap between requests. The fetcher spaces its request *starts*; the server sees
    // arrivals, each late by however long the busy crawl process took to put it on the wire, so a single gap can look
    // shorter by that delay. The span from first to last arrival cannot: it holds every gap, less one delay.
    for (const site of sites) {
      const gaps = site.starts.slice(1).map((t, i) => t - site.starts[i]!);
      for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(GAP_MS - 120);
      expect(site.starts.at(-1)! - site.starts[0]!).toBeGreaterThanOrEqual(gaps.length * GAP_MS - 60);
    }
    // One host's 4 pages take ≥ 3 gaps; all 12 hosts one after the other would take ≥ 12 × that.
    expect(elapsed).toBeLessThan(HOSTS * 3 * GAP_MS);
  }, 60_000);
});
