/**
 * The reports of the TRS WCM demo portal (滕州市, tengzhou.gov.cn): 2023–2025 year channels, 部门 / 镇街 / 本级政府
 * sub-channels, both the 2021 and the 2019 template, tables in HTML, one report whose tables are a `P0…` PDF
 * attachment (详见附件), one with a `W0…` photo in its body, and a body that published for 2024 but not for 2025.
 * Each document's `t` date (its URL) is the day it was last (re)published, which may be later than its publish date.
 */
import { generateCells, type ValueProfile } from '../reports/generate-values.ts';
import type { AgencyProfile, DemoReportSpec } from '../reports/report-spec.ts';

export interface TrsReportSpec extends DemoReportSpec {
  /** Channel folder below the site root, e.g. `zwgk/xxgknb/2025nxxgknb/bmxxgknb`. */
  readonly channel: string;
  /** The document's `t` date (YYYYMMDD) and id: `./YYYYMM/t<tDate>_<docId>.html`. */
  readonly tDate: string;
  readonly docId: number;
  /** A photo pasted into the body (an image to capture; not a table, so no OCR needed). */
  readonly photo: boolean;
}

interface TrsReport {
  readonly slug: string;
  readonly agency: string;
  readonly agencyKind: DemoReportSpec['agencyKind'];
  readonly year: number;
  readonly channel: string;
  readonly publishedAt: string;
  readonly tDate: string;
  readonly docId: number;
  readonly tables?: 'html' | 'pdf-attachment';
  readonly photo?: boolean;
  readonly values: Omit<ValueProfile, 'template'>;
  readonly profile: AgencyProfile;
}

function spec(r: TrsReport): TrsReportSpec {
  const template = r.year >= 2021 ? '2021' : '2019';
  const tables = r.tables ?? 'html';
  return {
    slug: r.slug,
    portal: 'trs',
    agency: r.agency,
    agencyKey: r.agency,
    agencyKind: r.agencyKind,
    year: r.year,
    template,
    title: `${r.agency}${r.year}年政府信息公开工作年度报告`,
    publishedAt: r.publishedAt,
    tables,
    cells: generateCells({ ...r.values, template }),
    failingChecks: [],
    quirks: tables === 'html' ? ['padded-numbers'] : [],
    charset: 'utf-8',
    delivery: 'page',
    profile: r.profile,
    channel: r.channel,
    tDate: r.tDate,
    docId: r.docId,
    photo: r.photo ?? false,
  };
}

const TZ = '滕州市';
const Y2025 = 'zwgk/xxgknb/2025nxxgknb';
const Y2024 = 'zwgk/xxgknb/2024nxxgknb';
/** 2023's channel names follow the older scheme seen on the real site (`2023xxgknb/bmjzjxxgknb_2023`). */
const Y2023 = 'zwgk/xxgknb/2023xxgknb';

const CZJ: AgencyProfile = { shortName: '市财政局', address: '滕州市学院中路1号', phone: '0632-5512345', proactiveCount: 126, channel: '“滕州财政”微信公众号', focus: '重点公开预决算、政府债务和惠民惠农财政补贴资金信息。' };
const JTJ: AgencyProfile = { shortName: '市教育和体育局', address: '滕州市荆河中路89号', phone: '0632-5521870', proactiveCount: 88, channel: '“滕州教体”微信公众号', focus: '重点公开招生入学、教育收费和学生资助政策。' };
const SJJ: AgencyProfile = { shortName: '市市场监管局', address: '滕州市善国北路6号', phone: '0632-5577315', proactiveCount: 203, channel: '企业信用信息公示系统', focus: '重点公开行政许可、行政处罚和食品安全抽检信息。' };
const MZJ: AgencyProfile = { shortName: '市民政局', address: '滕州市龙泉路117号', phone: '0632-5518021', proactiveCount: 64, channel: '“滕州民政”微信公众号', focus: '重点公开社会救助、养老服务和社会组织管理信息。' };
const SHJ: AgencyProfile = { shortName: '市审计局', address: '滕州市平行路28号', phone: '0632-5513307', proactiveCount: 21, channel: '市政府门户网站', focus: '重点公开审计工作报告和审计整改情况。' };
const LYJD: AgencyProfile = { shortName: '龙阳街道', address: '滕州市龙阳街道政通路2号', phone: '0632-5680110', proactiveCount: 47, channel: '街道便民服务中心公开栏', focus: '结合基层工作实际，重点公开惠民政策、社区事务和民生项目。' };
const ZF: AgencyProfile = { shortName: '市政府', address: '滕州市府前中路1号', phone: '0632-5512001', proactiveCount: 1530, channel: '“滕州发布”政务新媒体', focus: '围绕优化营商环境、重大建设项目和民生实事，加大重点领域信息公开力度。' };

export const TRS_REPORTS: readonly TrsReportSpec[] = [
  // 2025 部门: five reports, three per list page → index.html and index_1.html.
  spec({ slug: 'tengzhou-caizheng-2025', agency: `${TZ}财政局`, agencyKind: '部门', year: 2025, channel: `${Y2025}/bmxxgknb`, publishedAt: '2026-01-20 10:00:00', tDate: '20260126', docId: 2238462, values: { seed: 3701, applications: 4, table2: { normative: 3, fees: 12.5 } }, profile: CZJ }),
  spec({ slug: 'tengzhou-jiaoti-2025', agency: `${TZ}教育和体育局`, agencyKind: '部门', year: 2025, channel: `${Y2025}/bmxxgknb`, publishedAt: '2026-01-22 15:30:00', tDate: '20260122', docId: 2238501, tables: 'pdf-attachment', values: { seed: 3702, applications: 9, table2: { normative: 2, licensing: 31 } }, profile: JTJ }),
  spec({ slug: 'tengzhou-shichang-2025', agency: `${TZ}市场监督管理局`, agencyKind: '部门', year: 2025, channel: `${Y2025}/bmxxgknb`, publishedAt: '2026-01-23 09:10:00', tDate: '20260123', docId: 2238533, photo: true, values: { seed: 3703, applications: 15, carriedIn: 2, table2: { licensing: 2140, penalty: 96, coercion: 7 } }, profile: SJJ }),
  spec({ slug: 'tengzhou-minzheng-2025', agency: `${TZ}民政局`, agencyKind: '部门', year: 2025, channel: `${Y2025}/bmxxgknb`, publishedAt: '2026-01-27 11:45:00', tDate: '20260127', docId: 2238610, values: { seed: 3704, applications: 2, table2: { licensing: 12 } }, profile: MZJ }),
  spec({ slug: 'tengzhou-longyang-2025', agency: `${TZ}龙阳街道办事处`, agencyKind: '乡镇街道', year: 2025, channel: `${Y2025}/zjxxgknb`, publishedAt: '2026-02-10 16:20:00', tDate: '20260210', docId: 2239001, values: { seed: 3705, applications: 1, table2: {} }, profile: LYJD }),
  spec({ slug: 'tengzhou-zhengfu-2025', agency: `${TZ}人民政府`, agencyKind: '本级政府', year: 2025, channel: `${Y2025}/zfxxgknb`, publishedAt: '2026-03-20 09:00:00', tDate: '20260320', docId: 2241230, values: { seed: 3706, applications: 48, carriedIn: 3, carriedOut: 2, reviews: 3, suitsDirect: 1, table2: { normative: 11, licensing: 5210, penalty: 730 } }, profile: ZF }),
  // 2024: the 审计局 published for 2024 only (so `missing` must name it for 2025).
  spec({ slug: 'tengzhou-caizheng-2024', agency: `${TZ}财政局`, agencyKind: '部门', year: 2024, channel: `${Y2024}/bmxxgknb`, publishedAt: '2025-01-21 10:30:00', tDate: '20250121', docId: 2101877, values: { seed: 3707, applications: 3, table2: { normative: 2, fees: 10.8 } }, profile: CZJ }),
  spec({ slug: 'tengzhou-shenji-2024', agency: `${TZ}审计局`, agencyKind: '部门', year: 2024, channel: `${Y2024}/bmxxgknb`, publishedAt: '2025-01-24 14:00:00', tDate: '20250124', docId: 2101954, values: { seed: 3708, applications: 0, table2: {} }, profile: SHJ }),
  spec({ slug: 'tengzhou-longyang-2024', agency: `${TZ}龙阳街道办事处`, agencyKind: '乡镇街道', year: 2024, channel: `${Y2024}/zjxxgknb`, publishedAt: '2025-02-12 08:50:00', tDate: '20250212', docId: 2102330, values: { seed: 3709, applications: 0, table2: {} }, profile: LYJD }),
  // 2023: republished after a site migration — the `t` date (2024-03-05) is not the publish date (2024-01-19).
  spec({ slug: 'tengzhou-caizheng-2023', agency: `${TZ}财政局`, agencyKind: '部门', year: 2023, channel: `${Y2023}/bmjzjxxgknb_2023`, publishedAt: '2024-01-19 09:20:00', tDate: '20240305', docId: 1830934, values: { seed: 3710, applications: 5, table2: { normative: 4, fees: 9.6 } }, profile: CZJ }),
];

/** Report year → the year channel folder and the name its link shows. */
export const TRS_YEAR_CHANNELS: readonly { readonly year: number; readonly dir: string }[] = [
  { year: 2025, dir: Y2025 },
  { year: 2024, dir: Y2024 },
  { year: 2023, dir: Y2023 },
];
