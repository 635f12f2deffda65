import { afterAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../store/open-archive.ts';
import { findInterruptedRun, finishRun, getRun, listRuns, startRun } from '../../store/runs.ts';
import { tempDir } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('runs', () => {
  it('starts, finishes and finds a run left running by a dead process', () => {
    const file = tmp.file('runs.sqlite');
    const db = openArchive(file);
    const done = startRun(db, { kind: 'crawl', crawlerVersion: 'v1', options: { portals: ['yanzhou'] } });
    finishRun(db, done, { status: 'ok', counts: { captures: 3 } });
    const killed = startRun(db, { kind: 'crawl', crawlerVersion: 'v1', options: { portals: ['yanzhou', 'jining'] } });
    startRun(db, { kind: 'extract', crawlerVersion: 'v1', options: {} });
    db.close(); // the process "dies" with `killed` still running

    const again = openArchive(file);
    const interrupted = findInterruptedRun(again, 'crawl');
    expect(interrupted?.id).toBe(killed);
    expect(interrupted?.options).toEqual({ portals: ['yanzhou', 'jining'] });
    expect(getRun(again, done)).toMatchObject({ status: 'ok', counts: { captures: 3 }, crawlerVersion: 'v1' });
    expect(getRun(again, done)?.finishedAt).not.toBeNull();
    finishRun(again, killed, { status: 'interrupted', counts: {} });
    expect(findInterruptedRun(again, 'crawl')).toBeNull();
    expect(listRuns(again).map((r) => r.id)).toEqual([3, 2, 1]);
    expect(listRuns(again, { kind: 'crawl', limit: 1 }).map((r) => r.id)).toEqual([2]);
    expect(() => finishRun(again, 99, { status: 'ok', counts: {} })).toThrow(expect.objectContaining({ code: 'E_NOT_FOUND' }));
    again.close();
  });
});
