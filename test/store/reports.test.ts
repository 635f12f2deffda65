import type { Database } from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upsertAgency } from '../../store/agencies.ts';
import { insertCapture } from '../../store/captures.ts';
import { findReportByKey, getReport, listReports, saveReport, type SaveReportInput } from '../../store/reports.ts';
import { count, exchange, seededArchive, tempDir, type Seeded } from './helpers.ts';
import { SAMPLE_URL, sampleReport } from './sample-report.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

let s: Seeded;
let sourceCaptureId: number;
let n = 0;
beforeEach(() => {
  n += 1;
  s = seededArchive(tmp.file(`reports-${n}.sqlite`));
  sourceCaptureId = insertCapture(s.db, {
    runId: s.runId, portalId: s.portalId, requestedUrl: SAMPLE_URL, finalUrl: SAMPLE_URL, purpose: 'report', charset: 'utf-8',
    exchange: exchange({ url: SAMPLE_URL }),
  });
});
afterEach(() => s.db.close());

function input(overrides: Partial<SaveReportInput> = {}): SaveReportInput {
  const report = overrides.report ?? sampleReport();
  return {
    portalId: 'yanzhou',
    agencyId: null,
    reportKey: SAMPLE_URL,
    url: SAMPLE_URL,
    sourceCaptureId,
    report,
    files: report.files.map((f) => ({ captureId: null, url: f.url, kind: f.kind, label: f.label })),
    seenAt: '2025-02-01T08:00:00.000Z',
    ...overrides,
  };
}

function counts(db: Database): Record<string, number> {
  return Object.fromEntries(['reports', 'cells', 'check_results', 'report_files'].map((t) => [t, count(db, t)]));
}

describe('saveReport', () => {
  it('stores a new report with every cell, check and file', () => {
    const saved = saveReport(s.db, input());
    expect(saved.outcome).toBe('new');
    const report = getReport(s.db, saved.reportId);
    expect(report).toMatchObject({
      version: 1, isCurrent: true, year: 2024, template: '2021', title: '济宁市兖州区民政局2024年政府信息公开工作年度报告',
      agencyName: '济宁市兖州区民政局', publishedAt: '2025-01-15', publishedAtRaw: '发布时间:2025-01-15 09:30:00',
      firstSeenAt: '2025-02-01T08:00:00.000Z', sourceCaptureId, extractorVersion: 'html-1.0.0', missingTables: [], warnings: [],
    });
    expect(report?.cells).toHaveLength(200);
    expect(report?.cells[0]).toMatchObject({ key: 't2.rules.issued', value: 0, raw: '0', method: 'html-table', confidence: 1, sourceCaptureId });
    expect(report?.cells.find((c) => c.key === 't2.fees.amount')).toMatchObject({ value: 25.1, raw: '251000元' });
    expect(report?.cells.find((c) => c.key === 't3.new.total')?.value).toBe(15);
    expect(report?.checks).toHaveLength(10);
    expect(report?.checks.find((c) => c.checkId === 't4.sum.review')).toMatchObject({ ok: true, nullsAsZero: ['t4.review.pending'] });
    expect(report?.files).toEqual([{ url: 'http://www.yanzhou.gov.cn/module/download/downfile.jsp?filename=t3.png', kind: 'image', label: '表三', captureId: null }]);
    expect(report?.sections).toHaveLength(6);
    expect(report?.versions.map((v) => v.version)).toEqual([1]);
  });

  it('keeps blank cells NULL, never 0', () => {
    const { reportId } = saveReport(s.db, input());
    const blank = s.db.prepare("SELECT value, raw, typeof(value) AS t FROM cells WHERE report_id = ? AND key = 't2.penalty.decisions'").get(reportId);
    expect(blank).toEqual({ value: null, raw: '/', t: 'null' });
    const zero = s.db.prepare("SELECT value, typeof(value) AS t FROM cells WHERE report_id = ? AND key = 't2.rules.issued'").get(reportId);
    expect(zero).toEqual({ value: 0, t: 'real' });
    const viaView = s.db.prepare("SELECT value FROM report_cells_v WHERE report_id = ? AND key = 't4.review.pending'").pluck().get(reportId);
    expect(viaView).toBeNull();
  });

  it('same content twice → unchanged, nothing written (whitespace and extractor version do not matter)', () => {
    const first = saveReport(s.db, input());
    const before = counts(s.db);
    const again = sampleReport({ extractorVersion: 'html-1.1.0', text: `  ${sampleReport().text.replace(/\n/g, '\n\n  ')}  ` });
    const second = saveReport(s.db, input({ report: again, seenAt: '2025-03-01T08:00:00.000Z' }));
    expect(second).toEqual({ reportId: first.reportId, outcome: 'unchanged' });
    expect(counts(s.db)).toEqual(before);
    expect(getReport(s.db, first.reportId)).toMatchObject({ firstSeenAt: '2025-02-01T08:00:00.000Z', extractorVersion: 'html-1.0.0' });
  });

  it('unchanged content still attaches newly captured files and a newly known agency', () => {
    const first = saveReport(s.db, input());
    const file = sampleReport().files[0]!;
    const fileCapture = insertCapture(s.db, {
      runId: s.runId, portalId: 'yanzhou', requestedUrl: file.url, finalUrl: file.url, purpose: 'image', charset: null,
      exchange: exchange({ url: file.url, headers: { 'content-type': 'image/png' }, body: Buffer.from([0x89, 0x50, 0x4e, 0x47]) }),
    });
    const agencyId = upsertAgency(s.db, { portalId: 'yanzhou', key: '11370812004322760Y', name: '济宁市兖州区民政局', kind: '部门', source: 'catalogue' });
    const second = saveReport(s.db, input({ agencyId, files: [{ captureId: fileCapture, url: file.url, kind: 'image', label: '表三' }] }));
    expect(second.outcome).toBe('unchanged');
    const report = getReport(s.db, first.reportId);
    expect(report?.files).toEqual([{ url: file.url, kind: 'image', label: '表三', captureId: fileCapture }]);
    expect(report).toMatchObject({ agencyId, agencyKey: '11370812004322760Y' });
  });

  it('changed cells → new version; the old one and its cells are kept; one current', () => {
    const v1 = saveReport(s.db, input());
    const changed = sampleReport({ cells: { 't2.licensing.decisions': 357, 't2.fees.amount': null } });
    const v2 = saveReport(s.db, input({ report: changed, seenAt: '2025-04-01T00:00:00.000Z' }));
    expect(v2.outcome).toBe('new_version');
    expect(v2.reportId).not.toBe(v1.reportId);
    expect(count(s.db, 'reports')).toBe(2);
    expect(s.db.prepare('SELECT count(*) FROM reports WHERE report_key = ? AND is_current = 1').pluck().get(SAMPLE_URL)).toBe(1);
    expect(getReport(s.db, v1.reportId)).toMatchObject({ version: 1, isCurrent: false });
    expect(getReport(s.db, v1.reportId)?.cells.find((c) => c.key === 't2.licensing.decisions')?.value).toBe(356);
    const current = getReport(s.db, v2.reportId);
    expect(current).toMatchObject({ version: 2, isCurrent: true, firstSeenAt: '2025-04-01T00:00:00.000Z' });
    expect(current?.cells.find((c) => c.key === 't2.licensing.decisions')?.value).toBe(357);
    expect(current?.cells.find((c) => c.key === 't2.fees.amount')?.value).toBeNull();
    expect(current?.versions.map((v) => [v.version, v.isCurrent])).toEqual([[1, false], [2, true]]);
    expect(findReportByKey(s.db, SAMPLE_URL)?.id).toBe(v2.reportId);
    expect(count(s.db, 'cells')).toBe(400);

    const listed = listReports(s.db);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: v2.reportId, version: 2, firstSeenAt: '2025-02-01T08:00:00.000Z' });
    expect(listReports(s.db, { currentOnly: false })).toHaveLength(2);
  });

  it('a zero becoming blank is a change (null is not 0)', () => {
    saveReport(s.db, input());
    expect(saveReport(s.db, input({ report: sampleReport({ cells: { 't2.rules.issued': null } }) })).outcome).toBe('new_version');
  });

  it('content reverted to an earlier version makes that version current again', () => {
    const v1 = saveReport(s.db, input());
    saveReport(s.db, input({ report: sampleReport({ title: '济宁市兖州区民政局2024年度政府信息公开工作报告' }) }));
    const back = saveReport(s.db, input());
    expect(back).toEqual({ reportId: v1.reportId, outcome: 'new_version' });
    expect(findReportByKey(s.db, SAMPLE_URL)?.version).toBe(1);
    expect(count(s.db, 'reports')).toBe(2);
  });

  it('a save that fails halfway leaves nothing behind', () => {
    const bad = input({ files: [{ captureId: null, url: 'http://x/a.mp4', kind: 'video' as 'image', label: '视频' }] });
    expect(() => saveReport(s.db, bad)).toThrow(/CHECK constraint/);
    expect(counts(s.db)).toEqual({ reports: 0, cells: 0, check_results: 0, report_files: 0 });

    const v1 = saveReport(s.db, input());
    const before = counts(s.db);
    expect(() => saveReport(s.db, { ...bad, report: sampleReport({ cells: { 't3.new.natural': 99 } }) })).toThrow(/CHECK constraint/);
    expect(counts(s.db)).toEqual(before);
    expect(findReportByKey(s.db, SAMPLE_URL)?.id).toBe(v1.reportId);
  });

  it('an enclosing transaction that throws rolls the save back too', () => {
    expect(() =>
      s.db.transaction(() => {
        saveReport(s.db, input());
        throw new Error('crash after saving');
      })(),
    ).toThrow('crash after saving');
    expect(counts(s.db)).toEqual({ reports: 0, cells: 0, check_results: 0, report_files: 0 });
  });
});

describe('listReports', () => {
  it('filters by portal, year and agency, and counts failing checks', () => {
    const agencyId = upsertAgency(s.db, { portalId: 'yanzhou', key: '113708120043225000MZJ', name: '济宁市兖州区民政局', kind: '部门', source: 'config' });
    saveReport(s.db, input({ agencyId }));
    const broken = sampleReport({ cells: { 't3.new.natural': 13 } });
    const y2023 = { ...broken, year: 2023, checks: broken.checks.map((c) => (c.id === 't3.balance.natural' ? { ...c, ok: false, left: 14, right: 13 } : c)) };
    const url2023 = SAMPLE_URL.replace('2024', '2023');
    saveReport(s.db, input({ report: y2023, reportKey: url2023, url: url2023, agencyId }));

    const all = listReports(s.db, { portalId: 'yanzhou' });
    expect(all.map((r) => [r.year, r.failingChecks])).toEqual([[2024, 0], [2023, 1]]);
    expect(all[0]).toMatchObject({ agencyKey: '113708120043225000MZJ', agencyName: '济宁市兖州区民政局', template: '2021', publishedAt: '2025-01-15' });
    expect(listReports(s.db, { year: 2023 })).toHaveLength(1);
    expect(listReports(s.db, { agency: '113708120043225000MZJ' })).toHaveLength(2);
    expect(listReports(s.db, { agency: '济宁市兖州区民政局', year: 2024 })).toHaveLength(1);
    expect(listReports(s.db, { agency: '其他局' })).toHaveLength(0);
    expect(listReports(s.db, { portalId: 'jining' })).toHaveLength(0);
  });
});
