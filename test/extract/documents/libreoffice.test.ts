import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isNianbaoError } from '../../../common/errors.ts';
import { convertWithLibreOffice, libreOfficePath } from '../../../extract/documents/doc/libreoffice.ts';
import { extractDocument } from '../../../extract/documents/extract-document.ts';

const DIR = path.resolve('test/fixtures/documents');
const doc = readFileSync(path.join(DIR, 'zhengfu-2023.doc'));

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'no error';
  } catch (error) {
    return isNianbaoError(error) ? error.code : String(error);
  }
}

describe.skipIf(libreOfficePath() === null)('DOC / WPS / XLS through LibreOffice headless', () => {
  it('reads a WPS file (Word binary inside) like the DOC it is', { timeout: 60_000 }, async () => {
    const report = await extractDocument(doc, { source: '/attach/0/report.wps' });
    expect(report.cellDetails[0]?.method).toBe('doc-table');
    expect(report.missingTables).toEqual([]);
  });

  it('a converter that overruns its time limit is killed: E_DOCUMENT_TIMEOUT', { timeout: 30_000 }, async () => {
    expect(await codeOf(convertWithLibreOffice(doc, 'doc', 'docx', { timeoutMs: 50 }))).toBe('E_DOCUMENT_TIMEOUT');
  });

  it('a corrupt DOC ends in E_DOCUMENT_CORRUPT', { timeout: 60_000 }, async () => {
    const corrupt = Buffer.concat([doc.subarray(0, 4096), Buffer.alloc(8192, 0x5a)]);
    expect(await codeOf(extractDocument(corrupt, { source: 'broken.doc' }))).toMatch(/^E_(DOCUMENT_CORRUPT|NOT_A_REPORT)$/);
  });
});
