/**
 * The scheduler's window of hosts with pending work (jobs/crawl/host-window.ts), over a real frontier: read once per
 * refresh interval however many picks are made, in turn after the cursor, a drained host dropped at once, a host that
 * gains work seen at the next read; and the scheduler still ends only when nothing is pending, with work enqueued
 * mid-run for a host the list did not hold.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { workFrontierByHost } from '../../../jobs/crawl/host-scheduler.ts';
import { HostWindow } from '../../../jobs/crawl/host-window.ts';
import { enqueue, markDone, pendingHosts } from '../../../store/frontier.ts';
import { seededArchive, tempDir } from '../../store/helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

const item = (host: string, n: number) => ({ url: `http://${host}/art/${n}.html`, purpose: 'report' as const, portalId: 'yanzhou' });

describe('host window', () => {
  it('reads the frontier once per refresh interval, in turn after the cursor', () => {
    const { db, runId } = seededArchive(tmp.file('window.sqlite'));
    enqueue(db, runId, ['a.gov.cn', 'b.gov.cn', 'c.gov.cn'].flatMap((h) => [item(h, 1), item(h, 2)]));
    let reads = 0;
    let clock = 0;
    const window = new HostWindow({ read: (after, limit) => (reads++, pendingHosts(db, runId, after, limit)), refreshMs: 250, now: () => clock });
    expect(window.after('', 64)).toEqual(['a.gov.cn:80', 'b.gov.cn:80', 'c.gov.cn:80']);
    for (let i = 0; i < 100; i += 1) window.after(i % 2 === 0 ? 'a.gov.cn:80' : 'c.gov.cn:80', 64);
    expect(reads).toBe(1);
    expect(window.after('b.gov.cn:80', 64)).toEqual(['c.gov.cn:80', 'a.gov.cn:80', 'b.gov.cn:80']);
    window.drop('c.gov.cn:80');
    expect(window.after('b.gov.cn:80', 64)).toEqual(['a.gov.cn:80', 'b.gov.cn:80']);
    enqueue(db, runId, [item('d.gov.cn', 1)]);
    expect(window.after('', 64)).not.toContain('d.gov.cn:80');
    clock = 250;
    expect(window.after('', 64)).toEqual(['a.gov.cn:80', 'b.gov.cn:80', 'c.gov.cn:80', 'd.gov.cn:80']);
    expect(reads).toBe(2);
    expect(window.after('', 64, true)).toHaveLength(4);
    expect(reads).toBe(3);
    // A window of 2 of the 4 hosts: read again, from the cursor, when the cursor reaches its end.
    expect(window.after('', 2, true)).toEqual(['a.gov.cn:80', 'b.gov.cn:80']);
    expect(window.after('a.gov.cn:80', 2)).toEqual(['b.gov.cn:80', 'a.gov.cn:80']);
    expect(reads).toBe(4);
    expect(window.after('b.gov.cn:80', 2)).toEqual(['c.gov.cn:80', 'd.gov.cn:80']);
    expect(reads).toBe(5);
    db.close();
  });

  it('the scheduler works a host that gains work mid-run and ends only when nothing is pending', async () => {
    const { db, runId } = seededArchive(tmp.file('mid-run.sqlite'));
    enqueue(db, runId, [item('a.gov.cn', 1), item('b.gov.cn', 1)]);
    const done: string[] = [];
    await workFrontierByHost(
      db,
      runId,
      async (next) => {
        // The first page links a page on a host the scheduler's list did not hold.
        if (next.url === 'http://a.gov.cn/art/1.html') enqueue(db, runId, [item('z.gov.cn', 1), item('z.gov.cn', 2)]);
        await new Promise((r) => setImmediate(r));
        markDone(db, runId, next.url, 'done');
        done.push(next.url);
      },
      { maxInFlight: 4, readyAt: () => 0, now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)), stopped: () => false, hostListRefreshMs: 60_000 },
    );
    expect(done.sort()).toEqual(['http://a.gov.cn/art/1.html', 'http://b.gov.cn/art/1.html', 'http://z.gov.cn/art/1.html', 'http://z.gov.cn/art/2.html']);
    db.close();
  });
});
