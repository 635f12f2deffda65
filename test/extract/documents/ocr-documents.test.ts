/**
 * Documents whose tables are images (embedded in a PDF or a DOCX) or whose pages are scans: the images are taken at
 * native resolution and read by the OCR pipeline (real tesseract.js engine, one for the file).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExpectedDocument } from '../../../demo/document-fixtures/expected-json.ts';
import { extractDocument } from '../../../extract/documents/extract-document.ts';
import { TesseractJsEngine } from '../../../extract/ocr/tesseract-js-engine.ts';
import type { ExtractedReport } from '../../../extract/types.ts';
import { lazyOcrEngine } from '../../../jobs/extract/lazy-ocr-engine.ts';

const DIR = path.resolve('test/fixtures/documents');
const ocr = lazyOcrEngine(() => TesseractJsEngine.create({ digitWorkers: 2, labelWorkers: 1 }));
afterAll(() => ocr.terminate());

function load(name: string): { bytes: Buffer; want: ExpectedDocument } {
  return { bytes: readFileSync(path.join(DIR, name)), want: JSON.parse(readFileSync(path.join(DIR, `${name}.expected.json`), 'utf8')) as ExpectedDocument };
}

/** Cells flagged for review by OCR (named in the report's warnings). */
function flagged(report: ExtractedReport): Set<string> {
  return new Set(report.warnings.flatMap((w) => /^ocr: cell (\S+) needs review/.exec(w)?.[1] ?? []));
}

function score(report: ExtractedReport, want: ExpectedDocument): { right: number; wrongUnflagged: string[]; total: number } {
  const keys = Object.keys(want.cells);
  const review = flagged(report);
  const wrong = keys.filter((k) => report.cells[k] !== null && report.cells[k] !== want.cells[k]);
  return { right: keys.filter((k) => report.cells[k] === want.cells[k]).length, wrongUnflagged: wrong.filter((k) => !review.has(k)), total: keys.length };
}

describe('image tables and scans through OCR', () => {
  it.each(['zhengfu-2023.image-tables.pdf', 'zhengfu-2023.images.docx'])('%s: every cell, read from the embedded images', { timeout: 120_000 }, async (name) => {
    const { bytes, want } = load(name);
    const report = await extractDocument(bytes, { source: name, ocr: ocr.get });
    expect(report.title).toBe(want.title);
    expect(report.missingTables).toEqual([]);
    const s = score(report, want);
    expect(s.wrongUnflagged).toEqual([]);
    expect(s.right).toBe(s.total);
    const ocrCells = report.cellDetails.filter((c) => c.method === 'ocr');
    expect(ocrCells).toHaveLength(s.total);
    expect(ocrCells[0]!.location).toMatch(/image\[\d+\]/);
  });

  it('a scanned PDF: text searchable and tables read, no wrong value left unflagged', { timeout: 180_000 }, async () => {
    const { bytes, want } = load('zhengfu-2023.scanned.pdf');
    const report = await extractDocument(bytes, { source: 'scan.pdf', ocr: ocr.get });
    expect(report.warnings.some((w) => w.includes('are scans'))).toBe(true);
    expect(report.text).toContain('政府信息公开');
    expect(report.year).toBe(want.year);
    const s = score(report, want);
    expect(s.wrongUnflagged).toEqual([]);
    expect(s.right / s.total).toBeGreaterThanOrEqual(0.99); // 200/200 since scan specks are removed (pdf/despeckle.ts)
    // Each OCR cell's box lies on its page, inside the page, in PDF units; columns of a row run left to right.
    const ocrCells = report.cellDetails.filter((c) => c.method === 'ocr');
    expect(ocrCells.length).toBeGreaterThan(100);
    for (const c of ocrCells) {
      const b = c.pageBox;
      expect(b, c.key).toBeDefined();
      expect(b!.page).toBe(Number(/^page\[(\d+)\]/.exec(c.location)?.[1]));
      expect(b!.x0).toBeGreaterThanOrEqual(0);
      expect(b!.y0).toBeGreaterThanOrEqual(0);
      expect(b!.x1).toBeLessThanOrEqual(b!.pageWidth);
      expect(b!.y1).toBeLessThanOrEqual(b!.pageHeight);
      expect(b!.x1).toBeGreaterThan(b!.x0);
    }
    const box = (key: string) => report.cellDetails.find((c) => c.key === key)!.pageBox!;
    expect(box('t3.new.natural').x1).toBeLessThanOrEqual(box('t3.new.total').x0);
    expect(box('t3.new.total').y1).toBeLessThanOrEqual(box('t3.total.total').y0);
  });

  it('without an OCR engine the image tables stay missing, with a warning', async () => {
    const { bytes } = load('zhengfu-2023.images.docx');
    const report = await extractDocument(bytes, { source: 'x.docx' });
    expect(report.missingTables).toEqual(['t2', 't3', 't4']);
    expect(Object.values(report.cells).every((v) => v === null)).toBe(true);
    expect(report.warnings.join('\n')).toMatch(/no OCR engine/);
  });
});
