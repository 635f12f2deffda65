/**
 * The other years of the 兖州 demo bodies, served by `nianbao demo` (not by the extraction fixtures, which keep to
 * DEMO_REPORTS): most bodies publish most years from 2019, a few publish late, a few years are missing, and between
 * the demo's two crawls one report is withdrawn and one is revised — so the first grid a newcomer sees shows what the
 * watch is for. Every report here has its tables in HTML (quick to extract); 2019–2020 use the 2019 template, 2018
 * the older one (prose only).
 *
 * Per body (★ = in DEMO_REPORTS; late / missing / withdrawn / revised as the watch judges them today):
 *   信访局      2019 2020 2021 2022 ★2023 2024 (revised after publication)          — 2018 missing
 *   民政局  2018 2019 ★2020 2021 2022 (43 days late) 2023 2024
 *   财政局  2018 ★2019 2020 2021 2022 2023 (withdrawn) 2024
 *   教体局      2019 2020 2021 ★2022 2023 (20 days late) 2024                         — 2018 missing
 *   市场监管局  2019 2020 2021 ★2022 2023                                             — 2018, 2024 missing
 *   自然资源局  2019 2020 ★2021 2022 2023 2024 (61 days late)                         — 2018 missing
 *   人社局  ★2018 2019 2020 2021 2022 2023                                            — 2024 missing
 *   卫健局      2019 2021 2022 2023 ★2024                                             — 2018, 2020 missing
 *   小孟镇                2021 2022 ★2023 2024                                        — 2018–2020 missing
 *   区人民政府            2021 2022 ★2023 2024 (articles)                             — 2018–2020 missing
 *   审计局  listed in the catalogue, never publishes                                  — every year missing
 */
import { demoReport } from './catalogue.ts';
import { generateCells } from './generate-values.ts';
import type { DemoReportSpec, SpecTemplate } from './report-spec.ts';

interface Year {
  readonly year: number;
  /** Printed publish time; default: a weekday in mid-January of the next year (on time for every kind). */
  readonly publishedAt?: string;
}

const DEFAULT_DAYS = ['15', '18', '20', '22', '24', '26'];

function templateFor(year: number): SpecTemplate {
  return year >= 2021 ? '2021' : year >= 2019 ? '2019' : 'older';
}

/** Another year of a body whose report is in DEMO_REPORTS: same body, key and profile; its own numbers. */
function yearOf(slug: string, y: Year, index: number): DemoReportSpec {
  const base = demoReport(slug);
  const template = templateFor(y.year);
  const seed = 7000 + y.year * 10 + index;
  const applications = Math.max(0, (base.cells['t3.new.total'] ?? 3) + ((y.year * 7 + index) % 5) - 2);
  const cells = template === 'older' ? {} : generateCells({ seed, template, applications, carriedIn: index % 2, table2: { normative: 1 + (index % 3), licensing: 10 * (index + 1) } });
  const day = DEFAULT_DAYS[index % DEFAULT_DAYS.length]!;
  return {
    ...base,
    slug: `${slug.replace(/-\d{4}$/, '')}-${y.year}`,
    year: y.year,
    template,
    title: `${base.agency}${y.year}年政府信息公开工作年度报告`,
    publishedAt: y.publishedAt ?? `${y.year + 1}-01-${day} 10:${String(10 + index).padStart(2, '0')}:00`,
    tables: template === 'older' ? 'none' : 'html',
    charset: 'utf-8',
    delivery: 'page',
    quirks: [],
    failingChecks: [],
    cells,
    profile: { ...base.profile, proactiveCount: base.profile.proactiveCount + (y.year - base.year) * 11 },
  };
}

function years(slug: string, list: readonly (number | Year)[]): DemoReportSpec[] {
  return list.map((y, i) => yearOf(slug, typeof y === 'number' ? { year: y } : y, i));
}

export const DEMO_HISTORY: readonly DemoReportSpec[] = [
  ...years('yanzhou-xinfang-2023', [2019, 2020, 2021, 2022, 2024]),
  ...years('yanzhou-minzheng-2020', [2018, 2019, 2021, { year: 2022, publishedAt: '2023-03-15 09:00:00' }, 2023, 2024]),
  ...years('yanzhou-caizheng-2019', [2018, 2020, 2021, 2022, 2023, 2024]),
  ...years('yanzhou-jiaoti-2022', [2019, 2020, 2021, { year: 2023, publishedAt: '2024-02-20 15:30:00' }, 2024]),
  ...years('yanzhou-shijian-2022', [2019, 2020, 2021, 2023]),
  ...years('yanzhou-ziran-2021', [2019, 2020, 2022, 2023, { year: 2024, publishedAt: '2025-04-02 11:00:00' }]),
  ...years('yanzhou-renshe-2018', [2019, 2020, 2021, 2022, 2023]),
  ...years('yanzhou-weijian-2024', [2019, 2021, 2022, 2023]),
  ...years('yanzhou-xiaomeng-2023', [2021, 2022, { year: 2024, publishedAt: '2025-03-20 10:00:00' }]),
  ...years('yanzhou-zhengfu-2023', [2021, 2022, { year: 2024, publishedAt: '2025-03-26 16:00:00' }]),
];

/** Withdrawn between the demo's crawls: the portal's page for it answers the empty shell on the second. */
export const WITHDRAWN_SLUG = 'yanzhou-caizheng-2023';
/** Revised between the demo's crawls: two more applications from natural persons in table 3. */
export const REVISED_SLUG = 'yanzhou-xinfang-2024';

/** What the portal serves on the demo's second crawl: the same reports, one withdrawn and one revised. */
export function laterReports(reports: readonly DemoReportSpec[]): DemoReportSpec[] {
  return reports.filter((r) => r.slug !== WITHDRAWN_SLUG).map((r) => (r.slug === REVISED_SLUG ? revised(r) : r));
}

function revised(spec: DemoReportSpec): DemoReportSpec {
  const plus = (key: string): number => (spec.cells[key] ?? 0) + 2;
  const keys = ['t3.new.natural', 't3.new.total', 't3.disclosed.natural', 't3.disclosed.total', 't3.total.natural', 't3.total.total'];
  return { ...spec, cells: { ...spec.cells, ...Object.fromEntries(keys.map((k) => [k, plus(k)])) } };
}
