/** The crawl's status line on a terminal (progress-line.ts), and where the CLI shows it (crawl-progress.ts). */
import { describe, expect, it } from 'vitest';
import type { CrawlEvent, CrawlProgress } from '../../../jobs/crawl/crawl-events.ts';
import { formatProgressLine } from '../../../jobs/crawl/progress-line.ts';
import { crawlProgressDisplay } from '../../../jobs/cli/crawl-progress.ts';

const at = (elapsedMs: number, pages: number, reports: number, more: Partial<CrawlProgress> = {}): CrawlProgress => ({
  elapsedMs,
  hostsActive: 64,
  pages,
  reports,
  queuedFetches: 5210,
  queuedExtractions: 37,
  waitingForFiles: 0,
  ...more,
});

describe('formatProgressLine', () => {
  it('shows hosts active, pages/s and reports/s over the last interval, what is queued, and the totals', () => {
    const line = formatProgressLine(at(3000, 1234, 567, { waitingForFiles: 12 }), at(2000, 1126, 526));
    expect(line).toBe('64 hosts active · 108.0 pages/s · 41.0 reports/s · queued: 5,210 fetches, 37 extractions (+12 waiting for files) · 1,234 pages, 567 reports');
  });

  it('averages from the start without an earlier snapshot, and says nothing of files when none is awaited', () => {
    expect(formatProgressLine(at(2000, 100, 10, { hostsActive: 1 }))).toBe('1 host active · 50.0 pages/s · 5.0 reports/s · queued: 5,210 fetches, 37 extractions · 100 pages, 10 reports');
  });

  it('gives no rate for an empty interval', () => {
    expect(formatProgressLine(at(1000, 5, 1), at(1000, 5, 1))).toContain('– pages/s · – reports/s');
  });
});

describe('crawl progress on stderr', () => {
  const events: CrawlEvent[] = [
    { type: 'run-started', runId: 7, resumed: false, portals: ['a'] },
    { type: 'fetched', portalId: 'a', url: 'http://a/1', kind: 'report', status: 200, captures: 1 },
    { type: 'progress', progress: at(1000, 1, 0) },
    { type: 'skipped', portalId: 'a', url: 'http://a/2', kind: 'report', code: 'E_HTTP_STATUS', message: '503' },
    { type: 'report', url: 'http://a/1', outcome: 'new', reportId: 1, title: 't' },
    { type: 'progress', progress: at(2000, 3, 1) },
  ];

  function show(isTTY: boolean, quiet: boolean): { written: string; lines: string[] } {
    let written = '';
    const lines: string[] = [];
    const display = crawlProgressDisplay({ out: () => undefined, err: (t) => lines.push(t) }, quiet, { isTTY, write: (t) => (written += t) });
    for (const e of events) display.onEvent(e);
    display.finish();
    return { written, lines };
  }

  it('on a terminal: one status line rewritten in place, with the run and each skipped page printed above it', () => {
    const { written, lines } = show(true, false);
    expect(written).toContain(`\r\x1b[K${formatProgressLine(at(2000, 3, 1), at(1000, 1, 0))}`);
    expect(written.endsWith('\r\x1b[K')).toBe(true); // cleared for the summary
    expect(lines).toEqual(['run 7 started: a', '  skip report     http://a/2: E_HTTP_STATUS 503']);
  });

  it('elsewhere: a line per event and no status line; nothing at all with --quiet', () => {
    const piped = show(false, false);
    expect(piped.written).toBe('');
    expect(piped.lines).toHaveLength(4);
    expect(piped.lines.some((l) => l.includes('pages/s'))).toBe(false);
    for (const isTTY of [true, false]) expect(show(isTTY, true)).toEqual({ written: '', lines: [] });
  });
});
