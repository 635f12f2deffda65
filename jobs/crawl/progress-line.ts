/**
 * The one-line status of a running crawl for a terminal, from two 'progress' snapshots (crawl-events.ts): hosts
 * with a request under way, pages and reports per second over the interval between the snapshots (since the start
 * without an earlier one), what is queued for fetching and for extraction, and the totals so far:
 * `64 hosts active · 108.2 pages/s · 41.5 reports/s · queued: 5,210 fetches, 37 extractions (+12 waiting for files) · 1,234 pages, 567 reports`
 */
import type { CrawlProgress } from './crawl-events.ts';

const count = (n: number): string => n.toLocaleString('en-US');

function rate(now: number, before: number, seconds: number): string {
  return seconds <= 0 ? '–' : ((now - before) / seconds).toFixed(1);
}

export function formatProgressLine(now: CrawlProgress, before: CrawlProgress | null = null): string {
  const seconds = (now.elapsedMs - (before?.elapsedMs ?? 0)) / 1000;
  const waiting = now.waitingForFiles > 0 ? ` (+${count(now.waitingForFiles)} waiting for files)` : '';
  return [
    `${count(now.hostsActive)} ${now.hostsActive === 1 ? 'host' : 'hosts'} active`,
    `${rate(now.pages, before?.pages ?? 0, seconds)} pages/s`,
    `${rate(now.reports, before?.reports ?? 0, seconds)} reports/s`,
    `queued: ${count(now.queuedFetches)} fetches, ${count(now.queuedExtractions)} extractions${waiting}`,
    `${count(now.pages)} pages, ${count(now.reports)} reports`,
  ].join(' · ');
}
