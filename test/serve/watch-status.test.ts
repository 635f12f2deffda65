/** The grid's status source: computed once per archive version and day, the stored statuses when it fails. */
import { describe, expect, it } from 'vitest';
import { StatusJudge } from '../../serve/watch-status.ts';
import { openArchive } from '../../store/open-archive.ts';
import { saveWatchStatuses, type WatchStatusRow } from '../../store/watch-statuses.ts';
import { upsertPortal } from '../../store/portals.ts';
import { tempArchive } from '../helpers/temp-archive.ts';

const row = (status: WatchStatusRow['status'], asOf: string): WatchStatusRow => ({
  portalId: 'p', bodyKey: 'K', year: 2023, bodyName: '济宁市兖州区审计局', bodyKind: '部门', bodySources: ['catalogue'], status, asOf,
  deadline: '2024-01-31', deadlineRule: 'statutory:部门', reportId: null, publishedAt: null, publishedSource: null, firstSeenAt: null,
  daysLate: null, evidence: [7], detail: null,
});

describe('StatusJudge', () => {
  const archive = tempArchive('nianbao-judge-');
  upsertPortal(archive.db, { id: 'p', family: 'hanweb', baseUrl: 'http://127.0.0.1', name: 'p', config: null });
  saveWatchStatuses(archive.db, [row('unknown', '2024-02-01')], null);
  archive.db.close();
  const db = openArchive(archive.file, 'serve');

  it('computes statuses as of the source’s day once per archive version and day', () => {
    let calls = 0;
    let day = '2026-12-05';
    const judge = new StatusJudge({ asOf: () => day, statuses: (_db, asOf) => { calls += 1; return [row('missing', asOf)]; } });
    expect(judge.judgement(db)).toEqual({ asOf: '2026-12-05', rows: [row('missing', '2026-12-05')] });
    judge.judgement(db);
    expect(calls).toBe(1);
    day = '2026-12-06';
    expect(judge.day()).toBe('2026-12-06');
    expect(judge.judgement(db).asOf).toBe('2026-12-06');
    expect(calls).toBe(2);
  });

  it('recomputes when another connection commits, at most once per interval', async () => {
    const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve)); // data_version is read once per turn
    let calls = 0;
    let clock = 0;
    const judge = new StatusJudge({ asOf: () => '2026-12-05', statuses: () => { calls += 1; return []; } }, () => {}, 60_000, () => clock);
    judge.judgement(db);
    const writer = openArchive(archive.file);
    const commit = (): void => void writer.prepare("UPDATE portals SET name = name || '.' WHERE id = 'p'").run();
    commit();
    await nextTurn();
    clock = 10_000;
    judge.judgement(db);
    expect(calls).toBe(1); // changed, but computed 10 s ago
    clock = 70_000;
    judge.judgement(db);
    expect(calls).toBe(2);
    judge.judgement(db);
    expect(calls).toBe(2); // unchanged since
    writer.close();
  });

  it('falls back to the statuses the last nightly run stored, without a source or when it fails', () => {
    expect(new StatusJudge(undefined).judgement(db)).toMatchObject({ asOf: null, rows: [{ status: 'unknown', asOf: '2024-02-01' }] });
    const errors: unknown[] = [];
    const failing = new StatusJudge({ asOf: () => '2026-12-05', statuses: () => { throw new Error('bad stored config'); } }, (e) => errors.push(e));
    expect(failing.judgement(db)).toMatchObject({ asOf: null, rows: [{ status: 'unknown' }] });
    expect(errors).toHaveLength(1);
  });
});
