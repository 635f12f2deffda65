/** Shared fixtures for store tests: a temp directory per test file, an archive with a portal and a run, exchanges. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Exchange } from '../../crawlers/http/exchange.ts';
import { openArchive } from '../../store/open-archive.ts';
import { upsertPortal } from '../../store/portals.ts';
import { startRun } from '../../store/runs.ts';

export interface TempDir {
  readonly dir: string;
  file(name: string): string;
  remove(): void;
}

export function tempDir(prefix = 'nianbao-store-'): TempDir {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, file: (name) => path.join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Seeded {
  readonly db: Database;
  readonly runId: number;
  readonly portalId: string;
}

/** A fresh archive file with portal `yanzhou` and one running crawl. */
export function seededArchive(file: string): Seeded {
  const db = openArchive(file);
  upsertPortal(db, { id: 'yanzhou', family: 'hanweb', baseUrl: 'http://www.yanzhou.gov.cn', name: '中国·兖州', config: { id: 'yanzhou' } });
  const runId = startRun(db, { kind: 'crawl', crawlerVersion: 'nianbao-crawler/0.1.0-test', options: { portals: ['yanzhou'] } });
  return { db, runId, portalId: 'yanzhou' };
}

export function exchange(overrides: Partial<Exchange> = {}): Exchange {
  return {
    url: 'http://www.yanzhou.gov.cn/col/col61508/index.html',
    method: 'GET',
    requestHeaders: { 'user-agent': 'nianbao-test' },
    fetchedAt: '2025-02-01T08:00:00.000Z',
    status: 200,
    headers: { 'content-type': 'text/html; charset=UTF-8', etag: '"abc-123"', 'last-modified': 'Wed, 15 Jan 2025 01:30:00 GMT' },
    body: Buffer.from('<html><body>年报</body></html>', 'utf8'),
    error: null,
    elapsedMs: 42,
    ...overrides,
  };
}

export function count(db: Database, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
