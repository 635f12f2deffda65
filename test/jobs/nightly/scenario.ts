/**
 * A fixture portal over four nights (fake clock): demo yanzhou serving a few 2023 reports that appear, disappear and
 * change between runs. Bodies (report year 2023):
 *   A 区信访局 (部门)          published 2024-01-15                                → on_time
 *   B 区教育和体育局 (部门)     not served until night 3, then published 2024-02-15 → not_due, missing, then late by 15 days
 *   C 区审计局 (部门)          listed in the catalogue, never publishes             → not_due, then missing
 *   D 区市场监管局 (部门)       published 2024-01-20, withdrawn before night 3      → on_time, then removed
 *   E 区人民政府 (本级政府)     an article; its table 3 changes before night 3      → on_time, then changed
 *   F 小孟镇 (乡镇街道)         in the user's list only, never publishes            → not_due until 31 March, then missing
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_REPORTS, demoReport } from '../../../demo/reports/catalogue.ts';
import type { DemoReportSpec } from '../../../demo/reports/report-spec.ts';

export const A = demoReport('yanzhou-xinfang-2023');
export const B: DemoReportSpec = retarget(demoReport('yanzhou-jiaoti-2022'), 2023, '2024-02-15 10:00:00');
export const C_KEY = '11370812MB1565722X';
export const D: DemoReportSpec = retarget(demoReport('yanzhou-shijian-2022'), 2023, '2024-01-20 09:12:40');
export const E: DemoReportSpec = { ...demoReport('yanzhou-zhengfu-2023'), publishedAt: '2024-01-19 17:45:20' };
/** E after publication: two more applications from natural persons in table 3 (new and total rows). */
export const E_CHANGED: DemoReportSpec = {
  ...E,
  cells: { ...E.cells, 't3.new.natural': (E.cells['t3.new.natural'] ?? 0) + 2, 't3.new.total': (E.cells['t3.new.total'] ?? 0) + 2 },
};
export const F = DEMO_REPORTS.find((r) => r.slug === 'yanzhou-xiaomeng-2023')!;

function retarget(spec: DemoReportSpec, year: number, publishedAt: string): DemoReportSpec {
  return { ...spec, slug: `${spec.slug.replace(/-\d{4}$/, '')}-${year}`, year, publishedAt, title: `${spec.agency}${year}年政府信息公开工作年度报告` };
}

export const NIGHTS = {
  /** 2024-01-21 02:00 in China. */
  first: '2024-01-20T18:00:00.000Z',
  second: '2024-02-04T18:00:00.000Z',
  third: '2024-02-19T18:00:00.000Z',
  fourth: '2024-04-01T18:00:00.000Z',
} as const;

export const SERVED = {
  first: [A, D, E],
  third: [A, B, E_CHANGED],
} as const;

/** The user's list: B and F are expected although the catalogue does not (yet) list them. */
export function writeExpectedCsv(dir: string): string {
  const file = path.join(dir, 'expected.csv');
  writeFileSync(
    file,
    ['portal,key,name,kind,action,from,to', `yanzhou-demo,${B.agencyKey},${B.agency},部门,add,2023,`, `yanzhou-demo,${F.agencyKey},${F.agency},乡镇街道,add,,`, ''].join('\n'),
  );
  return file;
}

/** A clock that starts at `iso` and runs at real speed. */
export function clockAt(iso: string): () => Date {
  const base = Date.parse(iso);
  const start = Date.now();
  return () => new Date(base + (Date.now() - start));
}
