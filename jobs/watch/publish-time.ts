/**
 * When a report was published, from the page, in order of trust (research/portals.md §7): the printed 发布时间 /
 * 发布日期 (the report's `published_at`), else the year of the 索引号 (`…/2024-00012`), else the date in an article URL
 * (`/art/2024/1/15/…`, often a re-publication date after a site migration), else the time the archive first saw it
 * (an upper bound: it was online by then). Every answer says which source it used.
 */
import type { Database } from 'better-sqlite3';
import { parseArticleUrl } from '../../crawlers/hanweb/urls.ts';
import type { PublishedSource } from '../../store/watch-statuses.ts';
import type { WatchReportVersion } from '../../store/watch-reports.ts';
import { readCapturedDocument } from '../../store/captured-document.ts';
import { chinaDate, daysBetween } from './dates.ts';

export interface PublishTime {
  /** `YYYY-MM-DD`, or `YYYY` when only the 索引号 year is known. */
  readonly publishedAt: string;
  readonly source: PublishedSource;
}

export interface Timeliness {
  readonly publish: PublishTime;
  readonly late: boolean;
  /** Days after the deadline (a lower bound when only the year is known); 0 when on time. */
  readonly daysLate: number;
}

const INDEX_NUMBER = /索引号[\s:：]*(?:<[^>]*>\s*)*[0-9A-Za-z-]+\/((?:19|20)\d{2})-\d+/;

/** The 索引号 year printed on the captured page, or null. Reads the archive only. */
export function indexNumberYear(db: Database, captureId: number | null): number | null {
  if (captureId === null) return null;
  try {
    const match = INDEX_NUMBER.exec(readCapturedDocument(db, captureId).html);
    return match === null ? null : Number(match[1]);
  } catch {
    return null;
  }
}

/**
 * Judge a report against its deadline with the most trusted publish time that decides it. A 索引号 year decides
 * only when it is not the deadline's year; otherwise the next source is tried.
 */
export function judgeTimeliness(db: Database, version: WatchReportVersion, firstSeenAt: string, deadline: string): Timeliness {
  const judged = (publishedAt: string, source: PublishedSource): Timeliness => {
    const days = daysBetween(deadline, publishedAt);
    return { publish: { publishedAt, source }, late: days > 0, daysLate: Math.max(0, days) };
  };
  if (version.publishedAt !== null) return judged(version.publishedAt, 'page');
  const indexYear = indexNumberYear(db, version.sourceCaptureId);
  const deadlineYear = Number(deadline.slice(0, 4));
  if (indexYear !== null && indexYear !== deadlineYear) {
    if (indexYear < deadlineYear) return { publish: { publishedAt: String(indexYear), source: 'index-number' }, late: false, daysLate: 0 };
    return { publish: { publishedAt: String(indexYear), source: 'index-number' }, late: true, daysLate: daysBetween(deadline, `${indexYear}-01-01`) };
  }
  const urlDate = safeArticleDate(version.url);
  if (urlDate !== null) return judged(urlDate, 'url');
  return judged(chinaDate(new Date(firstSeenAt)), 'first-seen');
}

function safeArticleDate(url: string): string | null {
  try {
    return parseArticleUrl(url)?.pathDate ?? null;
  } catch {
    return null;
  }
}
