/** docs/archive-schema.md stays honest: every table and view is documented, and its example SQL runs. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { insertCapture } from '../../store/captures.ts';
import { saveReport } from '../../store/reports.ts';
import { exchange, seededArchive, tempDir } from './helpers.ts';
import { SAMPLE_URL, sampleReport } from './sample-report.ts';

const doc = readFileSync(fileURLToPath(new URL('../../docs/archive-schema.md', import.meta.url)), 'utf8');
const tmp = tempDir();
afterAll(() => tmp.remove());

describe('docs/archive-schema.md', () => {
  const { db, runId, portalId } = seededArchive(tmp.file('doc.sqlite'));
  afterAll(() => db.close());

  it('documents every table and view', () => {
    const names = db.prepare("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    for (const name of names) expect(doc, `${name} is not documented`).toContain(`\`${name}\``);
  });

  it('runs every example query', () => {
    const captureId = insertCapture(db, { runId, portalId, requestedUrl: SAMPLE_URL, finalUrl: SAMPLE_URL, purpose: 'report', charset: 'utf-8', exchange: exchange({ url: SAMPLE_URL }) });
    const report = sampleReport();
    saveReport(db, { portalId, agencyId: null, reportKey: SAMPLE_URL, url: SAMPLE_URL, sourceCaptureId: captureId, report, files: [], seenAt: '2025-02-01T08:00:00.000Z' });
    const block = /```sql\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const queries = block.split(';').map((q) => q.replace(/--.*$/gm, '').trim()).filter((q) => q.length > 0);
    expect(queries.length).toBeGreaterThanOrEqual(4);
    for (const query of queries) expect(() => db.prepare(query).all(), query).not.toThrow();
    expect(db.prepare(queries[0]!).all()).toEqual([{ agency_name: '济宁市兖州区民政局', year: 2024, applications: 15 }]);
  });
});
