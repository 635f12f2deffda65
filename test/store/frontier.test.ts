import { afterAll, describe, expect, it } from 'vitest';
import { countByState, enqueue, getFrontierItem, markDone, nextPending, requeueFailed } from '../../store/frontier.ts';
import { openArchive } from '../../store/open-archive.ts';
import { seededArchive, tempDir } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

const base = 'http://www.yanzhou.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=11370812004322760Y&fbtime=';
const items = [2019, 2020, 2021, 2022, 2023].map((year) => ({ url: `${base}${year}`, purpose: 'report' as const, portalId: 'yanzhou', meta: { kind: 'report', year } }));

describe('frontier', () => {
  it('ignores duplicates and hands items out in enqueue order', () => {
    const { db, runId } = seededArchive(tmp.file('order.sqlite'));
    expect(enqueue(db, runId, items)).toBe(5);
    expect(enqueue(db, runId, [...items.slice(0, 2), { url: `${base}2024`, purpose: 'report', portalId: 'yanzhou', depth: 2 }])).toBe(1);
    const wave = nextPending(db, runId, 10);
    expect(wave.map((i) => i.url.slice(-4))).toEqual(['2019', '2020', '2021', '2022', '2023', '2024']);
    expect(wave[0]).toMatchObject({ purpose: 'report', portalId: 'yanzhou', meta: { kind: 'report', year: 2019 }, depth: 0, attempts: 1, state: 'pending' });
    expect(wave[5]?.depth).toBe(2);
    db.close();
  });

  it('resumes after a crash: unfinished items come back, finished ones do not', () => {
    const file = tmp.file('resume.sqlite');
    const { db, runId } = seededArchive(file);
    enqueue(db, runId, items);
    const wave = nextPending(db, runId, 3);
    markDone(db, runId, wave[0]!.url, 'done');
    markDone(db, runId, wave[1]!.url, 'skipped', 'E_ROBOTS_DISALLOWED');
    db.close(); // killed while wave[2] was in flight

    const again = openArchive(file);
    expect(countByState(again, runId)).toEqual({ pending: 3, done: 1, skipped: 1, failed: 0 });
    const resumed = nextPending(again, runId, 10);
    expect(resumed.map((i) => i.url.slice(-4))).toEqual(['2021', '2022', '2023']);
    expect(resumed[0]?.attempts).toBe(2);
    expect(getFrontierItem(again, runId, wave[1]!.url)).toMatchObject({ state: 'skipped', reasonCode: 'E_ROBOTS_DISALLOWED' });
    again.close();
  });

  it('gives up on an item claimed too often without finishing', () => {
    const { db, runId } = seededArchive(tmp.file('attempts.sqlite'));
    enqueue(db, runId, items.slice(0, 1));
    expect(nextPending(db, runId, 10, 2)).toHaveLength(1);
    expect(nextPending(db, runId, 10, 2)).toHaveLength(1);
    expect(nextPending(db, runId, 10, 2)).toHaveLength(0);
    expect(getFrontierItem(db, runId, items[0]!.url)).toMatchObject({ state: 'failed', reasonCode: 'E_ATTEMPTS_EXHAUSTED', attempts: 2 });
    expect(requeueFailed(db, runId)).toBe(1);
    expect(nextPending(db, runId, 10, 2)).toHaveLength(1);
    db.close();
  });

  it('keeps runs apart and refuses to mark an unknown URL', () => {
    const { db, runId } = seededArchive(tmp.file('runs.sqlite'));
    enqueue(db, runId, items.slice(0, 2));
    expect(nextPending(db, runId + 1, 10)).toEqual([]);
    expect(() => markDone(db, runId, 'http://www.yanzhou.gov.cn/never-enqueued', 'done')).toThrow(expect.objectContaining({ code: 'E_NOT_FOUND' }));
    db.close();
  });
});
