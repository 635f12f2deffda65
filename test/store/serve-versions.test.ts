import { afterAll, describe, expect, it } from 'vitest';
import { saveReport } from '../../store/reports.ts';
import { versionTimeline } from '../../store/serve-versions.ts';
import { seededArchive, tempDir } from './helpers.ts';
import { SAMPLE_URL, sampleReport } from './sample-report.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('a report’s version timeline', () => {
  it('lists every version oldest first with the cells changed since the one before (null and 0 differ)', () => {
    const s = seededArchive(tmp.file('versions.sqlite'));
    const save = (cells: Record<string, number | null>, seenAt: string) =>
      saveReport(s.db, { portalId: 'yanzhou', agencyId: null, reportKey: SAMPLE_URL, url: SAMPLE_URL, sourceCaptureId: null, report: sampleReport({ cells }), files: [], seenAt }).reportId;
    const v1 = save({}, '2025-02-01T08:00:00.000Z');
    const v2 = save({ 't3.new.natural': 14, 't3.new.total': 17 }, '2025-03-01T08:00:00.000Z');
    const v3 = save({ 't3.new.natural': 14, 't3.new.total': 17, 't4.review.pending': 0 }, '2025-04-01T08:00:00.000Z');
    const timeline = versionTimeline(s.db, v1)!;
    expect(timeline.map((v) => [v.id, v.version, v.isCurrent])).toEqual([[v1, 1, false], [v2, 2, false], [v3, 3, true]]);
    expect(timeline[0]!.changes).toEqual([]);
    expect(timeline[1]!.changes).toEqual([
      { key: 't3.new.natural', before: 12, after: 14 },
      { key: 't3.new.total', before: 15, after: 17 },
    ]);
    expect(timeline[2]!.changes).toEqual([{ key: 't4.review.pending', before: null, after: 0 }]);
    expect(versionTimeline(s.db, 99_999)).toBeNull();
    s.db.close();
  });
});
