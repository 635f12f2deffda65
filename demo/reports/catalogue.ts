/**
 * The bundled demo reports: two Hanweb jcms portals (兖州, 文登), every template, every table form and every
 * markup quirk at least once. Numbers come from the seeded generator; one report prints a wrong row total.
 */
import { generateCells, withViolation, type ValueProfile } from './generate-values.ts';
import type { DemoReportSpec } from './report-spec.ts';

type Base = Omit<DemoReportSpec, 'cells' | 'failingChecks' | 'title' | 'charset' | 'delivery'> &
  Partial<Pick<DemoReportSpec, 'title' | 'charset' | 'delivery' | 'failingChecks'>>;

function report(base: Base, values?: Omit<ValueProfile, 'template'>, cells?: DemoReportSpec['cells']): DemoReportSpec {
  const template = base.template;
  const generated = template === 'older' || values === undefined ? {} : generateCells({ ...values, template });
  return {
    title: `${base.agency}${base.year}年政府信息公开工作年度报告`,
    charset: 'utf-8',
    delivery: 'page',
    failingChecks: [],
    ...base,
    cells: cells ?? generated,
  };
}

const yanzhouXinfang = report(
  {
    slug: 'yanzhou-xinfang-2023',
    portal: 'yanzhou',
    agency: '济宁市兖州区信访局',
    agencyKey: '11370812004322760Y',
    agencyKind: '部门',
    year: 2023,
    template: '2021',
    publishedAt: '2024-01-15 09:30:00',
    tables: 'html',
    quirks: ['br-in-labels', 'padded-numbers'],
    profile: {
      shortName: '区信访局',
      address: '济宁市兖州区建设中路5号',
      phone: '0537—3413126',
      proactiveCount: 35,
      channel: '“兖州信访”微信公众平台',
      focus: '按照“以公开为常态、不公开为例外”的要求，及时公开领导公开接访日程安排、信访法规宣传等信息。',
    },
  },
  { seed: 2301, applications: 0 },
);

const yanzhouXiaomeng = report(
  {
    slug: 'yanzhou-xiaomeng-2023',
    portal: 'yanzhou',
    agency: '济宁市兖州区小孟镇人民政府',
    agencyKey: '11370812004322181W',
    agencyKind: '乡镇街道',
    year: 2023,
    template: '2021',
    publishedAt: '2024-01-18 16:02:11',
    tables: 'image',
    quirks: [],
    profile: {
      shortName: '小孟镇',
      address: '济宁市兖州区小孟镇府前路49号',
      phone: '0537-3842211',
      proactiveCount: 81,
      proactiveBreakdown: '其中公开文件类信息4条，会议类信息9条，工作动态类信息49条，其他类信息19条',
      channel: '为民服务大厅及29个行政村政务公开专区',
      focus: '结合基层工作实际，重点公开惠民政策、村级事务和重点项目建设情况。',
    },
  },
  { seed: 2302, applications: 0, table2: { penalty: 3 } },
);

const yanzhouGov = report(
  {
    slug: 'yanzhou-zhengfu-2023',
    portal: 'yanzhou',
    agency: '济宁市兖州区人民政府',
    agencyKey: '11370812004322015M',
    agencyKind: '本级政府',
    year: 2023,
    template: '2021',
    publishedAt: '2024-03-29 17:45:20',
    tables: 'html',
    quirks: ['split-spans', 'subtotal-rows', 'money-unit-in-cell'],
    profile: {
      shortName: '区政府',
      address: '济宁市兖州区龙桥北路1号',
      phone: '0537-3412345',
      proactiveCount: 6862,
      proactiveBreakdown: '其中政策文件132条，政策解读96条，财政预决算信息178条，重点领域信息1426条',
      channel: '“兖州发布”政务微博、微信公众号',
      focus: '围绕稳经济、促发展、惠民生，加大重大建设项目、公共资源配置、社会公益事业等重点领域信息公开力度。',
    },
  },
  {
    seed: 2303,
    applications: 86,
    carriedIn: 5,
    carriedOut: 4,
    orgShare: 0.2,
    reviews: 6,
    suitsDirect: 3,
    suitsAfterReview: 2,
    table2: { normative: 12, licensing: 8625, penalty: 1932, coercion: 41, fees: 386.52 },
  },
);

const yanzhouMinzheng = report(
  {
    slug: 'yanzhou-minzheng-2020',
    portal: 'yanzhou',
    agency: '济宁市兖州区民政局',
    agencyKey: '113708120043225000MZJ',
    agencyKind: '部门',
    year: 2020,
    template: '2019',
    publishedAt: '2021-01-28 10:20:33',
    tables: 'html',
    quirks: ['spaced-labels', 'ascii-brackets', 'padded-numbers'],
    profile: {
      shortName: '区民政局',
      address: '济宁市兖州区九州中路396号',
      phone: '0537-3411672',
      proactiveCount: 142,
      channel: '“兖州民政”微信公众号',
      focus: '重点公开城乡低保、特困供养、临时救助等社会救助政策和资金发放情况，每季度公示低保对象名单。',
    },
  },
  { seed: 2001, applications: 3, table2: { normative: 1, licensing: 26, otherServices: 412 } },
);

const yanzhouCaizheng = report(
  {
    slug: 'yanzhou-caizheng-2019',
    portal: 'yanzhou',
    agency: '济宁市兖州区财政局',
    agencyKey: '11370812004322007N',
    agencyKind: '部门',
    year: 2019,
    template: '2019',
    publishedAt: '2020-01-21 15:36:08',
    tables: 'html',
    quirks: ['money-unit-in-cell', 'negative-change', 'dash-blanks', 'guidance-in-labels'],
    profile: {
      shortName: '区财政局',
      address: '济宁市兖州区建设东路66号',
      phone: '0537-3416021',
      proactiveCount: 97,
      channel: '“兖州财政”微信公众号',
      focus: '按照预决算公开统一要求，及时公开区级政府预决算、部门预决算和“三公”经费信息。',
    },
  },
  {
    seed: 1901,
    applications: 2,
    blanks: 6,
    negativeChange: true,
    table2: { normative: 2, penalty: 4, feeItems: 3, procurement: { items: 3, amount: 25.1 } },
  },
);

const yanzhouJiaoti = report(
  {
    slug: 'yanzhou-jiaoti-2022',
    portal: 'yanzhou',
    agency: '济宁市兖州区教育和体育局',
    agencyKey: '113708120043230587',
    agencyKind: '部门',
    year: 2022,
    template: '2021',
    publishedAt: '2023-01-20 11:05:47',
    tables: 'html',
    charset: 'gbk',
    quirks: ['br-in-labels', 'dash-blanks'],
    profile: {
      shortName: '区教体局',
      address: '济宁市兖州区文化西路69号',
      phone: '0537-3412670',
      proactiveCount: 213,
      proactiveBreakdown: '其中招生入学类信息27条，教师招聘类信息15条，工作动态类信息171条',
      channel: '“兖州教体”微信公众号',
      focus: '围绕群众关注的义务教育招生入学、教师招聘、学生资助等事项，及时发布政策文件和办事指南。',
    },
  },
  { seed: 2201, applications: 5, carriedIn: 1, blanks: 8, table2: { normative: 3, licensing: 18 } },
);

const yanzhouShijian = report(
  {
    slug: 'yanzhou-shijian-2022',
    portal: 'yanzhou',
    agency: '济宁市兖州区市场监督管理局',
    agencyKey: '11370812MB28536414',
    agencyKind: '部门',
    year: 2022,
    template: '2021',
    publishedAt: '2023-01-29 09:12:40',
    tables: 'html',
    quirks: ['malformed', 'padded-numbers'],
    profile: {
      shortName: '区市场监管局',
      address: '济宁市兖州区兴隆路186号',
      phone: '0537-3421315',
      proactiveCount: 486,
      channel: '“兖州市场监管”微信公众号',
      focus: '按照“双随机、一公开”要求，及时公示抽查计划、抽查结果和行政处罚决定信息。',
    },
  },
  {
    seed: 2202,
    applications: 12,
    carriedIn: 1,
    orgShare: 0.35,
    reviews: 1,
    table2: { licensing: 4521, penalty: 318, coercion: 27 },
  },
);

/** The printed 一、本年新收 总计 is one too many: the row and the 总计 column no longer balance. */
const ziranValues: ValueProfile = { seed: 2101, template: '2021', applications: 6, table2: { licensing: 57, penalty: 12 } };
const yanzhouZiran = report(
  {
    slug: 'yanzhou-ziran-2021',
    portal: 'yanzhou',
    agency: '济宁市兖州区自然资源局',
    agencyKey: '11370812MB2851776C',
    agencyKind: '部门',
    year: 2021,
    template: '2021',
    publishedAt: '2022-01-26 14:40:00',
    tables: 'html',
    quirks: ['bare-table'],
    failingChecks: ['t3.row.new', 't3.balance.total'],
    profile: {
      shortName: '区自然资源局',
      address: '济宁市兖州区建设西路17号',
      phone: '0537-3416395',
      proactiveCount: 128,
      channel: '“兖州自然资源”微信公众号',
      focus: '重点公开土地征收成片开发方案、征地补偿安置、国有建设用地供应和不动产登记办事指南等信息。',
    },
  },
  undefined,
  withViolation(generateCells(ziranValues), 't3.new.total', 1),
);

const yanzhouRenshe = report({
  slug: 'yanzhou-renshe-2018',
  portal: 'yanzhou',
  agency: '济宁市兖州区人力资源和社会保障局',
  agencyKey: '11370812004322093J',
  agencyKind: '部门',
  year: 2018,
  template: 'older',
  publishedAt: '2019-03-22 10:00:00',
  tables: 'none',
  quirks: [],
  profile: {
    shortName: '区人社局',
    address: '济宁市兖州区建设东路39号',
    phone: '0537-3412216',
    proactiveCount: 134,
    channel: '区人社局网站',
    focus: '重点公开就业创业扶持政策、社会保险待遇调整、人事考试录用等信息。',
  },
});

const yanzhouWeijian = report(
  {
    slug: 'yanzhou-weijian-2024',
    portal: 'yanzhou',
    agency: '济宁市兖州区卫生健康局',
    agencyKey: '11370812MB28600802',
    agencyKind: '部门',
    year: 2024,
    template: '2021',
    publishedAt: '2025-01-22 16:30:12',
    tables: 'pdf-attachment',
    quirks: [],
    profile: {
      shortName: '区卫生健康局',
      address: '济宁市兖州区九州中路278号',
      phone: '0537-3416120',
      proactiveCount: 176,
      channel: '“健康兖州”微信公众号',
      focus: '重点公开医疗机构执业登记、公共卫生服务项目和疾病预防控制等信息。',
    },
  },
  { seed: 2401, applications: 4, table2: { licensing: 236, penalty: 21 } },
);

const wendengZhujian = report(
  {
    slug: 'wendeng-zhujian-2019',
    portal: 'wendeng',
    agency: '威海市文登区住房和城乡建设局',
    agencyKey: '11371081004300617U',
    agencyKind: '部门',
    year: 2019,
    template: '2019',
    publishedAt: '2020-01-15 08:54:11',
    tables: 'html',
    articlePath: '/art/2020/1/15/art_70623_2255748.html',
    quirks: ['ascii-brackets', 'br-in-labels'],
    profile: {
      shortName: '区住建局',
      address: '威海市文登区米山路161号',
      phone: '0631-8451236',
      proactiveCount: 164,
      channel: '“文登住建”微信公众号',
      focus: '重点公开棚户区改造、保障性住房分配、建筑市场监管和物业管理等信息。',
    },
  },
  { seed: 1902, applications: 4, carriedIn: 0, table2: { normative: 1, licensing: 312, otherServices: 48, penalty: 9 } },
);

const wendengFagai = report(
  {
    slug: 'wendeng-fagai-2020',
    portal: 'wendeng',
    agency: '威海市文登区发展和改革局',
    agencyKey: '11371081004300558D',
    agencyKind: '部门',
    year: 2020,
    template: '2019',
    title: '威海市文登区发展和改革局2020年度政府信息公开工作报告',
    publishedAt: '2021-01-27 16:20:05',
    tables: 'html',
    articlePath: '/art/2021/1/27/art_75243_2524471.html',
    quirks: ['guidance-in-labels', 'split-spans'],
    profile: {
      shortName: '区发改局',
      address: '威海市文登区天福路10号',
      phone: '0631-8452316',
      proactiveCount: 58,
      channel: '“文登发改”微信公众号',
      focus: '重点公开国民经济和社会发展计划执行情况、重大建设项目批准和实施情况。',
    },
  },
  { seed: 2002, applications: 1, table2: { licensing: 64, otherServices: 12, procurement: { items: 2, amount: 18.6 } } },
);

const wendengCaizheng = report(
  {
    slug: 'wendeng-caizheng-2025',
    portal: 'wendeng',
    agency: '威海市文登区财政局',
    agencyKey: '11371081004300230X',
    agencyKind: '部门',
    year: 2025,
    template: '2021',
    publishedAt: '2026-01-19 09:41:27',
    tables: 'html',
    articlePath: '/art/2026/1/19/art_182996_6093007.html',
    quirks: ['money-unit-in-cell', 'dash-blanks'],
    profile: {
      shortName: '区财政局',
      address: '威海市文登区峰山路2号',
      phone: '0631-8451521',
      proactiveCount: 132,
      channel: '“文登财政”微信公众号',
      focus: '按时公开区级预决算和部门预决算，细化公开政府债务、惠民惠农补贴资金等信息。',
    },
  },
  { seed: 2501, applications: 3, carriedOut: 1, blanks: 4, table2: { normative: 2, fees: 0.35 } },
);

const wendengZonghexz = report(
  {
    slug: 'wendeng-zonghexz-2021',
    portal: 'wendeng',
    agency: '威海市文登区综合行政执法局',
    agencyKey: '11371081MB1F02183L',
    agencyKind: '部门',
    year: 2021,
    template: '2021',
    publishedAt: '2022-01-25 10:00:00',
    tables: 'pdf-attachment',
    delivery: 'flipbook',
    flipbookPath: '2021dzs/zonghexz',
    quirks: [],
    profile: {
      shortName: '区综合行政执法局',
      address: '威海市文登区昆嵛路76号',
      phone: '0631-8462110',
      proactiveCount: 92,
      channel: '“文登城管”微信公众号',
      focus: '重点公开行政处罚结果、“双随机、一公开”抽查情况和市容环境整治信息。',
    },
  },
  { seed: 2102, applications: 2, table2: { penalty: 146, coercion: 8 } },
);

const wendengBangongshi = report(
  {
    slug: 'wendeng-bangongshi-2022',
    portal: 'wendeng',
    agency: '威海市文登区人民政府办公室',
    agencyKey: '11371081004300011Y',
    agencyKind: '部门',
    year: 2022,
    template: '2021',
    publishedAt: '2023-01-18 15:00:00',
    tables: 'pdf-attachment',
    delivery: 'flipbook',
    flipbookPath: '2022dzs/bangongshi',
    quirks: [],
    profile: {
      shortName: '区政府办公室',
      address: '威海市文登区龙山路20号',
      phone: '0631-8451001',
      proactiveCount: 1247,
      channel: '“文登发布”微信公众号',
      focus: '统筹推进全区政务公开工作，集中公开区政府文件、政策解读和重点领域信息。',
    },
  },
  { seed: 2203, applications: 14, carriedIn: 2, carriedOut: 1, orgShare: 0.25, reviews: 2, table2: { normative: 6 } },
);

export const DEMO_REPORTS: readonly DemoReportSpec[] = [
  yanzhouXinfang,
  yanzhouXiaomeng,
  yanzhouGov,
  yanzhouMinzheng,
  yanzhouCaizheng,
  yanzhouJiaoti,
  yanzhouShijian,
  yanzhouZiran,
  yanzhouRenshe,
  yanzhouWeijian,
  wendengZhujian,
  wendengFagai,
  wendengCaizheng,
  wendengZonghexz,
  wendengBangongshi,
];

export function demoReport(slug: string): DemoReportSpec {
  const found = DEMO_REPORTS.find((r) => r.slug === slug);
  if (!found) throw new Error(`Expected a demo report slug (${DEMO_REPORTS.map((r) => r.slug).join(', ')}), got ${slug}`);
  return found;
}
