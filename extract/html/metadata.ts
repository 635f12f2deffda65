/**
 * Report metadata from the page: title and agency (title line, possibly split over two lines), report year
 * (title → statistics period → `fbtime` in the URL) and publish date (发布时间 before 发布日期).
 */
import type { Element } from 'domhandler';
import type { Line } from './dom-lines.ts';
import { stripWhitespace } from './normalize-label.ts';

export interface TitleMatch {
  readonly title: string;
  readonly agency: string | null;
  readonly year: number;
  /**
   * The line is the report's own title (nothing after the report words but a bracketed note such as `（全文）`),
   * not a sentence or a notice about reports (`…年度报告的通知`, `…年度报告解读`).
   */
  readonly whole: boolean;
}

export interface PublishDate {
  readonly iso: string;
  readonly raw: string;
}

/** 政府信息公开工作年度报告, 政务信息公开年报, 政务公开工作年度报告, 信息公开年度报告 … */
const REPORT = '(?:(?:政府|政务)?信息公开|政务公开)(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)';
const AGENCY = "[^:>»|,.。;；!?\"'《》]{2,40}?";
const YEAR = '((?:19|20)\\d{2})';
const AGENCY_FIRST = new RegExp(`^(${AGENCY})${YEAR}年度?${REPORT}`);
const YEAR_FIRST = new RegExp(`^${YEAR}年度?(${AGENCY})${REPORT}`);
/** `某某局政府信息公开工作2023年度报告`: the year between the subject and 年度报告. */
const YEAR_INSIDE = new RegExp(`^(${AGENCY})(?:(?:政府|政务)?信息公开|政务公开)(?:工作)?${YEAR}年度?(?:工作)?(?:报告|年报)`);
/** What may follow a report's own title on its line: a bracketed note (全文, 更正版, a date) and punctuation. */
const TITLE_TAIL = /^(?:[([【〔][^()[\]【】〔〕]{0,12}[)\]】〕])?[.。]?$/;
/** A site name after a separator, as `<title>` carries it (`…年度报告_中国·兖州`, `…年度报告-兖州区人民政府`). */
const SITE_SUFFIX = /^[-_|—–]/;

function cleanAgency(agency: string): string | null {
  const out = agency.replace(/^(?:关于|印发)/, '').replace(/[、\-—_·]+$/, '');
  // `2023年政府信息公开工作年度报告` names no agency: its 政府 belongs to the report words.
  return out === '' || out === '政府' || out === '政务' ? null : out;
}

/** Match a title at the start of the text (whitespace ignored, NFKC). */
export function matchTitle(text: string): TitleMatch | null {
  const t = stripWhitespace(text.normalize('NFKC'));
  const whole = (title: string): boolean => {
    const tail = t.slice(title.length);
    return !title.startsWith('关于') && (TITLE_TAIL.test(tail) || (SITE_SUFFIX.test(tail) && !/解读|图解|通知/.test(tail)));
  };
  const agencyFirst = AGENCY_FIRST.exec(t);
  if (agencyFirst !== null) {
    return { title: agencyFirst[0], agency: cleanAgency(agencyFirst[1] ?? ''), year: Number(agencyFirst[2]), whole: whole(agencyFirst[0]) };
  }
  const yearFirst = YEAR_FIRST.exec(t);
  if (yearFirst !== null) {
    return { title: yearFirst[0], agency: cleanAgency(yearFirst[2] ?? ''), year: Number(yearFirst[1]), whole: whole(yearFirst[0]) };
  }
  const yearInside = YEAR_INSIDE.exec(t);
  if (yearInside !== null) {
    return { title: yearInside[0], agency: cleanAgency(yearInside[1] ?? ''), year: Number(yearInside[2]), whole: whole(yearInside[0]) };
  }
  return null;
}

const HAS_YEAR = /(?:19|20)\d{2}年/;
const STARTS_WITH_YEAR = /^(?:19|20)\d{2}年/;

/** May line `a` continue on line `b`? (a title split after the year, or an agency line followed by the year line) */
function splitTitle(a: string, b: string): boolean {
  const sa = stripWhitespace(a.normalize('NFKC'));
  const sb = stripWhitespace(b.normalize('NFKC'));
  if (sa.length > 40 || sa.includes('报告')) return false;
  if (HAS_YEAR.test(sa)) return !HAS_YEAR.test(sb) && sb.length <= 20;
  return STARTS_WITH_YEAR.test(sb) && sa.length <= 30;
}

/**
 * First title in document order among lines outside the statistical tables and outside links (lists of other
 * reports, breadcrumbs); `fallbacks` (meta ArticleTitle, `<title>`) after that.
 */
export function findTitle(
  lines: readonly Line[],
  fallbacks: readonly string[] = [],
  reportTables: ReadonlySet<Element> = new Set(),
): TitleMatch | null {
  const usable = lines.filter((l) => (l.table === null || !reportTables.has(l.table)) && !l.link);
  for (let i = 0; i < usable.length; i += 1) {
    const line = usable[i]?.text ?? '';
    const next = usable[i + 1]?.text ?? '';
    const single = matchTitle(line);
    if (single !== null) return single;
    if (next !== '' && splitTitle(line, next)) {
      const joined = matchTitle(line + next);
      if (joined !== null) return joined;
    }
  }
  for (const text of fallbacks) {
    const match = matchTitle(text);
    if (match !== null) return match;
  }
  return null;
}

const DATE = '((?:19|20)\\d{2})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:\\s*\\d{1,2}:\\d{2}(?::\\d{2})?)?';

function isoDate(year: string, month: string, day: string): string | null {
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 发布时间 first, then 发布日期; label and date may sit in separate lines (cells). */
export function findPublishDate(lines: readonly Line[]): PublishDate | null {
  const text = lines.map((l) => l.text).join('\n');
  for (const label of ['发布时间', '发布日期']) {
    const pattern = new RegExp(`${label}\\s*[:：]?\\s*${DATE}`, 'g');
    for (const match of text.matchAll(pattern)) {
      const iso = isoDate(match[1] ?? '', match[2] ?? '', match[3] ?? '');
      if (iso !== null) return { iso, raw: match[0].replace(/\s*\n\s*/g, ' ').trim() };
    }
  }
  return null;
}

/**
 * The publishing body of the page's metadata header (`发布机构` on jcms xxgk blocks and gkmlpt documents); label and
 * value may sit in separate cells (lines). The agency when the title names none.
 */
export function findPublisher(lines: readonly Line[]): string | null {
  const text = lines.map((l) => l.text).join('\n');
  const match = /发布机构\s*[:：]?\s*\n?\s*([^\s:：\n]{2,40})/.exec(text);
  const value = match?.[1] ?? null;
  return value === null || /^(?:成文日期|发布日期|索引号|文号|组配分类|分类)/.test(value) ? null : value;
}

/** Report year from the statistics-period sentence (`统计期限自2023年1月1日起`). */
export function yearFromStatisticsPeriod(bodyText: string): number | null {
  const t = stripWhitespace(bodyText.normalize('NFKC'));
  const labelled = /统计(?:期限|时限|时间|区间|期间|周期|范围)[^。]{0,12}?((?:19|20)\d{2})年0?1月0?1日/.exec(t);
  if (labelled !== null) return Number(labelled[1]);
  const range = /((?:19|20)\d{2})年0?1月0?1日(?:起)?(?:至|到|-)(?:(?:19|20)\d{2}年)?12月31日/.exec(t);
  return range === null ? null : Number(range[1]);
}

/** Report year from the `fbtime` query parameter of an xxgkAnnualReport.jsp URL. */
export function yearFromUrl(pageUrl: string): number | null {
  try {
    const fbtime = new URL(pageUrl).searchParams.get('fbtime') ?? '';
    return /^(?:19|20)\d{2}$/.test(fbtime) ? Number(fbtime) : null;
  } catch {
    return null;
  }
}
