/**
 * The reports of the gkmlpt (广州市荔湾区, lw.gov.cn) and JPAAS (烟台市福山区, ytfs.gov.cn) demo portals: several
 * bodies and years, both templates, tables in HTML, one report whose tables are a PDF attachment (详见附件), one
 * with a photo in its body. The JPAAS set is also what the portal behind a JavaScript challenge serves.
 */
import { generateCells, type ValueProfile } from '../reports/generate-values.ts';
import type { AgencyProfile, DemoReportSpec, PortalId } from '../reports/report-spec.ts';

interface PlatformReport {
  readonly slug: string;
  readonly agency: string;
  readonly agencyKind: DemoReportSpec['agencyKind'];
  /** 9-digit organisation code: the 索引号 prefix on gkmlpt, the body key where a catalogue would name one. */
  readonly orgCode: string;
  readonly year: number;
  readonly publishedAt: string;
  readonly tables: 'html' | 'pdf-attachment';
  /** A photo pasted into the body (not a table): an image the crawl must capture and OCR must not need. */
  readonly photo?: boolean;
  /** The title as printed, when it is not `<agency><year>年政府信息公开工作年度报告` (gkmlpt bodies often omit themselves). */
  readonly title?: string;
  readonly values: Omit<ValueProfile, 'template'>;
  readonly profile: Omit<AgencyProfile, 'proactiveCount'> & { proactiveCount?: number };
}

export type PlatformReportSpec = DemoReportSpec & { readonly orgCode: string; readonly photo: boolean };

function spec(portal: PortalId, r: PlatformReport): PlatformReportSpec {
  const template = r.year >= 2021 ? '2021' : '2019';
  return {
    slug: r.slug,
    portal,
    agency: r.agency,
    agencyKey: r.agency,
    agencyKind: r.agencyKind,
    year: r.year,
    template,
    title: r.title ?? `${r.agency}${r.year}年政府信息公开工作年度报告`,
    publishedAt: r.publishedAt,
    tables: r.tables,
    cells: generateCells({ ...r.values, template }),
    failingChecks: [],
    quirks: r.tables === 'html' ? ['padded-numbers'] : [],
    charset: 'utf-8',
    delivery: 'page',
    profile: { proactiveCount: 40 + (r.values.seed % 90), ...r.profile },
    orgCode: r.orgCode,
    photo: r.photo ?? false,
  };
}

const LIWAN = '广州市荔湾区';

export const GKMLPT_REPORTS: readonly PlatformReportSpec[] = [
  spec('gkmlpt', {
    slug: 'liwan-zhengfu-2023', agency: `${LIWAN}人民政府`, agencyKind: '本级政府', orgCode: '006939748', year: 2023,
    publishedAt: '2024-03-28 10:00:00', tables: 'html', values: { seed: 4401, applications: 57, carriedIn: 3, carriedOut: 2, reviews: 4, suitsDirect: 2, table2: { normative: 9, licensing: 3120, penalty: 845, coercion: 12, fees: 96.4 } },
    profile: { shortName: '区政府', address: '广州市荔湾区多宝路1号', phone: '020-81392000', channel: '“荔湾发布”政务微博、微信公众号', focus: '围绕老城区更新改造、营商环境优化等重点工作，加大重点领域信息公开力度。' },
  }),
  spec('gkmlpt', {
    slug: 'liwan-jiaoyu-2023', agency: `${LIWAN}教育局`, agencyKind: '部门', orgCode: '00693975X', year: 2023,
    publishedAt: '2024-01-22 09:15:00', tables: 'html', photo: true, values: { seed: 4402, applications: 6, carriedIn: 1, table2: { normative: 2, licensing: 14 } },
    profile: { shortName: '区教育局', address: '广州市荔湾区中山八路38号', phone: '020-81704123', channel: '“荔湾教育”微信公众号', focus: '重点公开义务教育招生入学、学位供给和教育收费等信息。' },
  }),
  spec('gkmlpt', {
    slug: 'liwan-jiaoyu-2024', agency: `${LIWAN}教育局`, agencyKind: '部门', orgCode: '00693975X', year: 2024,
    publishedAt: '2025-01-20 16:30:00', tables: 'pdf-attachment', values: { seed: 4403, applications: 4, table2: { normative: 1, licensing: 11 } },
    profile: { shortName: '区教育局', address: '广州市荔湾区中山八路38号', phone: '020-81704123', channel: '“荔湾教育”微信公众号', focus: '重点公开学位供给、课后服务和校园安全等信息。' },
  }),
  spec('gkmlpt', {
    slug: 'liwan-shamian-2022', agency: `${LIWAN}沙面街道办事处`, agencyKind: '乡镇街道', orgCode: '007502314', year: 2022, title: '2022年政府信息公开工作年度报告',
    publishedAt: '2023-01-30 11:20:00', tables: 'html', values: { seed: 4404, applications: 1, table2: {} },
    profile: { shortName: '沙面街', address: '广州市荔湾区沙面大街58号', phone: '020-81218860', channel: '街道政务公开栏', focus: '结合历史文化街区保护，公开社区治理和民生服务事项。' },
  }),
  spec('gkmlpt', {
    slug: 'liwan-weijian-2020', agency: `${LIWAN}卫生健康局`, agencyKind: '部门', orgCode: '006939892', year: 2020,
    publishedAt: '2021-01-25 15:05:00', tables: 'html', values: { seed: 4405, applications: 3, table2: { normative: 1, licensing: 208, penalty: 17 } },
    profile: { shortName: '区卫生健康局', address: '广州市荔湾区芳村大道中348号', phone: '020-81516200', channel: '“健康荔湾”微信公众号', focus: '重点公开医疗机构执业登记、公共卫生监督和疫情防控信息。' },
  }),
];

const FUSHAN = '烟台市福山区';

export const JPAAS_REPORTS: readonly PlatformReportSpec[] = [
  spec('jpaas', {
    slug: 'fushan-zhengfu-2024', agency: `${FUSHAN}人民政府`, agencyKind: '本级政府', orgCode: '004260927', year: 2024,
    publishedAt: '2025-03-20 09:00:00', tables: 'html', values: { seed: 3701, applications: 38, carriedIn: 2, carriedOut: 1, reviews: 3, suitsDirect: 1, table2: { normative: 6, licensing: 2210, penalty: 530, coercion: 9, fees: 41.2 } },
    profile: { shortName: '区政府', address: '烟台市福山区福海路198号', phone: '0535-6351234', channel: '“福山发布”微信公众号', focus: '围绕项目建设和民生实事，公开重大决策和重点领域信息。' },
  }),
  spec('jpaas', {
    slug: 'fushan-minzheng-2024', agency: `${FUSHAN}民政局`, agencyKind: '部门', orgCode: '004261014', year: 2024,
    publishedAt: '2025-01-24 14:10:00', tables: 'pdf-attachment', values: { seed: 3702, applications: 2, table2: { licensing: 6 } },
    profile: { shortName: '区民政局', address: '烟台市福山区河滨路35号', phone: '0535-6332101', channel: '“福山民政”微信公众号', focus: '重点公开社会救助、养老服务和婚姻登记信息。' },
  }),
  spec('jpaas', {
    slug: 'fushan-minzheng-2023', agency: `${FUSHAN}民政局`, agencyKind: '部门', orgCode: '004261014', year: 2023,
    publishedAt: '2024-01-26 10:40:00', tables: 'html', photo: true, values: { seed: 3703, applications: 5, carriedIn: 1, table2: { normative: 1, licensing: 9 } },
    profile: { shortName: '区民政局', address: '烟台市福山区河滨路35号', phone: '0535-6332101', channel: '“福山民政”微信公众号', focus: '重点公开低保、特困供养和临时救助资金发放情况。' },
  }),
  spec('jpaas', {
    slug: 'fushan-qingyang-2023', agency: `${FUSHAN}清洋街道办事处`, agencyKind: '乡镇街道', orgCode: '004261305', year: 2023,
    publishedAt: '2024-01-30 16:00:00', tables: 'html', values: { seed: 3704, applications: 0, table2: {} },
    profile: { shortName: '清洋街道', address: '烟台市福山区清洋街道办事处', phone: '0535-6381002', channel: '街道政务公开栏', focus: '公开社区事务、惠民政策和重点项目进展。' },
  }),
  spec('jpaas', {
    slug: 'fushan-fagai-2020', agency: `${FUSHAN}发展和改革局`, agencyKind: '部门', orgCode: '004260951', year: 2020,
    publishedAt: '2021-01-28 08:50:00', tables: 'html', values: { seed: 3705, applications: 2, table2: { normative: 1, licensing: 35 } },
    profile: { shortName: '区发改局', address: '烟台市福山区福海路198号', phone: '0535-6351760', channel: '区政府门户网站', focus: '重点公开重大项目审批、价格收费和发展规划信息。' },
  }),
];

const MUPING = '烟台市牟平区';
const MUPING_BODIES = [
  { slug: 'zhengfu', agency: `${MUPING}人民政府`, kind: '本级政府', orgCode: '004262009', road: '正阳路1号' },
  { slug: 'jiaoyu', agency: `${MUPING}教育和体育局`, kind: '部门', orgCode: '004262121', road: '金埠大街566号' },
  { slug: 'caizheng', agency: `${MUPING}财政局`, kind: '部门', orgCode: '004262033', road: '通海路101号' },
  { slug: 'zhujian', agency: `${MUPING}住房和城乡建设局`, kind: '部门', orgCode: '004262068', road: '新城大街889号' },
  { slug: 'ninghai', agency: `${MUPING}宁海街道办事处`, kind: '乡镇街道', orgCode: '004262351', road: '宁海街道政府路7号' },
  { slug: 'wendeng', agency: `${MUPING}文化园街道办事处`, kind: '乡镇街道', orgCode: '004262377', road: '文化街12号' },
] as const;

/**
 * The portal behind a JavaScript challenge: a JPAAS site (烟台市牟平区) with six bodies' reports for 2019–2024 (one
 * body missed 2022), so that passing the challenge once is a small part of the crawl.
 */
export const CHALLENGE_REPORTS: readonly PlatformReportSpec[] = MUPING_BODIES.flatMap((body, b) =>
  [2019, 2020, 2021, 2022, 2023, 2024]
    .filter((year) => !(body.slug === 'zhujian' && year === 2022))
    .map((year) =>
      spec('jpaas', {
        slug: `muping-${body.slug}-${year}`,
        agency: body.agency,
        agencyKind: body.kind,
        orgCode: body.orgCode,
        year,
        publishedAt: `${year + 1}-01-${String(10 + b * 3).padStart(2, '0')} 09:${String(10 + b).padStart(2, '0')}:00`,
        tables: 'html',
        values: { seed: 3800 + b * 10 + (year - 2019), applications: (b * 7 + year) % 9, table2: { normative: b % 3, licensing: 10 + b * 17 } },
        profile: { shortName: body.agency.replace(MUPING, '区'), address: `烟台市牟平区${body.road}`, phone: `0535-42${String(11000 + b * 111)}`, channel: '牟平区人民政府门户网站', focus: '按照年度政务公开工作要点，做好重点领域信息公开。' },
      }),
    ),
);
