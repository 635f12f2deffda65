import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExpectedDocument } from '../../../demo/document-fixtures/expected-json.ts';
import { libreOfficePath } from '../../../extract/documents/doc/libreoffice.ts';
import { extractDocument } from '../../../extract/documents/extract-document.ts';

const DIR = path.resolve('test/fixtures/documents');
const expected = readdirSync(DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => JSON.parse(readFileSync(path.join(DIR, f), 'utf8')) as ExpectedDocument);
const exact = expected.filter((e) => e.exact && e.format !== 'flipbook');
const METHOD: Record<string, string> = { pdf: 'pdf-text', docx: 'docx-table', doc: 'doc-table', xlsx: 'xlsx', xls: 'xlsx' };
const CONVERTED = new Set(['doc', 'xls']);

describe('document fixtures with a text layer: every canonical cell exactly', () => {
  it('covers the text PDF, DOCX, DOC, XLSX and XLS', () => {
    expect(exact.map((e) => e.format).sort()).toEqual(['doc', 'docx', 'pdf', 'xls', 'xlsx']);
  });

  it.each(exact.map((e) => [e.fixture, e] as const))('%s', { timeout: 60_000 }, async (fixture, want) => {
    if (CONVERTED.has(want.format) && libreOfficePath() === null) return; // LibreOffice not installed: see setup.sh
    const report = await extractDocument(readFileSync(path.join(DIR, fixture)), { source: fixture });
    expect({ title: report.title, agency: report.agency, year: report.year, template: report.template }).toEqual({
      title: want.title,
      agency: want.agency,
      year: want.year,
      template: want.template,
    });
    expect(report.cells).toEqual(want.cells);
    expect(report.missingTables).toEqual([]);
    expect(report.text).not.toMatch(/[\u2e80-\u2fdf]/); // radicals (⼈, ⺠) normalised to 人, 民
    expect(report.checks.filter((c) => !c.ok).map((c) => c.id).sort()).toEqual(want.failingChecks);
    expect(new Set(report.cellDetails.map((c) => c.method))).toEqual(new Set([METHOD[want.format]]));
    if (!want.format.startsWith('xls')) expect(report.sections.map((s) => s.part)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('locates PDF cells by page and table, spreadsheet cells by sheet and A1 reference', async () => {
    const pdf = await extractDocument(readFileSync(path.join(DIR, 'zhengfu-2023.text.pdf')), { source: 'x.pdf' });
    expect(pdf.cellDetails.find((c) => c.key === 't2.licensing.decisions')?.location).toMatch(/^page\[\d+\]\/table\[\d+\]\/row\[\d+\]\/col\[\d+\]$/);
    const xlsx = await extractDocument(readFileSync(path.join(DIR, 'caizheng-2019.xlsx')), { source: 'x.xlsx' });
    expect(xlsx.cellDetails.find((c) => c.key === 't3.new.natural')?.location).toMatch(/^sheet\[表三\]![A-Z]+\d+$/);
  });
});
