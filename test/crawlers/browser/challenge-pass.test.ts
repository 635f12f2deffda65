/**
 * The browser path with real Chromium (/usr/bin/chromium through playwright-core) against fixture portals behind
 * JavaScript challenges: a 瑞数-like 412 with an obfuscated cookie script, a 加速乐-like 521, and one no browser passes.
 * Few, slow cases: a whole crawl through the challenge, the cookie handed to the plain fetcher, a blocked host.
 */
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { WARCParser } from 'warcio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passChallenge } from '../../../crawlers/browser/challenge-pass.ts';
import { launcherFor } from '../../../crawlers/browser/launch.ts';
import { PoliteFetcher } from '../../../crawlers/http/polite-fetcher.ts';
import { parsePortals } from '../../../crawlers/portal-config.ts';
import { PLATFORM_PORTAL_IDS, startPlatformPortals, type PlatformPortals } from '../../../demo/portal/platform-portals.ts';
import { runCrawl, type CrawlSummary } from '../../../jobs/crawl/run-crawl.ts';
import { runExport } from '../../../jobs/export/run-export.ts';
import { computeStatuses } from '../../../jobs/watch/run-watch.ts';
import { getCapture, getCaptureBody, listRunFinalCaptures, type CaptureRow } from '../../../store/captures.ts';
import { listReports } from '../../../store/reports.ts';
import { FAST_FETCHER, tempArchive } from '../../helpers/temp-archive.ts';

const ID = PLATFORM_PORTAL_IDS.challenge;
const tomorrow = (): string => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
/** Chromium's own request headers: how a browser exchange is told apart (only) by what was sent. */
const fromBrowser = (c: CaptureRow): boolean => c.requestHeaders['sec-ch-ua'] !== undefined;

function runCaptures(db: Database, runId: number): CaptureRow[] {
  const ids = db.prepare('SELECT id FROM captures WHERE run_id = ? ORDER BY id').all(runId) as { id: number }[];
  return ids.map((r) => getCapture(db, r.id)!);
}

describe('a portal behind a 瑞数-like challenge (412, $_ts, cookie computed by script)', () => {
  let demo: PlatformPortals;
  let db: Database;
  let dir: string;
  let first: CrawlSummary;
  let second: CrawlSummary;

  beforeAll(async () => {
    demo = await startPlatformPortals({ challenge: 'ruishu' });
    ({ db, dir } = tempArchive());
    const portals = demo.portals.filter((p) => p.id === ID);
    first = await runCrawl(db, { portals, fetcher: FAST_FETCHER });
    second = await runCrawl(db, { portals, fetcher: FAST_FETCHER });
  }, 180_000);

  afterAll(async () => {
    db.close();
    await demo.close();
  });

  it('archives every report once, using the browser for fewer than 10 % of the requests', () => {
    expect(first.status).toBe('ok');
    const specs = demo.reportsOf(ID);
    const reports = listReports(db, { portalId: ID, currentOnly: false });
    expect(reports).toHaveLength(specs.length);
    for (const spec of specs) expect(reports.filter((r) => r.url === demo.reportUrl(ID, spec.slug)), spec.slug).toHaveLength(1);
    const captures = runCaptures(db, first.runId);
    const browser = captures.filter(fromBrowser);
    expect(browser.length).toBeGreaterThanOrEqual(3); // the challenge again, its script, the page after reload
    expect(browser.length / captures.length).toBeLessThan(0.1);
    // every request the server saw is a capture (browser ones included), and the gate let the cookie through after
    expect(demo.sites[ID]!.stats.requests).toBe(captures.length + runCaptures(db, second.runId).length);
    expect(demo.gate!.stats.challenged).toBe(4); // per crawl: the plain request and the browser's first one
    // robots.txt holds for the browser too: the page loads jQuery from /static/js/, which robots.txt disallows
    expect(demo.sites[ID]!.stats.log).not.toContain('/static/js/jquery.min.js');
    expect(demo.sites[ID]!.stats.log).toContain('/static/jpaas/jpaas.min.js');
  });

  it('keeps the challenge answers as evidence, never as content', () => {
    const challenges = runCaptures(db, first.runId).filter((c) => c.status === 412);
    expect(challenges.map((c) => [c.errorCode, fromBrowser(c)])).toEqual([['E_JS_CHALLENGE', false], ['E_JS_CHALLENGE', true]]);
    for (const c of challenges) expect(getCaptureBody(db, c.id)!.toString('utf8')).toContain('$_ts');
  });

  it('records browser exchanges with the same columns filled as plain ones, bytes by digest', () => {
    const captures = runCaptures(db, first.runId).filter((c) => c.status === 200);
    const filled = (c: CaptureRow): string[] => Object.entries(c).filter(([, v]) => v !== null && v !== '' && !(typeof v === 'object' && Object.keys(v).length === 0)).map(([k]) => k).sort();
    const browserPage = captures.find((c) => fromBrowser(c) && c.url === `${demo.sites[ID]!.origin}/`)!;
    const plainPage = captures.find((c) => !fromBrowser(c) && c.purpose === 'listing')!;
    expect(filled(browserPage)).toEqual(filled(plainPage));
    for (const c of captures.filter(fromBrowser)) {
      const body = getCaptureBody(db, c.id)!;
      expect(c.sha256).toBe(createHash('sha256').update(body).digest('hex'));
      expect(c.length).toBe(body.length);
    }
  });

  it('re-crawls with conditional requests once the challenge is passed again', () => {
    const reportFinals = listRunFinalCaptures(db, second.runId, 'report');
    expect(reportFinals.filter((c) => c.status === 304).length / reportFinals.length).toBeGreaterThanOrEqual(0.9);
    expect(second.reports).toMatchObject({ new: 0, newVersion: 0 });
  });

  it('exports browser captures to WARC, and a WARC reader reads them back with matching digests', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'nianbao-warc-'));
    runExport(db, { format: 'warc', outDir: out, archiveFile: path.join(dir, 'archive.sqlite') });
    const browserIds = new Set(runCaptures(db, first.runId).filter(fromBrowser).map((c) => String(c.id)));
    const seen = new Set<string>();
    for (const file of readdirSync(out).filter((f) => f.endsWith('.warc.gz') || f.endsWith('.warc'))) {
      for await (const record of WARCParser.iterRecords(createReadStream(path.join(out, file)), { parseHttp: false })) {
        const id = record.warcHeader('Nianbao-Capture-Id');
        const block = await record.readFully(false);
        if (id === null || id === undefined || !browserIds.has(id) || record.warcType === 'request') continue;
        seen.add(id);
        const capture = getCapture(db, Number(id))!;
        expect(record.warcHeader('WARC-Target-URI')).toBe(capture.url);
        if (record.warcType === 'response') {
          const text = Buffer.from(block);
          const payload = text.subarray(text.indexOf('\r\n\r\n') + 4);
          expect(createHash('sha256').update(payload).digest('hex')).toBe(capture.sha256);
        }
      }
    }
    expect(seen).toEqual(browserIds);
  });

  it('says which bodies published and which did not, as with a plain portal', () => {
    const { statuses } = computeStatuses(db, { portals: demo.portals.filter((p) => p.id === ID), asOf: tomorrow() });
    const specs = demo.reportsOf(ID);
    for (const row of statuses.filter((s) => s.year <= 2024)) {
      const published = specs.some((s) => s.agency === row.bodyName && s.year === row.year);
      expect(row.status, `${row.bodyName} ${row.year}`).toBe(published ? 'on_time' : 'missing');
    }
    expect(statuses.filter((s) => s.status === 'missing' && s.year <= 2024).map((s) => `${s.bodyName} ${s.year}`)).toEqual(['烟台市牟平区住房和城乡建设局 2022']);
  });
});

describe('cookies a browser earned, reused by the plain fetcher', () => {
  let demo: PlatformPortals;

  beforeAll(async () => {
    demo = await startPlatformPortals({ challenge: 'jiasule' });
  });

  afterAll(async () => {
    await demo.close();
  });

  it('passes a 加速乐-like 521, fetches plainly with its cookie, and earns a new one when it stops working', async () => {
    const origin = demo.sites[ID]!.origin;
    const gap = 150;
    const fetcher = new PoliteFetcher({ ...FAST_FETCHER, perHostDelayMs: gap, isHostAllowed: () => true });
    try {
      const plain = await fetcher.fetch(`${origin}/`);
      expect(plain.final?.status).toBe(521);
      const passed = await passChallenge(fetcher, plain);
      expect(passed.error).toBeNull();
      expect(passed.final?.status).toBe(200);
      expect(passed.exchanges[0]?.error?.code).toBe('E_JS_CHALLENGE');
      // the browser's requests took turns with the host's gap, as plain ones do
      const starts = passed.exchanges.map((ex) => Date.parse(ex.fetchedAt)).sort((a, b) => a - b);
      expect(starts.length).toBeGreaterThanOrEqual(3);
      for (let i = 1; i < starts.length; i += 1) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(gap - 5);
      expect(fetcher.cookies.headerFor(new URL(origin))).toContain('__jsl_clearance_s=');
      // the plain fetcher now gets pages with the earned cookie and the same User-Agent
      const menu = await fetcher.fetch(`${origin}/col/col3451/index.html`);
      expect(menu.final?.status).toBe(200);
      expect(await passChallenge(fetcher, menu)).toBe(menu);
      // the site stops honouring the cookie: the next plain answer is a challenge again, and the browser earns anew
      demo.gate!.expireCookies();
      const refused = await fetcher.fetch(`${origin}/col/col3460/index.html`);
      expect(refused.final?.status).toBe(521);
      const again = await passChallenge(fetcher, refused);
      expect(again.final?.status).toBe(200);
      expect((await fetcher.fetch(`${origin}/col/col3451/index.html`)).final?.status).toBe(200);
    } finally {
      fetcher.close();
    }
  }, 60_000);
});

describe('a host no browser passes', () => {
  let demo: PlatformPortals;
  let db: Database;

  beforeAll(async () => {
    demo = await startPlatformPortals({ challenge: 'impossible' });
    db = tempArchive().db;
  });

  afterAll(async () => {
    db.close();
    await demo.close();
  });

  it('is recorded as blocked (E_BLOCKED_BY_CHALLENGE), and the watch says unknown for its bodies, never missing', async () => {
    const base = demo.portals.find((p) => p.id === ID)!;
    const [portal] = parsePortals([{ id: ID, family: 'jpaas', baseUrl: base.baseUrl, agencies: [{ key: '004262009', name: '烟台市牟平区人民政府', kind: '本级政府' }] }], 'test');
    const summary = await runCrawl(db, { portals: [portal!], fetcher: FAST_FETCHER });
    expect(summary.status).toBe('partial');
    expect(summary.skipReasons['E_BLOCKED_BY_CHALLENGE']).toBeGreaterThanOrEqual(1);
    expect(listReports(db, { portalId: ID })).toHaveLength(0);
    const challenges = runCaptures(db, summary.runId).filter((c) => c.status === 412);
    expect(challenges.length).toBeGreaterThanOrEqual(2);
    expect(challenges.every((c) => c.errorCode === 'E_JS_CHALLENGE')).toBe(true);
    const { statuses } = computeStatuses(db, { portals: [portal!], asOf: tomorrow() });
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(['unknown']));
  }, 60_000);
});

describe('without a browser', () => {
  it('records the challenged page as E_BROWSER_UNAVAILABLE when Chromium cannot start, keeping the challenge', async () => {
    const demo = await startPlatformPortals({ challenge: 'ruishu' });
    const fetcher = new PoliteFetcher({ ...FAST_FETCHER, isHostAllowed: () => true });
    try {
      const plain = await fetcher.fetch(`${demo.sites[ID]!.origin}/`);
      const outcome = await passChallenge(fetcher, plain, undefined, launcherFor('/nonexistent/chromium'));
      expect(outcome.error?.code).toBe('E_BROWSER_UNAVAILABLE');
      expect(outcome.exchanges.map((ex) => [ex.status, ex.error?.code])).toEqual([[412, 'E_JS_CHALLENGE']]);
    } finally {
      fetcher.close();
      await demo.close();
    }
  });
});
