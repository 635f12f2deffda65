/**
 * Extraction time limit and quarantine (issue 12), in-process on a real crawl of the demo portal: a page whose
 * extraction (here OCR of its table images under a 1 ms limit) times out fails alone, is quarantined after its second
 * failure, skipped with E_QUARANTINED after that, and its abandoned extraction never writes.
 */
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortals, type DemoPortals } from '../../../demo/portal/demo-portals.ts';
import { demoReport } from '../../../demo/reports/catalogue.ts';
import { EXTRACTOR_VERSION } from '../../../extract/version.ts';
import type { CrawlEvent } from '../../../jobs/crawl/crawl-events.ts';
import { extractRunReports } from '../../../jobs/crawl/extract-run-reports.ts';
import { runCrawl } from '../../../jobs/crawl/run-crawl.ts';
import { latestSuccessfulCapture } from '../../../store/captures.ts';
import { listExtractionProblems } from '../../../store/extraction-problems.ts';
import { findQuarantine, listQuarantinedCaptures } from '../../../store/extraction-quarantine.ts';
import { listReports } from '../../../store/reports.ts';
import { FAST_FETCHER, tempArchive } from '../../helpers/temp-archive.ts';

const HTML_REPORT = demoReport('yanzhou-xinfang-2023');
/** Tables pasted as images: its extraction waits on the OCR engine's worker, so a 1 ms limit passes during it. */
const IMAGE_REPORT = demoReport('yanzhou-xiaomeng-2023');

describe('a page whose extraction times out', () => {
  let demo: DemoPortals;
  let db: Database;
  let runId: number;

  beforeAll(async () => {
    demo = await startDemoPortals({ reports: [HTML_REPORT, IMAGE_REPORT], slowMs: 0, flakyFailures: 0 });
    db = tempArchive().db;
    const summary = await runCrawl(db, { portals: demo.portals.filter((p) => p.id === 'yanzhou-demo'), fetcher: FAST_FETCHER });
    runId = summary.runId;
    expect(summary.reports.new).toBe(2);
  }, 120_000);

  afterAll(async () => {
    db.close();
    await demo.close();
  });

  const extract = async (): Promise<CrawlEvent[]> => {
    const events: CrawlEvent[] = [];
    // The run fetched the PDF in this run, so both pages are extracted again (nothing is "already extracted").
    // In this process (workers 0): the HTML page's synchronous extraction ends before a 1 ms timer can fire.
    await extractRunReports(db, runId, demo.portals, (e) => events.push(e), { timeoutMs: 1, workers: 0 });
    return events;
  };
  const skippedCodes = (events: readonly CrawlEvent[]): string[] => events.flatMap((e) => (e.type === 'skipped' ? [e.code] : []));
  const imagePage = (): number => latestSuccessfulCapture(db, demo.reportUrl(IMAGE_REPORT.slug))!.id;
  const attempts = (): { outcome: string | null; code: string | null }[] =>
    db.prepare('SELECT outcome, code FROM extraction_attempts WHERE capture_id = ? ORDER BY id').all(imagePage()) as { outcome: string | null; code: string | null }[];

  it('fails alone with E_EXTRACTION_TIMEOUT, recorded; the other page is read', async () => {
    const events = await extract();
    expect(skippedCodes(events)).toEqual(['E_EXTRACTION_TIMEOUT']);
    expect(events.filter((e) => e.type === 'report').length).toBe(1);
    expect(attempts()).toEqual([{ outcome: 'ok', code: null }, { outcome: 'timeout', code: 'E_EXTRACTION_TIMEOUT' }]); // the crawl's own extraction, then this one
    expect(listExtractionProblems(db, { captureId: imagePage() }).map((p) => p.code)).toEqual(['E_EXTRACTION_TIMEOUT']);
    expect(findQuarantine(db, imagePage(), EXTRACTOR_VERSION)).toBeNull();
  });

  it('is quarantined at its second failure, then skipped without another attempt until the extractor changes', async () => {
    expect(skippedCodes(await extract())).toEqual(['E_QUARANTINED']);
    const quarantined = findQuarantine(db, imagePage(), EXTRACTOR_VERSION);
    expect(quarantined).toMatchObject({ code: 'E_EXTRACTION_TIMEOUT', attempts: 2, url: demo.reportUrl(IMAGE_REPORT.slug), portalId: 'yanzhou-demo' });
    expect(skippedCodes(await extract())).toEqual(['E_QUARANTINED']);
    expect(attempts().length).toBe(3);
    expect(listQuarantinedCaptures(db, { extractorVersion: EXTRACTOR_VERSION }).map((q) => q.captureId)).toEqual([imagePage()]);
    expect(findQuarantine(db, imagePage(), `${EXTRACTOR_VERSION}-next`)).toBeNull();
  });

  it('an abandoned extraction never saves what it finished later', async () => {
    await new Promise((r) => setTimeout(r, 3_000)); // the abandoned extractions ended with their OCR engines
    const versions = listReports(db, { currentOnly: false }).filter((r) => r.url === demo.reportUrl(IMAGE_REPORT.slug));
    expect(versions.length).toBe(1);
  });
});
