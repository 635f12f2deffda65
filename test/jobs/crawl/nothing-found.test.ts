/**
 * A portal that leads to no report page says why and the crawl exits non-zero: a home page without any known CMS
 * family's markers, a home page that does not answer, a Hanweb home page that links no catalogue or 年报 column.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrawlEvent } from '../../../jobs/crawl/crawl-events.ts';
import { runCrawl } from '../../../jobs/crawl/run-crawl.ts';
import { parsePortals } from '../../../crawlers/portal-config.ts';
import { htmlPage, serveSite, type RunningSite } from '../../../demo/portal/http-site.ts';
import { FAST_FETCHER, tempArchive } from '../../helpers/temp-archive.ts';
import { runCli } from '../cli/run-cli.ts';

const PLAIN_HOME = '<html><head><title>某县人民政府</title></head><body><p>网站改版中</p><a href="/about.html">关于我们</a></body></html>';
const BARE_JCMS_HOME = '<html><head><title>某区</title><script src="/script/hanweb.js"></script></head><body><a href="/col/col1/index.html">网站地图</a></body></html>';

describe('a crawl that finds nothing to do', () => {
  let plain: RunningSite;
  let down: RunningSite;
  let bareJcms: RunningSite;

  beforeAll(async () => {
    plain = await serveSite([(url) => (url.pathname === '/' ? htmlPage(PLAIN_HOME) : null)]);
    down = await serveSite([]);
    bareJcms = await serveSite([(url) => (url.pathname === '/' ? htmlPage(BARE_JCMS_HOME) : null)]);
  });

  afterAll(async () => {
    await Promise.all([plain.close(), down.close(), bareJcms.close()]);
  });

  it('fetches the home page of a portal known by its address, and says why nothing was found', async () => {
    const portals = parsePortals(
      [
        { id: 'plain', baseUrl: plain.origin },
        { id: 'down', baseUrl: down.origin },
        { id: 'bare', family: 'hanweb', baseUrl: bareJcms.origin },
      ],
      'test',
    );
    const events: CrawlEvent[] = [];
    const summary = await runCrawl(tempArchive().db, { portals, fetcher: FAST_FETCHER, onEvent: (e) => events.push(e) });
    expect(plain.stats.log).toContain('/');
    expect(down.stats.log).toContain('/');
    expect(summary.status).toBe('partial');
    expect(summary.skipReasons['E_NOTHING_FOUND']).toBe(3);
    const nothing = events.filter((e): e is Extract<CrawlEvent, { type: 'skipped' }> => e.type === 'skipped' && e.code === 'E_NOTHING_FOUND');
    expect(nothing.map((e) => e.portalId).sort()).toEqual(['bare', 'down', 'plain']);
    // Three different reasons: no family markers, no answer, nothing linked.
    expect(new Set(nothing.map((e) => e.message)).size).toBe(3);
  });

  it('exits non-zero from the CLI with the reason code in the JSON summary', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-nothing-'));
    const portalsFile = path.join(dir, 'portals.json');
    writeFileSync(portalsFile, JSON.stringify([{ id: 'plain', baseUrl: plain.origin }]));
    const { code, stdout } = await runCli(['crawl', '--portals', portalsFile, '--db', path.join(dir, 'a.sqlite'), '--delay', '0', '--json']);
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as { skipReasons: Record<string, number> }).skipReasons['E_NOTHING_FOUND']).toBe(1);
  });
});
