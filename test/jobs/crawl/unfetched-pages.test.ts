/**
 * Issue 12, item 4: a crawl ends partial (exit 1) whenever a page could not be fetched or read — a portal refusing
 * connections (so its robots.txt is unreachable), a redirect loop, a body over the limit, a redirect to a host we do
 * not fetch — each recorded with its reason.
 */
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalConfig } from '../../../crawlers/portal-config.ts';
import { runCrawl } from '../../../jobs/crawl/run-crawl.ts';
import { countByState } from '../../../store/frontier.ts';
import { FAST_FETCHER, tempArchive } from '../../helpers/temp-archive.ts';
import { runCli } from '../cli/run-cli.ts';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function portal(id: string, port: number, agencies: readonly string[]): PortalConfig {
  return {
    id,
    family: 'hanweb',
    name: id,
    baseUrl: `http://127.0.0.1:${port}`,
    years: [2023],
    agencies: agencies.map((key) => ({ key, name: `${key} 局`, kind: '部门' as const })),
    annualReportModule: true,
    catalogueUrls: [],
    reportColumns: [],
    reportMenuUrls: [],
    linkedHosts: [],
  };
}

/** xxgk report pages that cannot be archived: a redirect loop, a body over 1000 bytes, a redirect off our hosts. */
function hostileSite(port: () => number): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const area = url.searchParams.get('area');
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><head><title>某区人民政府</title></head><body>首页</body></html>');
    } else if (area === 'loop') {
      res.writeHead(302, { location: req.url ?? '/' }).end();
    } else if (area === 'huge') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(5_000) }).end('x'.repeat(5_000));
    } else if (area === 'elsewhere') {
      res.writeHead(302, { location: `http://localhost:${port()}/report.html` }).end();
    } else {
      res.writeHead(404).end();
    }
  });
}

describe('pages that could not be fetched or read end the crawl partial', () => {
  const servers: Server[] = [];
  let refused: PortalConfig;
  let hostile: PortalConfig;

  beforeAll(async () => {
    const closed = createServer();
    const closedPort = await listen(closed);
    await new Promise((r) => closed.close(r)); // nothing listens there any more: connections are refused
    refused = portal('refused', closedPort, ['bureau']);
    let hostilePort = 0;
    const site = hostileSite(() => hostilePort);
    servers.push(site);
    hostilePort = await listen(site);
    hostile = portal('hostile', hostilePort, ['loop', 'huge', 'elsewhere']);
  });

  afterAll(async () => {
    for (const s of servers) await new Promise((r) => s.close(r));
  });

  it('a portal refusing connections: robots.txt unreachable, every page failed, exit 1', async () => {
    const { dir, file, db } = tempArchive('nianbao-refused-');
    db.close();
    const portalsFile = path.join(dir, 'portals.json');
    writeFileSync(portalsFile, JSON.stringify([refused]));
    const { code, stdout } = await runCli(['crawl', '--portals', portalsFile, '--db', file, '--delay', '0', '--retries', '0', '--json']);
    expect(code).toBe(1);
    const summary = JSON.parse(stdout) as { status: string; skipReasons: Record<string, number>; tasks: { failed: number; skipped: number } };
    expect(summary.status).toBe('partial');
    expect(summary.skipReasons['E_ROBOTS_UNREACHABLE']).toBe(2); // the home page and the bureau's 2023 report page
    expect(summary.tasks.skipped).toBe(0);
  });

  it('a redirect loop, a body over the limit and a redirect to a refused host: each failed with its reason', async () => {
    const { db } = tempArchive('nianbao-hostile-');
    const summary = await runCrawl(db, { portals: [hostile], fetcher: { ...FAST_FETCHER, maxRetries: 0, maxBodyBytes: 1_000 } });
    expect(summary.status).toBe('partial');
    expect(summary.skipReasons).toMatchObject({ E_TOO_MANY_REDIRECTS: 1, E_BODY_TOO_LARGE: 1, E_HOST_NOT_ALLOWED: 1 });
    expect(countByState(db, summary.runId)).toMatchObject({ failed: 3, pending: 0 });
    db.close();
  });

  it('`nianbao crawl` exits 1 for them', async () => {
    const { dir, file, db } = tempArchive('nianbao-hostile-cli-');
    db.close();
    const portalsFile = path.join(dir, 'portals.json');
    writeFileSync(portalsFile, JSON.stringify([hostile]));
    const { code } = await runCli(['crawl', '--portals', portalsFile, '--db', file, '--delay', '0', '--retries', '0', '--max-body', '1000', '--quiet']);
    expect(code).toBe(1);
  });
});
