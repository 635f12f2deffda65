/**
 * Real-world document shapes (issue 9): each tuned look of demo/document-fixtures/real-world is rendered once
 * (Chromium prints the PDFs, the DOCX is written in memory), read by extractDocument, and every cell must equal the
 * value written in the look: tables across page breaks, the 2021 template with the 23-row table 3 in a PDF and a
 * DOCX, reworded and omitted rows (E_ROW_NOT_FOUND, never a silent null), a table that breaks its own sums (as
 * printed, checks failing), table 2 with units and dashes, Word's merged header cells, tables ruled only horizontally. Held-out looks are left to
 * `npm run bench:documents`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { LOOKS } from '../../../demo/document-fixtures/real-world/looks.ts';
import type { Look } from '../../../demo/document-fixtures/real-world/look.ts';
import { lookFileName, renderLook } from '../../../demo/document-fixtures/real-world/render-look.ts';
import { scoreLook } from '../../../demo/document-fixtures/real-world/score-look.ts';
import { extractDocument } from '../../../extract/documents/extract-document.ts';
import type { ExtractedReport } from '../../../extract/types.ts';

const TUNED = LOOKS.filter((l) => !l.heldOut && l.format !== 'pdf-libreoffice');

let browser: Browser;
const reports = new Map<string, Promise<ExtractedReport>>();

function extracted(look: Look): Promise<ExtractedReport> {
  let report = reports.get(look.name);
  if (report === undefined) {
    report = renderLook(look, browser).then((bytes) => extractDocument(bytes, { source: `file:///fixtures/${lookFileName(look)}` }));
    reports.set(look.name, report);
  }
  return report;
}

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu', '--disable-dev-shm-usage'] });
});

afterAll(async () => {
  await browser.close();
});

describe('real-world document looks', () => {
  it.each(TUNED.map((l) => [l.name, l] as const))('%s: every cell exactly as printed', async (_, look) => {
    const report = await extracted(look);
    const score = scoreLook(look, report);
    expect(score.wrong).toEqual([]);
    expect(score.templateRight).toBe(true);
    expect(score.checksUnexpected).toEqual([]);
    expect(score.checksMissed).toEqual([]);
    expect(score.problemsMissed).toEqual([]);
  }, 60_000);

  it('a table that breaks its own sums keeps its printed numbers (never repaired)', async () => {
    const report = await extracted(TUNED.find((l) => l.name === 'pdf-broken-sums')!);
    expect(report.cells['t3.total.total']).toBe(166);
    expect(report.cells['t3.partial.total']).toBe(12);
    expect(report.cells['t4.review.total']).toBe(7);
    expect(report.checks.find((c) => c.id === 't3.row.total')).toMatchObject({ ok: false, left: 166, right: 165 });
  }, 60_000);

  it('the scorer counts a changed cell as wrong and unflagged, a missing row as flagged', async () => {
    const look = TUNED.find((l) => l.name === 'docx-2021-23row')!;
    const report = await extracted(look);
    const tampered = { ...report, cells: { ...report.cells, 't2.penalty.decisions': 214 } };
    expect(scoreLook(look, tampered).wrong).toEqual([{ key: 't2.penalty.decisions', expected: 213, got: 214, flagged: false }]);
    const dropped = { ...report, cellDetails: report.cellDetails.filter((c) => !c.key.startsWith('t3.other.')), cells: { ...report.cells, ...Object.fromEntries(Object.keys(report.cells).filter((k) => k.startsWith('t3.other.')).map((k) => [k, null])) } };
    const score = scoreLook(look, dropped);
    expect(score.wrong.length).toBe(7);
    expect(score.wrongUnflagged).toBe(0);
    expect(score.tablesRight).toBe(2);
  }, 60_000);
});
