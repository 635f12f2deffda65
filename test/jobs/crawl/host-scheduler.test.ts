/**
 * The per-host scheduler on a frontier of 10⁵ pending URLs over 1,000 hosts: it never reads the frontier into memory,
 * takes hosts in turn (no host waits behind another's backlog), never runs two tasks of one host at once, and skips a
 * host whose gap has not passed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { workFrontierByHost } from '../../../jobs/crawl/host-scheduler.ts';
import { claimNextOfHost, enqueue, markDone, pendingHosts } from '../../../store/frontier.ts';
import { seededArchive, tempDir } from '../../store/helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

const HOSTS = 1_000;
const PER_HOST = 100;

function bigFrontier(file: string): ReturnType<typeof seededArchive> {
  const seeded = seededArchive(file);
  const items = [];
  for (let n = 0; n < PER_HOST; n += 1) {
    for (let h = 0; h < HOSTS; h += 1) items.push({ url: `http://county${h}.gov.cn/art/${n}.html`, purpose: 'report' as const, portalId: 'yanzhou' });
  }
  enqueue(seeded.db, seeded.runId, items);
  return seeded;
}

describe('host scheduler over 10⁵ pending URLs', () => {
  it('walks the hosts in turn with bounded memory, one task per host at a time', async () => {
    const { db, runId } = bigFrontier(tmp.file('big.sqlite'));
    globalThis.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const seenHosts: string[] = [];
    const busy = new Set<string>();
    let overlaps = 0;
    let stop = false;
    const started = Date.now();
    await workFrontierByHost(
      db,
      runId,
      async (item) => {
        if (busy.has(item.host)) overlaps += 1;
        busy.add(item.host);
        seenHosts.push(item.host);
        await new Promise((r) => setImmediate(r));
        markDone(db, runId, item.url, 'done');
        busy.delete(item.host);
        if (seenHosts.length >= 3_000) stop = true;
      },
      { maxInFlight: 32, readyAt: () => 0, now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)), stopped: () => stop },
    );
    const elapsed = Date.now() - started;
    const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    expect(overlaps).toBe(0);
    // Round robin: the first 1,000 tasks went to 1,000 different hosts (insertion order would give 10 hosts × 100).
    expect(new Set(seenHosts.slice(0, HOSTS)).size).toBe(HOSTS);
    expect(heapGrowthMb).toBeLessThan(64);
    expect(elapsed).toBeLessThan(60_000);
    db.close();
  }, 120_000);

  it('takes a ready host instead of waiting for one whose gap has not passed', async () => {
    const { db, runId } = seededArchive(tmp.file('gap.sqlite'));
    enqueue(db, runId, ['slow', 'fast'].flatMap((h) => [1, 2].map((n) => ({ url: `http://${h}.gov.cn/${n}.html`, purpose: 'report' as const, portalId: 'yanzhou' }))));
    const order: string[] = [];
    const readyAt = new Map<string, number>();
    await workFrontierByHost(
      db,
      runId,
      async (item) => {
        order.push(item.url.replace('http://', '').replace('.gov.cn', ''));
        readyAt.set(item.host, Date.now() + (item.host.startsWith('slow') ? 400 : 0));
        markDone(db, runId, item.url, 'done');
      },
      { maxInFlight: 1, readyAt: (host) => readyAt.get(host) ?? 0, now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)), stopped: () => false },
    );
    // The fast host's second page does not wait behind the slow host's gap.
    expect(order.indexOf('fast/2.html')).toBeLessThan(order.indexOf('slow/2.html'));
    expect(order).toHaveLength(4);
    db.close();
  });

  it('reads hosts by index seeks and claims per host', () => {
    const { db, runId } = bigFrontier(tmp.file('seek.sqlite'));
    const t0 = performance.now();
    const hosts = pendingHosts(db, runId, 'county500.gov.cn:80', 64);
    const t1 = performance.now();
    expect(hosts).toHaveLength(64);
    expect(hosts[0]! > 'county500.gov.cn:80').toBe(true);
    expect(claimNextOfHost(db, runId, hosts[0]!)?.url).toBe(`http://${hosts[0]!.replace(':80', '')}/art/0.html`);
    expect(t1 - t0).toBeLessThan(200);
    // wraps round: after the last host come the first ones
    expect(pendingHosts(db, runId, 'county999.gov.cn:80', 3)).toEqual(['county0.gov.cn:80', 'county1.gov.cn:80', 'county10.gov.cn:80']);
    db.close();
  }, 60_000);
});
