/**
 * A table image given on its own (`nianbao extract table.png`) as a report in the common contract: no title or
 * agency (an image has none), the template its tables show, every canonical cell, the checks, and the tables
 * the image did not show listed as missing. An image in which no table was found is a typed error.
 */
import { SkipError } from '../../common/errors.ts';
import type { ExtractedReport } from '../types.ts';
import type { ImageTablesResult } from './types.ts';

export const IMAGE_EXTRACTOR_VERSION = 'ocr-0.1.0';

export function imageTablesReport(result: ImageTablesResult, source: string): ExtractedReport {
  if (result.tables.length === 0) {
    const first = result.errors[0];
    throw new SkipError(
      first === undefined ? 'E_OCR_NO_TABLE' : first.code,
      `${source}: ${first?.message ?? 'no statistical table found in the image'}`,
      { input: source },
    );
  }
  const found = new Set(result.tables.map((t) => t.kind));
  return {
    title: null,
    agency: null,
    year: null,
    publishedAt: null,
    publishedAtRaw: null,
    template: result.template,
    cells: result.cells,
    cellDetails: result.cellDetails,
    checks: result.checks,
    sections: [],
    text: '',
    files: [],
    missingTables: (['t2', 't3', 't4'] as const).filter((t) => !found.has(t)),
    warnings: [...result.warnings, ...result.reviewReasons.map((r) => `needs review: ${r}`)],
    extractorVersion: IMAGE_EXTRACTOR_VERSION,
  };
}
