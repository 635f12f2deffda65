import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { zipBombDocx } from '../../../demo/document-fixtures/hostile-files.ts';
import { bodyHtml, fixtureSpecOf } from './page-with-attachment.ts';
import { archiveReportFromCapture } from '../../../jobs/extract/archive-report.ts';
import { insertCapture } from '../../../store/captures.ts';
import { listExtractionProblems } from '../../../store/extraction-problems.ts';
import { getReport } from '../../../store/reports.ts';
import { exchange, seededArchive, tempDir } from '../../store/helpers.ts';

const BASE = 'http://www.yanzhou.gov.cn';
const PAGE = `${BASE}/art/2024/3/29/art_1_2.html`;
const FILE = `${BASE}/attach/0/tables.docx`;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function archiveWith(attachment: Buffer) {
  const { db, runId, portalId } = seededArchive(tempDir().file('a.sqlite'));
  const spec = fixtureSpecOf('yanzhou-zhengfu-2023');
  const html = `<html><body><div id="zoom">${bodyHtml(spec)}<p>附件：<a href="/attach/0/tables.docx">统计表.docx</a></p></div></body></html>`;
  const pageId = insertCapture(db, { runId, portalId, requestedUrl: PAGE, finalUrl: PAGE, purpose: 'report', charset: 'utf-8', exchange: exchange({ url: PAGE, body: Buffer.from(html, 'utf8') }) });
  const fileId = insertCapture(db, {
    runId, portalId, requestedUrl: FILE, finalUrl: FILE, purpose: 'attachment', charset: null,
    exchange: exchange({ url: FILE, body: attachment, headers: { 'content-type': DOCX } }),
  });
  return { db, portalId, pageId, fileId, spec };
}

describe('archiveReportFromCapture with attached documents', () => {
  it('takes the tables from the attachment: each cell points at the attachment capture', async () => {
    const docx = readFileSync(path.resolve('test/fixtures/documents/zhengfu-2023.merged.docx'));
    const { db, portalId, pageId, fileId, spec } = archiveWith(docx);
    const archived = await archiveReportFromCapture(db, pageId, { portalId });
    const report = getReport(db, archived.reportId)!;
    expect(report.missingTables).toEqual([]);
    expect(report.sourceCaptureId).toBe(pageId);
    const cell = report.cells.find((c) => c.key === 't3.new.total')!;
    expect(cell).toMatchObject({ value: spec.cells['t3.new.total'], method: 'docx-table', sourceCaptureId: fileId });
    expect(report.extractorVersion).toMatch(/^html-.*\+documents-/);
  });

  it('an attachment that is a zip bomb is recorded against its capture with its code; the page is still archived', async () => {
    const { db, portalId, pageId, fileId } = archiveWith(await zipBombDocx(32));
    const archived = await archiveReportFromCapture(db, pageId, { portalId });
    expect(archived.documentProblems).toEqual([expect.objectContaining({ url: FILE, captureId: fileId, code: 'E_DOCUMENT_ZIP_BOMB' })]);
    const report = getReport(db, archived.reportId)!;
    expect(report.missingTables).toEqual(['t2', 't3', 't4']);
    expect(report.warnings.join('\n')).toContain(`(capture ${fileId}): E_DOCUMENT_ZIP_BOMB`);
    expect(listExtractionProblems(db, { captureId: fileId })).toEqual([expect.objectContaining({ reportCaptureId: pageId, code: 'E_DOCUMENT_ZIP_BOMB' })]);
    await archiveReportFromCapture(db, pageId, { portalId });
    // re-extraction does not duplicate it; the page itself is flagged: no tables, its attachment gave none
    expect(listExtractionProblems(db, { reportCaptureId: pageId }).map((p) => [p.captureId, p.code])).toEqual([[fileId, 'E_DOCUMENT_ZIP_BOMB'], [pageId, 'E_NO_TABLES']]);
    expect(archived.tableProblems).toMatchObject([{ code: 'E_NO_TABLES', reason: 'not_read_from_files' }]);
  });
});
