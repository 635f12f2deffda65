/**
 * PDF table cells carry their page and box (PDF units) in their provenance: checked against the fixture's own
 * geometry as poppler's pdftotext reads it (the printed number's word lies in the box), and against the grid
 * (columns left to right, rows top to bottom).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../../../extract/documents/extract-document.ts';
import type { ExtractedReport } from '../../../../extract/types.ts';

const FILE = path.resolve('test/fixtures/documents/zhengfu-2023.text.pdf');
const LOCATION = /^page\[(\d+)\]\/table\[(\d+)\]\/row\[(\d+)\]\/col\[(\d+)\]$/;

interface Word { readonly text: string; readonly cx: number; readonly cy: number }

/** Words of one page with their centres, from `pdftotext -bbox` (poppler, independent of pdfjs). */
function popplerWords(page: number): Word[] {
  const xml = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', FILE, '-'], { encoding: 'utf8' });
  return [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[5]!,
    cx: (Number(m[1]) + Number(m[3])) / 2,
    cy: (Number(m[2]) + Number(m[4])) / 2,
  }));
}

describe('PDF cells: page and box', () => {
  let report: ExtractedReport;
  beforeAll(async () => {
    report = await extractDocument(readFileSync(FILE), { source: 'zhengfu-2023.text.pdf' });
  }, 60_000);

  it('every cell names its page and a box inside that page, agreeing with its location', () => {
    expect(report.cellDetails.length).toBeGreaterThan(100);
    for (const cell of report.cellDetails) {
      const box = cell.pageBox;
      const loc = LOCATION.exec(cell.location);
      expect(loc, cell.key).not.toBeNull();
      expect(box, cell.key).toBeDefined();
      expect(box!.page).toBe(Number(loc![1]));
      expect(box!.x0).toBeGreaterThanOrEqual(0);
      expect(box!.y0).toBeGreaterThanOrEqual(0);
      expect(box!.x1).toBeLessThanOrEqual(box!.pageWidth);
      expect(box!.y1).toBeLessThanOrEqual(box!.pageHeight);
      expect(box!.x1 - box!.x0).toBeGreaterThan(5);
      expect(box!.y1 - box!.y0).toBeGreaterThan(5);
    }
  });

  it('columns run left to right and rows top to bottom within each table', () => {
    const cells = report.cellDetails.map((c) => ({ loc: LOCATION.exec(c.location)!.slice(1).map(Number), box: c.pageBox! }));
    let pairs = 0;
    for (const a of cells) {
      for (const b of cells) {
        if (a.loc[0] !== b.loc[0] || a.loc[1] !== b.loc[1]) continue;
        if (a.loc[2] === b.loc[2] && a.loc[3]! < b.loc[3]!) {
          expect(a.box.x1).toBeLessThanOrEqual(b.box.x0 + 0.01);
          pairs += 1;
        }
        if (a.loc[3] === b.loc[3] && a.loc[2]! < b.loc[2]!) {
          expect(a.box.y1).toBeLessThanOrEqual(b.box.y0 + 0.01);
          pairs += 1;
        }
      }
    }
    expect(pairs).toBeGreaterThan(500);
  });

  it('the printed number lies inside its box, as poppler reads the page', () => {
    const pages = new Map<number, Word[]>();
    let checked = 0;
    for (const cell of report.cellDetails) {
      if (!/^\d+$/.test(cell.raw)) continue;
      const box = cell.pageBox!;
      const words = pages.get(box.page) ?? popplerWords(box.page);
      pages.set(box.page, words);
      const inside = words.filter((w) => w.cx > box.x0 && w.cx < box.x1 && w.cy > box.y0 && w.cy < box.y1).map((w) => w.text);
      expect(inside, `${cell.key} ${cell.location}`).toEqual([cell.raw]);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(100);
  });
});
