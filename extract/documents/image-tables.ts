/**
 * Tables a document holds only as images (embedded pictures, scanned pages) → cells through the OCR pipeline
 * (extract/ocr), merged into the report: OCR fills the tables the text layer did not have; text-layer cells are never
 * overwritten. Without an OCR engine the tables stay missing with a warning.
 */
import { runChecks, type CheckedTable } from '../checks/run-checks.ts';
import { extractImageTables } from '../ocr/extract-image-tables.ts';
import type { OcrCellDetail } from '../ocr/types.ts';
import { reportKeys } from '../template/keys.ts';
import type { ExtractedCell, ExtractedReport } from '../types.ts';
import type { DocumentImage, DocumentOptions, ImageTablesReader } from './types.ts';

type Table = 't2' | 't3' | 't4';

function tableOf(key: string): Table {
  return key.slice(0, 2) as Table;
}

export async function withImageTables(report: ExtractedReport, images: readonly DocumentImage[], options: DocumentOptions): Promise<ExtractedReport> {
  if (images.length === 0 || report.template === 'older') return report;
  const missing = new Set<Table>(report.missingTables);
  if (missing.size === 0) return report;
  const read = options.imageTables ?? inProcess(options.ocr);
  if (read === null) {
    return { ...report, warnings: [...report.warnings, `${images.length} image(s) may hold tables ${[...missing].join(', ')}; no OCR engine given, cells left null`] };
  }
  const result = await read(images.map((i) => ({ bytes: i.bytes, sourceId: i.origin })), { template: report.template });
  const found = new Set<Table>(result.tables.map((t) => t.kind));
  // A document with no table in its text layer takes the template its table images show.
  const template = report.missingTables.length === 3 && result.tables.length > 0 ? result.template : report.template;
  const taken = result.cellDetails.filter((c) => missing.has(tableOf(c.key)) && found.has(tableOf(c.key)));
  const urlOf = new Map(images.map((i) => [i.origin, i.url]));
  const details: ExtractedCell[] = taken.map((c) => {
    const url = urlOf.get(c.sourceId);
    return {
      key: c.key,
      value: c.value,
      raw: c.raw,
      method: 'ocr',
      location: ocrLocation(c, result.worker),
      confidence: c.flagged ? Math.min(c.confidence, 0.5) : c.confidence,
      ...(url === undefined ? {} : { source: url }),
    };
  });
  const cells: Record<string, number | null> = {};
  // Table 3 keys in the form of whichever gives table 3: the page's own table (（六） as one row or three) or OCR.
  const t3From = missing.has('t3') && found.has('t3') ? details.map((d) => d.key) : Object.keys(report.cells);
  for (const key of reportKeys(template, t3From.filter((k) => k.startsWith('t3.')))) cells[key] = report.cells[key] ?? null;
  for (const d of details) cells[d.key] = d.value;
  const stillMissing = report.missingTables.filter((t) => !found.has(t));
  const skip = stillMissing.filter((t): t is CheckedTable => t === 't3' || t === 't4');
  const flagged = result.cellDetails.filter((c) => c.flagged && missing.has(tableOf(c.key)));
  return {
    ...report,
    cells,
    cellDetails: [...report.cellDetails, ...details],
    template,
    checks: runChecks(template, cells, skip),
    missingTables: stillMissing,
    warnings: [
      ...report.warnings,
      ...result.warnings.map((w) => `ocr: ${w}`),
      ...result.errors.map((e) => `ocr ${e.sourceId}: ${e.code} ${e.message}`),
      ...flagged.map((c) => `ocr: cell ${c.key} needs review (${c.flags.join(', ')})`),
      ...(result.needsReview ? [`ocr: needs review: ${result.reviewReasons.join('; ')}`] : []),
    ],
  };
}

/** The default reader: extractImageTables with the OCR engine of `ocr`, in this process; null without an engine. */
function inProcess(ocr: DocumentOptions['ocr']): ImageTablesReader | null {
  if (ocr === undefined || ocr === null) return null;
  return async (images, { template }) => extractImageTables(images, await ocr(), { template });
}

/**
 * `<image>#table[i]/row[r]/col[c] bbox[x,y,w,h]`, plus `repair[from→to]` when the arithmetic changed the reading and
 * `worker[name]` when a queue worker read the image (jobs/queue).
 */
function ocrLocation(c: OcrCellDetail, worker: string | undefined): string {
  const where = c.location.startsWith(c.sourceId) ? c.location : `${c.sourceId}#${c.location}`;
  const box = `bbox[${c.box.x0},${c.box.y0},${c.box.x1 - c.box.x0},${c.box.y1 - c.box.y0}]`;
  const repair = c.repaired ? ` repair[${c.repairedFrom ?? 'null'}→${c.value ?? 'null'}]` : '';
  return `${where} ${box}${repair}${worker === undefined ? '' : ` worker[${worker}]`}`;
}
