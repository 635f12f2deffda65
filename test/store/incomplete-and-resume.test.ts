/**
 * Store rules behind issue 12: readers get only complete captures (never a cut-off, failed or challenge body); a run
 * stopped by a signal is resumable; a resumed run retries what failed for a local cause, and only that.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { RetryableError } from '../../common/errors.ts';
import { getCapture, insertCapture, isCompleteCapture, listRunFinalCaptures } from '../../store/captures.ts';
import { claimNextOfHost, countByState, enqueue, getFrontierItem, markDone, nextPending, requeueFailed } from '../../store/frontier.ts';
import { upsertAgency } from '../../store/agencies.ts';
import { saveReport } from '../../store/reports.ts';
import { findResumableRun, finishRun, getRun, reopenRun, startRun } from '../../store/runs.ts';
import { reportVersionsOf } from '../../store/watch-reports.ts';
import { exchange, seededArchive, tempDir } from './helpers.ts';
import { SAMPLE_URL, sampleReport } from './sample-report.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

const base = 'http://www.yanzhou.gov.cn/module/xxgk/xxgkAnnualReport.jsp?fbtime=2024&area=';

describe('complete captures only', () => {
  it('leaves out a URL whose latest fetch was cut off, timed out or a challenge; keeps the complete ones', () => {
    const { db, runId, portalId } = seededArchive(tmp.file('complete.sqlite'));
    const record = (url: string, error: RetryableError | null, status = 200): number =>
      insertCapture(db, { runId, portalId, requestedUrl: url, finalUrl: url, purpose: 'report', charset: 'utf-8', exchange: exchange({ url, status, error }) });
    const whole = record(`${base}whole`, null);
    const cut = record(`${base}cut`, new RetryableError('E_TRUNCATED', 'connection closed after 20000 bytes'));
    record(`${base}challenge`, new RetryableError('E_JS_CHALLENGE', 'challenge'));
    record(`${base}retried`, new RetryableError('E_TRUNCATED', 'cut'));
    const retried = record(`${base}retried`, null); // the retry got the whole page
    record(`${base}then-cut`, null);
    record(`${base}then-cut`, new RetryableError('E_TRUNCATED', 'cut')); // latest fetch incomplete: no earlier stand-in
    expect(listRunFinalCaptures(db, runId, 'report').map((c) => c.id)).toEqual([whole, retried]);
    expect(isCompleteCapture(getCapture(db, whole)!)).toBe(true);
    expect(isCompleteCapture(getCapture(db, cut)!)).toBe(false);
    db.close();
  });
});

describe('resumable runs', () => {
  it('resumes the latest run when it is still running or was interrupted, never an older or finished one', () => {
    const { db } = seededArchive(tmp.file('resumable.sqlite'));
    const first = startRun(db, { kind: 'crawl', crawlerVersion: 'v1', options: { portals: ['a'] } });
    finishRun(db, first, { status: 'interrupted', counts: { signal: 'SIGTERM' } });
    expect(findResumableRun(db, 'crawl')?.id).toBe(first);
    reopenRun(db, first);
    expect(getRun(db, first)).toMatchObject({ status: 'running', finishedAt: null });
    finishRun(db, first, { status: 'interrupted', counts: {} });
    const second = startRun(db, { kind: 'crawl', crawlerVersion: 'v1', options: { portals: ['b'] } });
    finishRun(db, second, { status: 'partial', counts: {} });
    expect(findResumableRun(db, 'crawl')).toBeNull(); // the latest finished; the interrupted one was abandoned
    expect(() => reopenRun(db, 99)).toThrow(expect.objectContaining({ code: 'E_NOT_FOUND' }));
    db.close();
  });

  it('requeues only the failures given by reason', () => {
    const { db, runId } = seededArchive(tmp.file('requeue.sqlite'));
    const reasons = ['E_INTERNAL', 'E_DISK_FULL', 'E_TRUNCATED', 'E_ATTEMPTS_EXHAUSTED'];
    enqueue(db, runId, reasons.map((r) => ({ url: `${base}${r}`, purpose: 'report' as const, portalId: 'yanzhou' })));
    nextPending(db, runId, 10);
    for (const r of reasons) markDone(db, runId, `${base}${r}`, 'failed', r);
    expect(requeueFailed(db, runId, ['E_INTERNAL', 'E_DISK_FULL'])).toBe(2);
    expect(countByState(db, runId)).toMatchObject({ pending: 2, failed: 2 });
    expect(nextPending(db, runId, 10).map((i) => i.url.slice(base.length)).sort()).toEqual(['E_DISK_FULL', 'E_INTERNAL']);
    db.close();
  });
});

describe('claiming per host', () => {
  it('hands out a host\'s items in enqueue order, gives up on one claimed too often, keeps hosts apart', () => {
    const { db, runId } = seededArchive(tmp.file('claim-host.sqlite'));
    enqueue(db, runId, ['1', '2'].map((n) => ({ url: `http://a.gov.cn/${n}.html`, purpose: 'report' as const, portalId: 'yanzhou' })));
    enqueue(db, runId, [{ url: 'https://b.gov.cn/1.html', purpose: 'report' as const, portalId: 'yanzhou' }]);
    expect(claimNextOfHost(db, runId, 'a.gov.cn:80', 2)).toMatchObject({ url: 'http://a.gov.cn/1.html', host: 'a.gov.cn:80', attempts: 1 });
    expect(claimNextOfHost(db, runId, 'a.gov.cn:80', 2)?.attempts).toBe(2); // its process died: claimed again
    expect(claimNextOfHost(db, runId, 'a.gov.cn:80', 2)?.url).toBe('http://a.gov.cn/2.html');
    expect(getFrontierItem(db, runId, 'http://a.gov.cn/1.html')).toMatchObject({ state: 'failed', reasonCode: 'E_ATTEMPTS_EXHAUSTED' });
    expect(claimNextOfHost(db, runId, 'b.gov.cn:443')?.url).toBe('https://b.gov.cn/1.html');
    markDone(db, runId, 'https://b.gov.cn/1.html', 'done');
    expect(claimNextOfHost(db, runId, 'b.gov.cn:443')).toBeNull();
    db.close();
  });
});

describe('versions read from a cut-off capture (by an older extractor)', () => {
  it('are kept, but the first complete version is new, and the watch neither counts nor compares them', () => {
    const { db, runId, portalId } = seededArchive(tmp.file('legacy-cut.sqlite'));
    const agencyId = upsertAgency(db, { portalId, key: '11370812004322760Y', name: '济宁市兖州区民政局', kind: '部门', source: 'catalogue' });
    const capture = (error: RetryableError | null): number =>
      insertCapture(db, { runId, portalId, requestedUrl: SAMPLE_URL, finalUrl: SAMPLE_URL, purpose: 'report', charset: 'utf-8', exchange: exchange({ url: SAMPLE_URL, error }) });
    const save = (sourceCaptureId: number, report: ReturnType<typeof sampleReport>, seenAt: string) =>
      saveReport(db, { portalId, agencyId, reportKey: SAMPLE_URL, url: SAMPLE_URL, sourceCaptureId, report, files: [], seenAt });
    const cutCells = { 't3.new.natural': null, 't3.new.total': null };
    const legacy = save(capture(new RetryableError('E_TRUNCATED', 'cut')), sampleReport({ cells: cutCells }), '2025-02-01T08:00:00.000Z');
    const whole = save(capture(null), sampleReport(), '2025-02-02T08:00:00.000Z');
    expect(legacy.outcome).toBe('new');
    expect(whole.outcome).toBe('new'); // not a new_version of a page that was cut short
    const versions = reportVersionsOf(db, portalId, 2024, [agencyId], '2026-01-01T00:00:00.000Z');
    expect(versions.map((v) => v.id)).toEqual([whole.reportId]);
    db.close();
  });
});
