import { describe, expect, it } from 'vitest';
import { crossYearChecks } from '../../../jobs/watch/cross-year.ts';
import { diffCells } from '../../../jobs/watch/cell-diff.ts';
import { buildExpectedSet } from '../../../jobs/watch/expected-set.ts';
import { SIMILARITY_THRESHOLD, textSimilarity } from '../../../jobs/watch/similarity.ts';
import { parsePortals } from '../../../crawlers/portal-config.ts';
import { upsertAgency } from '../../../store/agencies.ts';
import { insertCapture } from '../../../store/captures.ts';
import { saveReport } from '../../../store/reports.ts';
import { listCrossChecks, replaceCrossChecks } from '../../../store/watch-reports.ts';
import { exchange, seededArchive, tempDir } from '../../store/helpers.ts';
import { sampleReport } from '../../store/sample-report.ts';

const PROSE_2023 =
  '2023年，区民政局坚持以公开为常态、不公开为例外，围绕城乡低保、特困供养和临时救助等重点领域，及时主动公开政策文件和资金发放情况，' +
  '每季度公示低保对象名单，畅通依申请公开渠道，规范答复程序，政府信息公开工作取得了新进展。存在的主要问题是公开内容还不够丰富，解读形式较为单一。';

describe('cross-year checks', () => {
  it('scores copied prose high and different prose low', () => {
    const copied = PROSE_2023.replaceAll('2023', '2024');
    expect(textSimilarity(PROSE_2023, copied)).toBe(1);
    expect(textSimilarity(PROSE_2023, '本年度区财政局重点推进预决算公开，细化政府债务信息，新建惠民惠农补贴资金公开专栏，群众满意度明显提升。')).toBeLessThan(0.2);
    expect(SIMILARITY_THRESHOLD).toBeGreaterThan(0.5);
  });

  it('checks this year\'s 上年结转 against last year\'s 结转下年度 and flags 内容雷同, stored per report', () => {
    const tmp = tempDir();
    const { db, runId, portalId } = seededArchive(tmp.file('cross.sqlite'));
    const [portal] = parsePortals([{ id: portalId, family: 'hanweb', baseUrl: 'http://www.yanzhou.gov.cn', years: [2022, 2023] }], 'f');
    const agencyId = upsertAgency(db, { portalId, key: 'K', name: '济宁市兖州区民政局', kind: '部门', source: 'catalogue' });
    const save = (year: number, cells: Record<string, number | null>, text: string): number => {
      const url = `http://www.yanzhou.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=K&fbtime=${year}`;
      const captureId = insertCapture(db, { runId, portalId, requestedUrl: url, finalUrl: url, purpose: 'report', charset: 'utf-8', exchange: exchange({ url }) });
      const report = { ...sampleReport({ cells, text }), year, sections: [{ heading: '一、总体情况', part: 1, text }] };
      return saveReport(db, { portalId, agencyId, reportKey: url, url, sourceCaptureId: captureId, report, files: [], seenAt: `${year + 1}-01-20T02:00:00.000Z` }).reportId;
    };
    const last = save(2022, { 't3.carried_out.natural': 2, 't3.carried_out.total': 2 }, PROSE_2023.replaceAll('2023', '2022'));
    const now = save(2023, { 't3.carried_in.natural': 1, 't3.carried_in.total': 2 }, PROSE_2023);
    const checks = crossYearChecks(db, buildExpectedSet(db, [portal!], []));
    replaceCrossChecks(db, checks);
    const stored = listCrossChecks(db, now);
    const byId = Object.fromEntries(stored.map((c) => [c.checkId, c]));
    expect(byId['cross.carry.natural']).toMatchObject({ ok: false, left: 1, right: 2, otherReportId: last });
    expect(byId['cross.carry.total']).toMatchObject({ ok: true, left: 2, right: 2 });
    expect(byId['cross.similar']).toMatchObject({ ok: false, left: 1, right: SIMILARITY_THRESHOLD });
    expect(stored.filter((c) => c.checkId.startsWith('cross.carry.')).length).toBe(7);
    expect(listCrossChecks(db, last)).toEqual([]); // no 2021 report to compare with
    db.close();
    tmp.remove();
  });

  it('diffs cells, keeping blank (null) and 0 apart', () => {
    expect(diffCells({ a: 1, b: null, c: 3 }, { a: 1, b: 0, c: 4 })).toEqual([
      { key: 'b', before: null, after: 0 },
      { key: 'c', before: 3, after: 4 },
    ]);
  });
});
