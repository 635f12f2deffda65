/**
 * The report text as a list of blocks (title, headings, paragraphs, table slots, signature), adapted from real
 * reports (seeds 000–004) and varied per agency. `render-report-body.ts` turns blocks into CMS HTML and
 * `render-flipbook-pages.ts` into PDF text-layer pages.
 */
import type { DemoReportSpec } from './report-spec.ts';

export type Block =
  | { readonly kind: 'title'; readonly lines: readonly string[] }
  | { readonly kind: 'heading'; readonly part: number; readonly text: string }
  | { readonly kind: 'subheading'; readonly text: string }
  | { readonly kind: 'para'; readonly text: string }
  | { readonly kind: 'tables'; readonly part: 2 | 3 | 4 }
  | { readonly kind: 'signature'; readonly lines: readonly string[] };

const para = (text: string): Block => ({ kind: 'para', text });
const sub = (text: string): Block => ({ kind: 'subheading', text });

/** Deterministic choice among variants, by slug. */
function variant<T>(spec: DemoReportSpec, salt: number, options: readonly T[]): T {
  let h = salt;
  for (const ch of spec.slug) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
  return options[h % options.length]!;
}

const cell = (spec: DemoReportSpec, key: string): number => spec.cells[key] ?? 0;

function brackets(spec: DemoReportSpec, text: string): string {
  return spec.quirks.includes('ascii-brackets') ? text.replace(/（([一二三四五六七八九])）/g, '($1)') : text;
}

function portalSite(spec: DemoReportSpec): string {
  return spec.portal === 'yanzhou'
    ? '“中国·兖州”政府门户网站（www.yanzhou.gov.cn）'
    : '威海市文登区人民政府门户网站“威海市文登区人民政府”（http://www.wendeng.gov.cn）政府信息公开专栏';
}

/** `2024-01-15 09:30:00` → `2024年1月15日`. */
export function chineseDate(printed: string): string {
  const [y, m, d] = printed.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function headings(spec: DemoReportSpec): readonly string[] {
  if (spec.template === 'older') {
    return [
      '一、概述',
      '二、主动公开政府信息情况',
      '三、依申请公开政府信息和不予公开政府信息情况',
      '四、政府信息公开收费及减免情况',
      '五、因政府信息公开申请行政复议、提起行政诉讼情况',
      '六、存在的主要问题及改进措施',
    ];
  }
  const long = spec.portal === 'wendeng';
  return [
    '一、总体情况',
    long && spec.template === '2019' ? '二、行政机关主动公开政府信息情况' : '二、主动公开政府信息情况',
    long && spec.template === '2019' ? '三、行政机关收到和处理政府信息公开申请情况' : '三、收到和处理政府信息公开申请情况',
    long ? '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况' : '四、政府信息公开行政复议、行政诉讼情况',
    long ? '五、政府信息公开工作存在的主要问题及改进情况' : '五、存在的主要问题及改进情况',
    '六、其他需要报告的事项',
  ];
}

function intro(spec: DemoReportSpec): Block[] {
  const y = spec.year;
  const basis =
    spec.template === '2021'
      ? '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）'
      : '《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式（试行）〉的通知》（国办公开办函〔2019〕60号）';
  const contact = `（地址：${spec.profile.address}，联系电话：${spec.profile.phone}）`;
  if (spec.portal === 'wendeng') {
    return [
      para(`根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和${basis}要求，结合${y}年${spec.agency}政府信息公开工作实际，编制发布本报告。`),
      para('本报告由总体情况，行政机关主动公开政府信息的情况，行政机关收到和处理政府信息公开申请的情况，因政府信息公开工作被申请行政复议、提起行政诉讼的情况，政府信息公开工作存在的主要问题及改进情况，其他需要报告的事项共六部分组成，以及相关指标统计附表。'),
      para(`本报告中所列数据的统计时限自${y}年1月1日起至${y}年12月31日止。本报告的电子版可在${portalSite(spec)}查阅。如对本报告有疑问，请与${spec.agency}${spec.agency.endsWith('办公室') ? '' : '办公室'}联系${contact}。`),
    ];
  }
  return [
    para(`本报告由${spec.agency}按照《中华人民共和国政府信息公开条例》（以下简称《条例》）和${basis}要求编制。`),
    para('本报告内容包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六部分内容。'),
    para(`本报告所列数据的统计期限自${y}年1月1日起至${y}年12月31日止。本报告电子版可在${portalSite(spec)}查阅或下载。如对本报告有疑问，请与${spec.agency}联系${contact}。`),
  ];
}

function applicationsText(spec: DemoReportSpec): string {
  const { shortName } = spec.profile;
  const fresh = cell(spec, 't3.new.total');
  const carried = cell(spec, 't3.carried_in.total');
  if (fresh === 0 && carried === 0) return `${spec.year}年，${shortName}未收到政府信息公开申请，无上年结转申请。`;
  const done = cell(spec, 't3.total.total');
  const out = cell(spec, 't3.carried_out.total');
  const sum = (prefix: string): number =>
    Object.keys(spec.cells)
      .filter((k) => k.startsWith(`t3.${prefix}`) && k.endsWith('.total'))
      .reduce((a, k) => a + cell(spec, k), 0);
  const parts = [
    ['予以公开', cell(spec, 't3.disclosed.total')],
    ['部分公开', cell(spec, 't3.partial.total')],
    ['不予公开', sum('withheld.')],
    ['无法提供', sum('unable.')],
    ['不予处理', sum('rejected.')],
    ['其他处理', sum('other')],
  ]
    .filter(([, n]) => n !== 0)
    .map(([label, n]) => `${label}${n}件`);
  const review = cell(spec, 't4.review.total');
  const suits = cell(spec, 't4.suit_direct.total') + cell(spec, 't4.suit_after_review.total');
  const legal =
    review + suits > 0
      ? `全年因政府信息公开工作被申请行政复议${review}件、提起行政诉讼${suits}件。`
      : '全年未发生因政府信息公开引起的行政复议、行政诉讼。';
  return (
    `${spec.year}年，${shortName}共收到政府信息公开申请${fresh}件，上年结转${carried}件，已办结${done}件，` +
    `${out > 0 ? `结转下年度继续办理${out}件` : '均在法定期限内答复'}。${parts.length > 0 ? `其中${parts.join('，')}。` : ''}${legal}`
  );
}

function overview(spec: DemoReportSpec): Block[] {
  const { shortName, proactiveCount, proactiveBreakdown, channel, focus } = spec.profile;
  const y = spec.year;
  const opening = variant(spec, 1, [
    `${y}年，${shortName}坚持以习近平新时代中国特色社会主义思想为指导，全面落实《条例》，坚持“以公开为常态、不公开为例外”，充分发挥政务公开在建设法治政府、服务型政府等方面的促进作用，较好完成了全年工作任务。`,
    `${y}年，根据上级部门相关要求，${shortName}严格贯彻落实《中华人民共和国政府信息公开条例》，及时回应关切、解释疑惑，依法依规全程公开政府信息，不断提高公开质量和实效。`,
    `${y}年，${shortName}认真贯彻执行《条例》要求和省、市、区有关政府信息公开文件精神，遵循“公开为常态、不公开为例外”的原则，及时、全面、有效地主动公开政府信息，为公众提供更加优质、便捷的信息服务。`,
  ]);
  const management = variant(spec, 2, [
    '坚持“先审查、后公开”和“一事一审”原则，落实信息公开保密审查各环节制度措施，每次信息公开前填写《信息发布保密审查表》，并由相关负责人签字备案，确保公开信息不涉密、涉密信息不公开。',
    '推进公文公开属性源头认定，要求公文制作时明确“主动公开”“依申请公开”“不予公开”属性；安排专人每季度收集公文、业务档案，统一编号保存，便于查询利用。',
    '及时完善政府信息公开指南和目录，编制并发布主动公开基本目录，对现行有效的规范性文件进行全面清理，实时更新机构设置、领导分工等信息，提高政府信息管理规范化水平。',
  ]);
  const platform = variant(spec, 3, [
    `切实发挥政府网站政务公开第一平台作用，加大网站信息发布和更新力度；持续办好${channel}，及时转发上级政务公开平台优质内容，积极回应社会关切，推进政民互动。`,
    `依托区政府门户网站，按照栏目设置分门别类发布信息；同时通过${channel}发布工作动态和政策解读，拓宽信息公开渠道，方便群众及时获取政府信息。`,
  ]);
  const oversight = variant(spec, 4, [
    '成立由主要负责同志任组长、分管负责同志任副组长、各科室负责人为成员的政务公开工作领导小组，指定专人负责日常工作，全年开展政务公开业务培训2次，将政务公开工作纳入年度考核内容。',
    '主要领导高度重视政务公开工作，对抓好主动公开、及时回应群众关切等提出明确要求；牵头科室定期开展网上巡查，对更新不及时、发布信息错漏等情况及时督促整改落实。',
    '积极落实政府信息公开工作考核和责任追究制度，配备政务公开工作人员2名，召开政府信息公开专题会议3次，围绕依申请公开办理、保密审查等内容进行了系统培训。',
  ]);
  return [
    para(opening),
    sub(brackets(spec, '（一）主动公开情况')),
    para(`${focus}${y}年，${shortName}在区政府门户网站主动公开政府信息${proactiveCount}条${proactiveBreakdown ? `，${proactiveBreakdown}` : ''}。`),
    sub(brackets(spec, '（二）依申请公开情况')),
    para(applicationsText(spec)),
    sub(brackets(spec, '（三）政府信息管理情况')),
    para(management),
    sub(brackets(spec, '（四）政府信息公开平台建设情况')),
    para(platform),
    sub(brackets(spec, '（五）监督保障情况')),
    para(oversight),
  ];
}

function problems(spec: DemoReportSpec): Block[] {
  const found = variant(spec, 5, [
    '一是政府信息发布和更新效率有待进一步提高；二是政策解读形式不够多元化；三是回应公众关注的热点信息少。',
    '一是政策公开方面，不能及时与上级部门保持一致，存在更新时间上的滞后性；二是信息公开力度不够大，范围不够广；三是政策解读工作不够细致。',
    '一是政务公开工作业务骨干以兼职为主，队伍建设整体不够稳定；二是公开内容不够丰富，与公众的需求还存在一定差距。',
  ]);
  const fix = variant(spec, 6, [
    '下一步，将着重抓好以下工作：一是加强政务公开业务学习和培训，不断提高政务公开水平；二是加强政府信息发布审查，坚持依法、全面、真实的原则，确保政府信息公开质量；三是落实政务公开制度机制，进一步压实工作责任。',
    '针对上述问题，将从以下几个方面加以改进：一是紧跟上级部门步伐，及时跟进、公开相关政策；二是做到“能公开多公开，应公开尽公开”；三是丰富解读形式，用直白的语言、规范化的图表解读相关政策。',
  ]);
  return [para(`${spec.year}年${spec.profile.shortName}在政府信息公开工作中取得了一定成效，但对照更高的要求仍存在一些不足：${found}`), para(fix)];
}

function otherMatters(spec: DemoReportSpec): Block[] {
  const { shortName } = spec.profile;
  const y = spec.year;
  if (spec.template === '2019') {
    return [para(`${y}年，${shortName}未收取政府信息公开相关费用。无其他需要报告的事项。`)];
  }
  const proposals =
    spec.agencyKind === '本级政府'
      ? `${y}年区政府共承办区人大代表建议128件、区政协提案156件，办复率100%，办理结果已在政府网站公开。`
      : `${y}年${shortName}共承办区级人大建议${variant(spec, 7, [0, 1, 2])}件，政协提案${variant(spec, 8, [0, 1, 3])}件。`;
  return [
    sub(brackets(spec, '（一）依据《政府信息公开信息处理费管理办法》收取信息处理费的情况')),
    para(`${y}年度${shortName}未收取信息处理费。`),
    sub(brackets(spec, '（二）落实上级年度政务公开工作要点情况')),
    para(`${y}年${shortName}严格按照上级安排部署，落实各项政务公开工作任务，对政府工作报告落实、财政预决算等领域信息及时有效公开。`),
    sub(brackets(spec, '（三）人大代表建议和政协提案办理结果公开情况')),
    para(proposals),
    sub(brackets(spec, '（四）政务公开工作创新情况')),
    para(variant(spec, 9, [
      '建立“政务公开+志愿者”工作机制，组建政策解读员队伍，“一对一”用通俗易懂的方式为群众解读相关政策。',
      '举办“政府开放日”活动，邀请群众代表走进机关，促进政民交流，进一步提高工作透明度。',
    ])),
    sub(brackets(spec, '（五）政府信息公开工作年度报告数据统计需要说明的事项')),
    para('无。'),
    sub(brackets(spec, '（六）本行政机关认为需要报告的其他事项')),
    para('无。'),
    sub(brackets(spec, '（七）其他有关文件专门要求通过政府信息公开工作年度报告予以报告的事项')),
    para('无。'),
  ];
}

function titleLines(spec: DemoReportSpec): string[] {
  const split = variant(spec, 10, [0, 1, 2]);
  const cut = spec.title.indexOf('工作年度报告');
  if (split === 1 && cut > 0) return [spec.title.slice(0, cut), spec.title.slice(cut)];
  if (split === 2) return [spec.agency, spec.title.slice(spec.agency.length)];
  return [spec.title];
}

function olderBlocks(spec: DemoReportSpec, h: readonly string[]): Block[] {
  const y = spec.year;
  const { shortName, proactiveCount, focus } = spec.profile;
  return [
    para(`根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《山东省政府信息公开办法》规定，特向社会公布${y}年度${spec.agency}政府信息公开工作年度报告。本报告中所列数据的统计期限自${y}年1月1日起至${y}年12月31日止。`),
    { kind: 'heading', part: 1, text: h[0]! },
    para(`${y}年，${shortName}认真贯彻落实《条例》，把政府信息公开作为推进依法行政、建设服务型机关的重要举措，进一步健全工作机制，规范公开程序，政府信息公开工作取得了新进展。`),
    { kind: 'heading', part: 2, text: h[1]! },
    para(`${focus}全年共主动公开政府信息${proactiveCount}条，其中规范性文件3件，工作动态类信息86条，人事招考类信息41条。公开形式以区政府门户网站为主，同时利用公开栏、办事大厅电子显示屏等形式进行公开。`),
    { kind: 'heading', part: 3, text: h[2]! },
    para(`${y}年，${shortName}共收到政府信息公开申请4件，其中网络申请3件、当面申请1件；已全部按期答复，其中同意公开3件，信息不存在1件。未发生不予公开的情况。`),
    { kind: 'heading', part: 4, text: h[3]! },
    para(`${y}年，${shortName}在政府信息公开工作中未收取任何费用，不存在减免情况。`),
    { kind: 'heading', part: 5, text: h[4]! },
    para(`${y}年，未发生因政府信息公开申请行政复议、提起行政诉讼的情况。`),
    { kind: 'heading', part: 6, text: h[5]! },
    ...problems(spec),
  ];
}

/** Every block of the report body, top to bottom. */
export function reportBlocks(spec: DemoReportSpec): Block[] {
  const h = headings(spec);
  const signature: Block = { kind: 'signature', lines: [spec.agency, chineseDate(spec.publishedAt)] };
  const title: Block = { kind: 'title', lines: titleLines(spec) };
  if (spec.template === 'older') return [title, ...olderBlocks(spec, h), signature];
  return [
    title,
    ...intro(spec),
    { kind: 'heading', part: 1, text: h[0]! },
    ...overview(spec),
    { kind: 'heading', part: 2, text: h[1]! },
    { kind: 'tables', part: 2 },
    { kind: 'heading', part: 3, text: h[2]! },
    { kind: 'tables', part: 3 },
    { kind: 'heading', part: 4, text: h[3]! },
    { kind: 'tables', part: 4 },
    { kind: 'heading', part: 5, text: h[4]! },
    ...problems(spec),
    { kind: 'heading', part: 6, text: h[5]! },
    ...otherMatters(spec),
    signature,
  ];
}
