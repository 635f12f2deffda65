import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortals, type DemoPortals } from '../../../demo/portal/demo-portals.ts';
import type { PortalConfig } from '../../../crawlers/portal-config.ts';
import { NIGHTLY_EVENT_TYPES } from '../../../jobs/nightly/nightly-log.ts';
import { runNightly, type NightlySummary } from '../../../jobs/nightly/run-nightly.ts';
import { loadExpectedFile } from '../../../jobs/watch/expected-file.ts';
import { computeStatuses } from '../../../jobs/watch/run-watch.ts';
import { openArchive } from '../../../store/open-archive.ts';
import { getCapture } from '../../../store/captures.ts';
import { listNightlyRuns } from '../../../store/watch-runs.ts';
import { listStatusHistory, listWatchStatuses, type WatchStatusRow } from '../../../store/watch-statuses.ts';
import { FAST_FETCHER, tempArchive } from '../../helpers/temp-archive.ts';
import { runCli } from '../cli/run-cli.ts';
import { A, B, C_KEY, clockAt, D, E, F, NIGHTS, SERVED, writeExpectedCsv } from '../nightly/scenario.ts';

describe('the watch over four nights on a portal whose reports appear, disappear and change', () => {
  let demo: DemoPortals;
  let portals: PortalConfig[];
  let archive: { file: string; dir: string };
  let expectedFile: string;
  const summaries: NightlySummary[] = [];
  const statusesAfter: WatchStatusRow[][] = [];

  const night = async (iso: string): Promise<void> => {
    const summary = await runNightly({
      archiveFile: archive.file,
      portals,
      expected: { entries: loadExpectedFile(expectedFile, ['yanzhou-demo']), source: expectedFile },
      fetcher: FAST_FETCHER,
      now: clockAt(iso),
    });
    summaries.push(summary);
    const db = openArchive(archive.file);
    statusesAfter.push(listWatchStatuses(db, { year: 2023 }));
    db.close();
  };

  beforeAll(async () => {
    demo = await startDemoPortals({ reports: SERVED.first, slowMs: 10, flakyFailures: 0 });
    portals = demo.portals.filter((p) => p.id === 'yanzhou-demo');
    const t = tempArchive('nianbao-watch-');
    t.db.close();
    archive = t;
    expectedFile = writeExpectedCsv(t.dir);
    await night(NIGHTS.first);
    await night(NIGHTS.second);
    demo.setReports(SERVED.third);
    await night(NIGHTS.third);
    await night(NIGHTS.fourth);
  }, 120_000);

  afterAll(async () => {
    await demo.close();
  });

  const statusOf = (nightIndex: number, key: string): WatchStatusRow => {
    const row = statusesAfter[nightIndex]!.find((s) => s.bodyKey === key);
    if (row === undefined) throw new Error(`no status for ${key} after night ${nightIndex + 1}: ${statusesAfter[nightIndex]!.map((s) => s.bodyKey).join(', ')}`);
    return row;
  };
  const E_KEY = E.agency; // an article: the body is known by its printed name

  it('night 1 (21 Jan): published reports are on time, the rest not yet due', () => {
    expect(summaries[0]!.status).toBe('ok');
    expect(summaries[0]!.asOf).toBe('2024-01-21');
    expect(statusOf(0, A.agencyKey)).toMatchObject({ status: 'on_time', publishedAt: '2024-01-15', publishedSource: 'page', daysLate: 0, deadline: '2024-01-31' });
    expect(statusOf(0, D.agencyKey).status).toBe('on_time');
    expect(statusOf(0, E_KEY)).toMatchObject({ status: 'on_time', deadline: '2024-03-31', bodyKind: '本级政府' });
    for (const key of [B.agencyKey, C_KEY, F.agencyKey]) expect(statusOf(0, key).status).toBe('not_due');
    expect(statusesAfter[0]!.length).toBe(6);
  });

  it('night 2 (5 Feb): bodies past their deadline with no report are missing, with the captures checked as evidence', () => {
    const db = openArchive(archive.file);
    try {
      for (const key of [B.agencyKey, C_KEY]) {
        const row = statusOf(1, key);
        expect(row.status).toBe('missing');
        const urls = row.evidence.map((id) => getCapture(db, id)!);
        // the xxgk page of the body for 2023, answered (200 shell or 304 confirming it) on the day, and the 年报 listing
        expect(urls.some((c) => c.requestedUrl.includes(`area=${key}`) && c.requestedUrl.includes('fbtime=2023') && c.fetchedAt.startsWith('2024-02-04'))).toBe(true);
        expect(urls.some((c) => c.purpose === 'listing')).toBe(true);
      }
    } finally {
      db.close();
    }
    expect(statusOf(1, F.agencyKey)).toMatchObject({ status: 'not_due', deadline: '2024-03-31', deadlineRule: 'default:乡镇街道' });
  });

  it('night 3 (20 Feb): a report published 15 days late, one withdrawn, one whose table 3 changed', () => {
    expect(statusOf(2, B.agencyKey)).toMatchObject({ status: 'late', publishedAt: '2024-02-15', publishedSource: 'page', daysLate: 15, deadline: '2024-01-31' });
    expect(statusOf(2, B.agencyKey).firstSeenAt?.startsWith('2024-02-19')).toBe(true);
    const removed = statusOf(2, D.agencyKey);
    expect(removed.status).toBe('removed');
    expect(removed.evidence.length).toBeGreaterThan(0);
    const changed = statusOf(2, E_KEY);
    expect(changed.status).toBe('changed');
    const detail = changed.detail as { cells: { key: string; before: number; after: number }[]; fromVersion: number; toVersion: number };
    expect(detail.fromVersion).toBe(1);
    expect(detail.toVersion).toBe(2);
    expect(detail.cells.map((c) => c.key).sort()).toEqual(['t3.new.natural', 't3.new.total']);
    expect(detail.cells.find((c) => c.key === 't3.new.natural')!.after - detail.cells.find((c) => c.key === 't3.new.natural')!.before).toBe(2);
    expect(statusOf(2, A.agencyKey).status).toBe('on_time');
    expect(statusOf(2, C_KEY).status).toBe('missing');
  });

  it('night 4 (2 Apr): the town past its 31 March deadline is missing', () => {
    expect(statusOf(3, F.agencyKey).status).toBe('missing');
    expect(statusOf(3, B.agencyKey).status).toBe('late');
  });

  it('keeps each status change in the history and a run row per night with counts', () => {
    const db = openArchive(archive.file);
    try {
      expect(listStatusHistory(db, { portalId: 'yanzhou-demo', bodyKey: B.agencyKey, year: 2023 }).map((h) => h.status)).toEqual(['not_due', 'missing', 'late']);
      const runs = listNightlyRuns(db).reverse();
      expect(runs.map((r) => [r.status, r.asOf])).toEqual([
        ['ok', '2024-01-21'],
        ['ok', '2024-02-05'],
        ['ok', '2024-02-20'],
        ['ok', '2024-04-02'],
      ]);
      const third = runs[2]!.counts as { reports: { new: number; newVersion: number }; pagesFetched: number };
      expect(third.reports.new).toBe(1);
      expect(third.reports.newVersion).toBe(1);
      expect(third.pagesFetched).toBeGreaterThan(5);
    } finally {
      db.close();
    }
  });

  it('writes a JSON-lines log per run with a fixed set of event types', () => {
    for (const s of summaries) {
      expect(existsSync(s.logFile)).toBe(true);
      expect(path.basename(s.logFile)).toBe(`nightly-${s.nightlyRunId}.jsonl`);
      const events = readFileSync(s.logFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; runId: number; ts: string });
      for (const e of events) expect(NIGHTLY_EVENT_TYPES).toContain(e.type);
      expect(events[0]!.type).toBe('run-started');
      expect(events.at(-1)!.type).toBe('run-finished');
    }
    const third = readFileSync(summaries[2]!.logFile, 'utf8');
    expect(third).toContain('"type":"status-changed"');
  });

  it('`missing --as-of` recomputes statuses as of an earlier date from what had been captured by then', () => {
    const db = openArchive(archive.file);
    try {
      const early = computeStatuses(db, { portals, asOf: '2024-01-25', years: [2023] }).statuses;
      const by = (key: string) => early.find((s) => s.bodyKey === key)!.status;
      expect(by(B.agencyKey)).toBe('not_due');
      expect(by(D.agencyKey)).toBe('on_time');
      expect(by(E_KEY)).toBe('on_time');
    } finally {
      db.close();
    }
  });

  it('`nianbao missing` prints a table and JSON with status, deadline, publish time, days late and evidence', async () => {
    const json = await runCli(['missing', '--year', '2023', '--as-of', '2024-04-02', '--db', archive.file, '--json']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { counts: Record<string, number>; bodies: { key: string; status: string; daysLate: number | null; evidence: number[]; deadline: string; publishedAt: string | null }[] };
    expect(parsed.counts).toMatchObject({ on_time: 1, late: 1, missing: 2, removed: 1, changed: 1 });
    const late = parsed.bodies.find((b) => b.key === B.agencyKey)!;
    expect(late).toMatchObject({ status: 'late', daysLate: 15, deadline: '2024-01-31', publishedAt: '2024-02-15' });
    const table = await runCli(['missing', '--year', '2023', '--as-of', '2024-04-02', '--db', archive.file, '--status', 'missing,late']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('济宁市兖州区审计局');
    expect(table.stdout).toContain('missing');
    expect(table.stdout).toContain('2024-02-15 (page)');
    expect(table.stdout).not.toContain('on_time  ');
  });
});
