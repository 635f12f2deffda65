/**
 * The page's tables as download tables: the grid (bodies × years, and one row per body-year), search results, a
 * comparison, and a report's tables laid out as printed (with a long sheet of every cell). Headers in Chinese; every
 * value also keeps its machine form (status codes, keys) so a script can read the file too.
 */
import type { SearchHit } from '../../store/search.ts';
import type { CompareSeries } from '../api/compare.ts';
import type { GridAnswer } from '../api/grid.ts';
import type { KeyLayout } from '../api/key-labels.ts';
import type { DownloadTable } from './download-reply.ts';

export function gridTables(grid: GridAnswer): DownloadTable[] {
  const label = new Map(grid.legend.map((l) => [l.status, l.label]));
  const slotText = (slot: GridAnswer['rows'][number]['years'][string] | undefined): string | null => {
    if (slot === undefined) return null;
    const late = slot.daysLate ? `（${slot.daysLate}天）` : '';
    const reports = slot.reports.map((r) => `#${r.id}`).join(' ');
    return `${label.get(slot.status) ?? slot.status}${late}${reports === '' ? '' : ` ${reports}`}`;
  };
  const wide: DownloadTable = {
    sheet: '机构×年度',
    columns: ['机构', '门户', '类型', ...grid.years.map(String)],
    rows: grid.rows.map((r) => [r.name, r.portalId, r.kind, ...grid.years.map((y) => slotText(r.years[String(y)]))]),
  };
  const long: DownloadTable = {
    sheet: '明细',
    columns: ['机构', '门户', '类型', 'agency_id', '年度', '状态', 'status', '逾期天数', '报告ID', '未通过校验数', '状态截至'],
    rows: grid.rows.flatMap((r) =>
      Object.entries(r.years).map(([year, slot]) => [
        r.name, r.portalId, r.kind, r.agencyId, Number(year), label.get(slot.status) ?? slot.status, slot.status, slot.daysLate,
        slot.reports.map((x) => x.id).join(' ') || null, slot.reports.reduce((n, x) => n + x.failingChecks, 0), grid.asOf,
      ]),
    ),
  };
  return [wide, long];
}

const stripMarks = (snippet: string): string =>
  snippet.replace(/<\/?mark>/g, '').replace(/&(lt|gt|quot|amp|#39|#x27);/g, (_e, name: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&', '#39': "'", '#x27': "'" })[name] ?? _e);

export function searchTable(query: string, results: readonly SearchHit[]): DownloadTable {
  return {
    sheet: `检索 ${query}`.trim(),
    columns: ['报告ID', '标题', '机构', '年度', '门户', '模板', '版本', '未通过校验数', '摘要', '原址'],
    rows: results.map((r) => [r.reportId, r.title, r.agency, r.year, r.portalId, r.template, r.version, r.failingChecks, stripMarks(r.snippet), r.url]),
  };
}

export function compareTable(answer: { keys: readonly string[]; years: readonly number[]; series: readonly CompareSeries[] }): DownloadTable {
  return {
    sheet: '比较',
    columns: ['机构', 'agency_id', '指标', 'key', ...answer.years.map(String)],
    rows: answer.series.map((s) => [s.agencyName, s.agencyId, s.label, s.key, ...answer.years.map((y) => s.points.find((p) => p.year === y)?.value ?? null)]),
  };
}

export interface ReportForDownload {
  readonly id: number;
  readonly template: string;
  readonly agencyName: string | null;
  readonly year: number | null;
  readonly cells: ReadonlyMap<string, { readonly value: number | null; readonly raw: string | null; readonly method: string | null; readonly location: string | null }>;
}

/** Long sheet first (the CSV), then tables 2–4 as printed (XLSX). Older-template reports have only the long sheet. */
export function reportTables(report: ReportForDownload, layout: KeyLayout): DownloadTable[] {
  const value = (key: string): number | null => report.cells.get(key)?.value ?? null;
  const long: DownloadTable = {
    sheet: '全部单元格',
    columns: ['报告ID', '机构', '年度', '项目', '表', '行', '列', '单位', 'key', '数值', '原文', '方法', '位置'],
    rows: [...report.cells.entries()].map(([key, c]) => {
      const l = layout.labels[key];
      return [report.id, report.agencyName, report.year, l?.label ?? key, key.slice(0, 2), l?.row ?? null, l?.column ?? null, l?.unit ?? null, key, c.value, c.raw, c.method, c.location];
    }),
  };
  if (report.template !== '2021' && report.template !== '2019') return [long];
  const template = report.template;
  const matrix = (sheet: string, prefix: string, rows: readonly { id: string; label: string }[], cols: readonly { id: string; label: string }[]): DownloadTable => ({
    sheet,
    columns: ['', ...cols.map((c) => c.label)],
    rows: rows.map((r) => [r.label, ...cols.map((c) => value(`${prefix}.${r.id}.${c.id}`))]),
  });
  return [
    long,
    { sheet: '表二 主动公开', columns: ['项目', '数值'], rows: layout.t2[template].map((k) => [k.label, value(k.key)]) },
    matrix('表三 依申请公开', 't3', layout.t3[template].rows, layout.t3[template].cols),
    matrix('表四 复议诉讼', 't4', layout.t4.rows, layout.t4.cols),
  ];
}
