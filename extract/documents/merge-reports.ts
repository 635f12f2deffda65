/**
 * One report split over a page and its attachment (text in the HTML, tables in a PDF/DOCX/XLSX): the page's
 * metadata and text, the attachment's cells for the tables the page lacks, every taken cell marked with the
 * attachment's URL (`source`), checks recomputed on the merged cells.
 */
import { runChecks, type CheckedTable } from '../checks/run-checks.ts';
import { reportKeys } from '../template/keys.ts';
import type { ExtractedReport } from '../types.ts';

type Table = 't2' | 't3' | 't4';
const TABLES: readonly Table[] = ['t2', 't3', 't4'];

function tablesWithCells(report: ExtractedReport): Set<Table> {
  return new Set(TABLES.filter((t) => !report.missingTables.includes(t) && report.cellDetails.some((c) => c.key.startsWith(`${t}.`))));
}

/** The page report with the tables it misses taken from `attached` (read from the file at `sourceUrl`). */
export function mergeAttachedReport(page: ExtractedReport, attached: ExtractedReport, sourceUrl: string): ExtractedReport {
  if (page.template === 'older' || attached.template === 'older') return page;
  const offered = tablesWithCells(attached);
  const take = new Set(page.missingTables.filter((t) => offered.has(t)));
  if (take.size === 0) return page;
  const pageHasTables = page.missingTables.length < TABLES.length;
  const warnings = [...page.warnings];
  let template = page.template;
  if (attached.template !== page.template) {
    if (pageHasTables) return { ...page, warnings: [...warnings, `attachment ${sourceUrl}: its tables follow the ${attached.template} template, the page's ${page.template}; not merged`] };
    template = attached.template;
  }
  const takeKey = (key: string): boolean => take.has(key.slice(0, 2) as Table);
  const cells: Record<string, number | null> = {};
  // Table 3 keys in the form of the report that gives table 3 (（六） as one row or three).
  const t3Keys = Object.keys(take.has('t3') ? attached.cells : page.cells).filter((k) => k.startsWith('t3.'));
  for (const key of reportKeys(template, t3Keys)) cells[key] = takeKey(key) ? (attached.cells[key] ?? null) : (page.cells[key] ?? null);
  const details = [...page.cellDetails.filter((c) => !takeKey(c.key)), ...attached.cellDetails.filter((c) => takeKey(c.key)).map((c) => ({ ...c, source: c.source ?? sourceUrl }))];
  const missingTables = page.missingTables.filter((t) => !take.has(t));
  const skip = missingTables.filter((t): t is CheckedTable => t === 't3' || t === 't4');
  const useAttachedText = page.sections.length < 2 && attached.sections.length >= 2;
  return {
    ...page,
    title: page.title ?? attached.title,
    agency: page.agency ?? attached.agency,
    year: page.year ?? attached.year,
    template,
    cells,
    cellDetails: details,
    checks: runChecks(template, cells, skip),
    sections: useAttachedText ? attached.sections : page.sections,
    text: useAttachedText ? attached.text : page.text,
    missingTables,
    warnings: [...warnings, ...attached.warnings.map((w) => `attachment ${sourceUrl}: ${w}`)],
    extractorVersion: page.extractorVersion.includes(attached.extractorVersion) ? page.extractorVersion : `${page.extractorVersion}+${attached.extractorVersion}`,
  };
}
