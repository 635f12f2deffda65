/**
 * Extract one annual report from an HTML page (Hanweb xxgkAnnualReport.jsp or jcms article, chrome included).
 * Pure: no network, no file system; re-runnable on archived captures.
 */
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { SkipError } from '../../common/errors.ts';
import { runChecks, type CheckedTable } from '../checks/run-checks.ts';
import { detectTemplate } from '../template/detect-template.ts';
import { reportKeys } from '../template/keys.ts';
import { mapTable2 } from '../template/table2.ts';
import { mapTable3 } from '../template/table3.ts';
import { mapTable4 } from '../template/table4.ts';
import type { ExtractedCell, ExtractedReport, TemplateVersion } from '../types.ts';
import { EXTRACTOR_VERSION } from '../version.ts';
import { descendants, elementText } from './dom.ts';
import { domLines, type Line } from './dom-lines.ts';
import { findBody } from './find-body.ts';
import { findTables, type FoundTable, type TableKind } from './find-tables.ts';
import { findFiles } from './files.ts';
import { findPublishDate, findPublisher, findTitle, yearFromStatisticsPeriod, yearFromUrl, type TitleMatch } from './metadata.ts';
import { collapseWhitespace } from './normalize-label.ts';
import { assertPageWithinLimits } from './page-limits.ts';
import { findHeadings, splitSections } from './sections.ts';

type MissingTable = 't2' | 't3' | 't4';

function titleFallbacks(root: AnyNode): string[] {
  const metas = descendants(root, 'meta')
    .filter((m) => /^(?:ArticleTitle|title)$/i.test(m.attribs['name'] ?? ''))
    .map((m) => m.attribs['content'] ?? '');
  const titles = descendants(root, 'title').map((t) => collapseWhitespace(elementText(t)));
  return [...metas, ...titles];
}

function tablesOf(tables: readonly FoundTable[], kind: TableKind): FoundTable[] {
  return tables.filter((t) => t.kind === kind);
}

function locateBody(root: AnyNode, lines: readonly Line[], reportTables: ReadonlySet<Element>): AnyNode {
  const headingNodes = findHeadings(lines, reportTables).flatMap((h) => {
    const line = lines[h.index];
    return line === undefined ? [] : [line.node];
  });
  return findBody(root, [...headingNodes, ...reportTables]);
}

interface MappedCells {
  readonly cells: Record<string, number | null>;
  readonly details: ExtractedCell[];
  readonly warnings: string[];
}

function mapCells(template: TemplateVersion, tables: readonly FoundTable[]): MappedCells {
  if (template === 'older') return { cells: {}, details: [], warnings: [] };
  const mapped = [mapTable2(tablesOf(tables, 't2'), template), mapTable3(tablesOf(tables, 't3'), template), mapTable4(tablesOf(tables, 't4'))];
  const details = mapped.flatMap((m) => [...m.cells]);
  const byKey = new Map(details.map((d) => [d.key, d.value] as const));
  const cells: Record<string, number | null> = {};
  for (const key of reportKeys(template, byKey.keys())) cells[key] = byKey.get(key) ?? null;
  return { cells, details, warnings: mapped.flatMap((m) => [...m.warnings]) };
}

function missingTablesOf(template: TemplateVersion, tables: readonly FoundTable[]): MissingTable[] {
  if (template === 'older') return [];
  return (['t2', 't3', 't4'] as const).filter((kind) => tablesOf(tables, kind).length === 0);
}

function resolveYear(title: TitleMatch | null, bodyText: string, pageText: string, pageUrl: string): number | null {
  return title?.year ?? yearFromStatisticsPeriod(bodyText) ?? yearFromStatisticsPeriod(pageText) ?? yearFromUrl(pageUrl);
}

interface ReportEvidence {
  readonly tableCount: number;
  readonly title: TitleMatch | null;
  readonly sectionCount: number;
  /** The body the page names (in its title or its 发布机构 header). */
  readonly agency: string | null;
  readonly fileCount: number;
}

/**
 * A page is a report when it holds statistical tables, or a report title with the report's sections, or a heading
 * that is a report's own title, whatever its body holds (a 详见附件 note, images, nothing): its tables may be in
 * its files or nowhere, and it is still that body's report. Without tables or sections the page must also name its
 * body or link files, so that a bare column heading (`2024年政府信息公开工作年度报告` over a list) is no report; the
 * xxgk page of a missing report has no report title at all.
 */
function isReport(e: ReportEvidence): boolean {
  if (e.tableCount > 0) return true;
  if (e.title === null) return false;
  if (e.sectionCount >= 2) return true;
  return e.title.whole && (e.agency !== null || e.fileCount > 0);
}

export function extractHtmlReport(html: string, pageUrl: string): ExtractedReport {
  assertPageWithinLimits(html, pageUrl); // E_PAGE_TOO_LARGE / E_PAGE_TOO_DEEP before any DOM is built
  const $ = cheerio.load(html);
  const root = $.root()[0];
  if (root === undefined) throw new SkipError('E_NOT_A_REPORT', `not a report (unparseable page): ${pageUrl}`, { input: pageUrl });
  const tables = findTables(root);
  const reportTables = new Set(tables.filter((t) => t.kind !== null).map((t) => t.element));
  const allLines = domLines(root);
  const body = locateBody(root, allLines, reportTables);
  const bodyLines = body === root ? allLines : domLines(body);
  const sections = splitSections(bodyLines, reportTables);
  const text = bodyLines.map((l) => l.text).join('\n');
  const title = findTitle(allLines, titleFallbacks(root), reportTables);
  const agency = title?.agency ?? findPublisher(allLines);
  const files = findFiles(root, body, pageUrl);
  if (!isReport({ tableCount: reportTables.size, title, sectionCount: sections.length, agency, fileCount: files.length })) {
    throw new SkipError('E_NOT_A_REPORT', `not a report (no report title, sections or statistical tables): ${pageUrl}`, { input: pageUrl });
  }
  const pageText = allLines.map((l) => l.text).join('\n');
  const year = resolveYear(title, text, pageText, pageUrl);
  const decision = detectTemplate({ t2: tablesOf(tables, 't2'), t3: tablesOf(tables, 't3'), text: pageText, year });
  const template = decision.template;
  const mapped = mapCells(template, tables);
  const missingTables = missingTablesOf(template, tables);
  const skip: CheckedTable[] = missingTables.filter((t): t is CheckedTable => t === 't3' || t === 't4');
  const published = findPublishDate(allLines);
  return {
    title: title?.title ?? null,
    agency,
    year,
    publishedAt: published?.iso ?? null,
    publishedAtRaw: published?.raw ?? null,
    template,
    cells: mapped.cells,
    cellDetails: mapped.details,
    checks: runChecks(template, mapped.cells, skip),
    sections,
    text,
    files,
    missingTables,
    warnings: [...new Set([...decision.warnings, ...mapped.warnings])],
    extractorVersion: EXTRACTOR_VERSION,
  };
}
