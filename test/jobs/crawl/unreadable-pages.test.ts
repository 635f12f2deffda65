/**
 * A portal page that is not a report page but is beyond any real page (here the home page: 100,000 nested divs; a
 * 150,000-element catalogue) is captured as evidence, never parsed for links, and fails its task with the code: the run
 * is partial, never silently short of what the page would have led to.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalConfig } from '../../../crawlers/portal-config.ts';
import { runCrawl } from '../../../jobs/crawl/run-crawl.ts';
import { countCaptures } from '../../../store/captures.ts';
import { FAST_FETCHER, tempArchive } from '../../helpers/temp-archive.ts';

const DEEP_HOME = `<html><body>${'<div>'.repeat(100_000)}<a href="/col/col1/index.html">年报</a>${'</div>'.repeat(100_000)}</body></html>`;
const HUGE_CATALOGUE = `<html><body><ul>${'<li><a href="/module/xxgk/x.jsp?vc_xxgkarea=1">某局</a></li>'.repeat(75_000)}</ul></body></html>`;

describe('pages beyond any real page that are not report pages', () => {
  let server: Server;
  let portal: PortalConfig;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const body = req.url === '/' ? DEEP_HOME : req.url === '/catalogue.html' ? HUGE_CATALOGUE : null;
      if (body === null) res.writeHead(404).end();
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    portal = { id: 'odd', family: 'hanweb', name: 'odd', baseUrl, years: [2023], agencies: [], annualReportModule: true, catalogueUrls: ['/catalogue.html'], reportColumns: [], reportMenuUrls: [], linkedHosts: [] };
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('fail their tasks with E_PAGE_TOO_DEEP / E_PAGE_TOO_LARGE, keep their captures, and end the run partial', async () => {
    const { db } = tempArchive();
    const started = Date.now();
    const summary = await runCrawl(db, { portals: [portal], fetcher: FAST_FETCHER, extraction: { ocr: null } });
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(summary.status).toBe('partial');
    expect(summary.skipReasons).toMatchObject({ E_PAGE_TOO_DEEP: 1, E_PAGE_TOO_LARGE: 1 });
    expect(countCaptures(db, { portalId: 'odd', status: 200, hasBody: true })).toBe(2);
    const failed = db.prepare("SELECT url, reason_code AS reason FROM frontier WHERE state = 'failed' ORDER BY url").all() as { url: string; reason: string }[];
    expect(failed.map((f) => f.reason)).toEqual(['E_PAGE_TOO_DEEP', 'E_PAGE_TOO_LARGE']);
    db.close();
  });
});
