/**
 * Realistic extracted reports for store tests: a 2021-template report of 济宁市兖州区民政局 with table 3 that balances,
 * blanks kept as null, provenance per cell and the arithmetic checks the extractor would produce.
 */
import type { CheckResult, ExtractedCell, ExtractedReport } from '../../extract/types.ts';
import { T3_APPLICANT_COLUMNS, T3_COLUMNS, T3_ROWS, templateKeys } from '../../extract/template/keys.ts';

export const SAMPLE_URL = 'http://www.yanzhou.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=11370812004322760Y&fbtime=2024';

/** Applicant counts per table-3 row (natural, commercial, research, nonprofit, legal, other_org); totals computed. */
const T3_ROWS_DATA: Record<string, readonly (number | null)[]> = {
  new: [12, 2, 0, 0, 1, 0],
  carried_in: [1, 0, 0, 0, 0, 0],
  disclosed: [6, 1, 0, 0, 1, 0],
  partial: [2, 0, 0, 0, 0, 0],
  'unable.not_held': [3, 1, 0, 0, 0, 0],
  'rejected.repeat': [1, 0, 0, 0, 0, 0],
  total: [12, 2, 0, 0, 1, 0],
  carried_out: [1, 0, 0, 0, 0, 0],
};

const T2_VALUES: Record<string, number | null> = {
  't2.rules.issued': 0,
  't2.rules.repealed': 0,
  't2.rules.in_force': 0,
  't2.normative.issued': 2,
  't2.normative.repealed': 1,
  't2.normative.in_force': 14,
  't2.licensing.decisions': 356,
  't2.penalty.decisions': null,
  't2.coercion.decisions': null,
  't2.fees.amount': 25.1,
};

const T2_RAW: Record<string, string> = { 't2.penalty.decisions': '/', 't2.coercion.decisions': '—', 't2.fees.amount': '251000元' };

export interface SampleOptions {
  /** Override cell values (key → value); raw follows the value. */
  readonly cells?: Readonly<Record<string, number | null>>;
  readonly title?: string;
  readonly text?: string;
  readonly extractorVersion?: string;
  readonly files?: ExtractedReport['files'];
}

export function sampleReport(options: SampleOptions = {}): ExtractedReport {
  const cells: Record<string, number | null> = {};
  const raws: Record<string, string> = {};
  for (const key of templateKeys('2021')) cells[key] = key.startsWith('t2.') ? (T2_VALUES[key] ?? null) : 0;
  for (const row of T3_ROWS['2021']) {
    const data = T3_ROWS_DATA[row];
    T3_APPLICANT_COLUMNS.forEach((col, i) => {
      cells[`t3.${row}.${col}`] = data?.[i] ?? 0;
    });
    cells[`t3.${row}.total`] = (data ?? []).reduce<number>((sum, v) => sum + (v ?? 0), 0);
  }
  for (const [key, raw] of Object.entries(T2_RAW)) raws[key] = raw;
  cells['t4.review.pending'] = null;
  raws['t4.review.pending'] = '';
  Object.assign(cells, options.cells ?? {});

  const keys = Object.keys(cells);
  const cellDetails: ExtractedCell[] = keys.map((key, i) => ({
    key,
    value: cells[key] ?? null,
    raw: raws[key] ?? (cells[key] === null ? '-' : String(cells[key])),
    method: 'html-table',
    location: `table[${key.startsWith('t2.') ? 0 : key.startsWith('t3.') ? 1 : 2}]/row[${Math.floor(i / 7)}]/col[${i % 7}]`,
    confidence: 1,
  }));

  const title = options.title ?? '济宁市兖州区民政局2024年政府信息公开工作年度报告';
  return {
    title,
    agency: '济宁市兖州区民政局',
    year: 2024,
    publishedAt: '2025-01-15',
    publishedAtRaw: '发布时间:2025-01-15 09:30:00',
    template: '2021',
    cells,
    cellDetails,
    checks: checksFor(cells),
    sections: [
      { heading: '一、总体情况', part: 1, text: '2024年，区民政局坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》。' },
      { heading: '二、主动公开政府信息情况', part: 2, text: '' },
      { heading: '三、收到和处理政府信息公开申请情况', part: 3, text: '' },
      { heading: '四、政府信息公开行政复议、行政诉讼情况', part: 4, text: '' },
      { heading: '五、存在的主要问题及改进情况', part: 5, text: '一是公开内容不够丰富；二是解读形式较为单一。' },
      { heading: '六、其他需要报告的事项', part: 6, text: '本年度未收取信息处理费。' },
    ],
    text:
      options.text ??
      `${title}\n发布时间:2025-01-15 09:30:00\n本报告根据《中华人民共和国政府信息公开条例》编制。\n一、总体情况\n2024年，区民政局坚持以习近平新时代中国特色社会主义思想为指导……\n六、其他需要报告的事项\n本年度未收取信息处理费。`,
    files: options.files ?? [{ url: 'http://www.yanzhou.gov.cn/module/download/downfile.jsp?filename=t3.png', kind: 'image', label: '表三' }],
    missingTables: [],
    warnings: [],
    extractorVersion: options.extractorVersion ?? 'html-1.0.0',
  };
}

function checksFor(cells: Record<string, number | null>): CheckResult[] {
  const v = (key: string, nulls: string[]): number => {
    const value = cells[key] ?? null;
    if (value === null) nulls.push(key);
    return value ?? 0;
  };
  const checks: CheckResult[] = [];
  for (const col of T3_COLUMNS) {
    const nulls: string[] = [];
    const left = v(`t3.new.${col}`, nulls) + v(`t3.carried_in.${col}`, nulls);
    const right = v(`t3.total.${col}`, nulls) + v(`t3.carried_out.${col}`, nulls);
    checks.push({ id: `t3.balance.${col}`, ok: left === right, left, right, nullsAsZero: nulls });
  }
  for (const group of ['review', 'suit_direct', 'suit_after_review']) {
    const nulls: string[] = [];
    const left = v(`t4.${group}.total`, nulls);
    const right = ['upheld', 'corrected', 'other', 'pending'].reduce((sum, c) => sum + v(`t4.${group}.${c}`, nulls), 0);
    checks.push({ id: `t4.sum.${group}`, ok: left === right, left, right, nullsAsZero: nulls });
  }
  return checks;
}
