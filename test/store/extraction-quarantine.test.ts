/** Extraction attempts and quarantine (migration 006) on a real archive file. */
import { afterAll, describe, expect, it } from 'vitest';
import { insertCapture } from '../../store/captures.ts';
import {
  failedAttempts,
  findQuarantine,
  finishExtractionAttempt,
  quarantineCapture,
  isPoisoned,
  needsIsolation,
  startExtractionAttempt,
} from '../../store/extraction-quarantine.ts';
import { exchange, seededArchive, tempDir } from './helpers.ts';

const PAGE = 'http://www.yanzhou.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=X&fbtime=2023';
const V = 'html-test';
const tmp = tempDir();
afterAll(() => tmp.remove());

describe('extraction attempts and quarantine', () => {
  const { db, runId, portalId } = seededArchive(tmp.file('q.sqlite'));
  afterAll(() => db.close());
  const capture = (url: string, body: string): number =>
    insertCapture(db, { runId, portalId, requestedUrl: url, finalUrl: url, purpose: 'report', charset: 'utf-8', exchange: exchange({ url, body: Buffer.from(body) }) });

  it('count crashes, time-outs and attempts left unfinished by a dead process; not successes or skips', () => {
    const id = capture(PAGE, '<p>a</p>');
    const attempt = (outcome: 'ok' | 'skipped' | 'crashed' | 'timeout' | null, code: string | null = null): void => {
      const a = startExtractionAttempt(db, { captureId: id, extractorVersion: V, runId });
      if (outcome !== null) finishExtractionAttempt(db, a, outcome, code);
    };
    attempt('ok');
    attempt('skipped', 'E_PAGE_TOO_LARGE');
    expect(failedAttempts(db, id, V).count).toBe(0);
    attempt(null); // the process died here
    attempt('timeout', 'E_EXTRACTION_TIMEOUT');
    expect(failedAttempts(db, id, V)).toEqual({ count: 2, unfinished: 1, lastCode: 'E_EXTRACTION_TIMEOUT' });
    // One death of the crawl and one timeout: not poison (a crawl's death may be a kill from outside, so it never
    // counts), but the next extraction goes to a separate process; two failures the crawl saw are poison.
    expect(isPoisoned(failedAttempts(db, id, V))).toBe(false);
    expect(needsIsolation(failedAttempts(db, id, V))).toBe(true);
    expect(isPoisoned({ count: 2, unfinished: 0, lastCode: 'E_EXTRACTION_CRASHED' })).toBe(true);
    expect(needsIsolation({ count: 2, unfinished: 0, lastCode: 'E_EXTRACTION_CRASHED' })).toBe(false);
    expect(isPoisoned({ count: 5, unfinished: 5, lastCode: null })).toBe(false);
    expect(isPoisoned({ count: 3, unfinished: 1, lastCode: 'E_EXTRACTION_CRASHED' })).toBe(true);
    expect(failedAttempts(db, id, `${V}-next`).count).toBe(0);
  });

  it('hold for the content: a later capture of the same URL and bytes shares the quarantine, other bytes do not', () => {
    const first = capture(`${PAGE}&b`, '<p>poison</p>');
    quarantineCapture(db, { captureId: first, extractorVersion: V, code: 'E_EXTRACTION_CRASHED', message: 'died', attempts: 2, runId });
    const refetched = capture(`${PAGE}&b`, '<p>poison</p>');
    const changed = capture(`${PAGE}&b`, '<p>fixed</p>');
    const elsewhere = capture(`${PAGE}&c`, '<p>poison</p>');
    expect(findQuarantine(db, refetched, V)?.captureId).toBe(first);
    expect(findQuarantine(db, changed, V)).toBeNull();
    expect(findQuarantine(db, elsewhere, V)).toBeNull();
    expect(findQuarantine(db, refetched, `${V}-next`)).toBeNull();
    const a = startExtractionAttempt(db, { captureId: first, extractorVersion: V, runId });
    finishExtractionAttempt(db, a, 'crashed', 'E_EXTRACTION_CRASHED');
    expect(failedAttempts(db, refetched, V).count).toBe(1);
  });
});
