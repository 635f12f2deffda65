/** A report version's summary says what its cells and checks say: written with the version, backfilled by migration 005. */
import type { Database } from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../extract/checks/run-checks.ts';
import { migrate } from '../../store/migrate.ts';
import { saveReport } from '../../store/reports.ts';
import { seededArchive, tempDir } from './helpers.ts';
import { SAMPLE_URL, sampleReport } from './sample-report.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

/** The sample with a typo in table 3 (one cell off by one): two checks fail. */
function reportWithTypo(): ReturnType<typeof sampleReport> {
  const base = sampleReport();
  const cells = { ...base.cells, 't3.disclosed.natural': 7 };
  return { ...sampleReport({ cells }), checks: runChecks('2021', cells) };
}

function saveBoth(db: Database): number[] {
  return [sampleReport(), reportWithTypo()].map((report, i) => {
    const url = `${SAMPLE_URL}&n=${i}`;
    return saveReport(db, { portalId: 'yanzhou', agencyId: null, reportKey: url, url, sourceCaptureId: null, report, files: [], seenAt: '2025-02-01T08:00:00.000Z' }).reportId;
  });
}

interface Summary {
  cells: [string, number | null, string | null][];
  checkCount: number;
  failingCount: number;
  failing: { checkId: string; ok: boolean; left: number; right: number; nullsAsZero: string[] }[];
}

function summaryOf(db: Database, id: number): Summary {
  const row = db.prepare('SELECT cells_json, check_count, failing_count, failing_json FROM report_summaries WHERE report_id = ?').get(id) as {
    cells_json: string;
    check_count: number;
    failing_count: number;
    failing_json: string;
  };
  return { cells: JSON.parse(row.cells_json), checkCount: row.check_count, failingCount: row.failing_count, failing: JSON.parse(row.failing_json) };
}

/** The same read row by row from the record tables. */
function recordOf(db: Database, id: number): Summary {
  const cells = db.prepare('SELECT key, value, method FROM cells WHERE report_id = ? ORDER BY key').raw(true).all(id) as [string, number | null, string | null][];
  const checks = db.prepare('SELECT check_id, ok, left_value, right_value, nulls_as_zero FROM check_results WHERE report_id = ? ORDER BY rowid').raw(true).all(id) as [string, number, number, number, string][];
  const failing = checks.filter((c) => c[1] === 0).map(([checkId, , left, right, nulls]) => ({ checkId, ok: false, left, right, nullsAsZero: JSON.parse(nulls) as string[] }));
  return { cells, checkCount: checks.length, failingCount: failing.length, failing };
}

describe('report_summaries', () => {
  it('is written with each version and equals its cells and checks', () => {
    const { db } = seededArchive(tmp.file('written.sqlite'));
    const [clean, typo] = saveBoth(db);
    expect(summaryOf(db, clean!)).toEqual(recordOf(db, clean!));
    expect(summaryOf(db, clean!).failingCount).toBe(0);
    const withTypo = summaryOf(db, typo!);
    expect(withTypo).toEqual(recordOf(db, typo!));
    expect(withTypo.cells).toHaveLength(200);
    expect(withTypo.failing.map((c) => c.checkId).sort()).toEqual(['t3.results.natural', 't3.row.disclosed']);
    db.close();
  });

  it('is filled by migration 005 for versions archived before it', () => {
    const { db } = seededArchive(tmp.file('backfill.sqlite'));
    const ids = saveBoth(db);
    const before = ids.map((id) => summaryOf(db, id));
    // Back to the schema of migration 004, the reports still there.
    db.exec('DROP TABLE report_summaries');
    db.prepare('DELETE FROM schema_migrations WHERE id = 5').run();
    expect(migrate(db)).toEqual([5]);
    expect(ids.map((id) => summaryOf(db, id))).toEqual(before);
    db.close();
  });
});
