/**
 * Child process for crash.test.ts: crawls a fake frontier forever, writing each task like the crawler does
 * (three captures + discovered links + frontier state in one transaction), and prints `committed <n>` after
 * each commit. The test SIGKILLs it at an arbitrary moment. Usage: node --import tsx crash-writer.ts FILE
 */
import { randomBytes } from 'node:crypto';
import { insertCapture } from '../../store/captures.ts';
import { enqueue, markDone, nextPending } from '../../store/frontier.ts';
import { openArchive } from '../../store/open-archive.ts';
import { upsertPortal } from '../../store/portals.ts';
import { findInterruptedRun, startRun } from '../../store/runs.ts';
import { exchange } from './helpers.ts';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: crash-writer.ts FILE');

const db = openArchive(file);
upsertPortal(db, { id: 'yanzhou', family: 'hanweb', baseUrl: 'http://www.yanzhou.gov.cn', name: '中国·兖州', config: null });
const runId = findInterruptedRun(db, 'crawl')?.id ?? startRun(db, { kind: 'crawl', crawlerVersion: 'crash-writer', options: {} });
enqueue(db, runId, [{ url: 'http://www.yanzhou.gov.cn/col/col61508/index.html', purpose: 'listing', portalId: 'yanzhou' }]);

const shared = randomBytes(20_000); // a body many captures share: exercises blob dedup under crashes
let committed = 0;
for (;;) {
  const wave = nextPending(db, runId, 4);
  if (wave.length === 0) throw new Error('frontier ran dry');
  for (const item of wave) {
    const redirect = `${item.url}?redirected=1`;
    db.transaction(() => {
      const base = { runId, portalId: 'yanzhou', requestedUrl: item.url, finalUrl: redirect, purpose: item.purpose, charset: null } as const;
      insertCapture(db, { ...base, exchange: exchange({ url: item.url, status: 302, headers: { location: redirect }, body: Buffer.alloc(0) }) });
      insertCapture(db, { ...base, exchange: exchange({ url: redirect, status: 304, body: Buffer.alloc(0) }) });
      const body = committed % 3 === 0 ? shared : randomBytes(10_000 + Math.floor(Math.random() * 200_000));
      insertCapture(db, { ...base, exchange: exchange({ url: redirect, body }) });
      const next = Array.from({ length: 2 }, (_, i) => ({ url: `${item.url.split('#')[0]}#${process.pid}-${committed}-${i}`, purpose: 'report' as const, portalId: 'yanzhou', depth: item.depth + 1 }));
      enqueue(db, runId, next);
      markDone(db, runId, item.url, 'done');
    })();
    committed += 1;
    process.stdout.write(`committed ${committed}\n`);
  }
}
