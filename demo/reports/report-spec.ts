/**
 * What one bundled demo report is: who published it, where, in which template and table form, the numbers its
 * tables print, and which markup quirks of real CMS pages it reproduces. The demo portal renders pages from these
 * specs; `expected.ts` derives from them what the extractor must read back.
 */

/** How the statistical tables reach the page. */
export type TableForm =
  /** Word tables pasted into the CMS editor. */
  | 'html'
  /** Screenshots of the Word tables, one `<img>` per table. */
  | 'image'
  /** 详见附件: the tables live in a linked PDF (also used for flip-books, whose source is a PDF). */
  | 'pdf-attachment'
  /** No tables at all (pre-2019 prose report). */
  | 'none';

/** Markup quirks observed on real report pages (research/portals.md §5). */
export type Quirk =
  /** `本年新<br>制作数量`, `商业<br>企业` in header cells. */
  | 'br-in-labels'
  /** A label's characters (and a number's digits) split over sibling `<span>`s. */
  | 'split-spans'
  /** Provincial guidance inside labels: `规章(设区的市、自治州人民政府应提供相关数据)`. */
  | 'guidance-in-labels'
  /** `(一)` instead of `（一）`. */
  | 'ascii-brackets'
  /** `自 然 人`, `商 业 企 业`. */
  | 'spaced-labels'
  /** `&nbsp;0&nbsp;`, ` 3 `. */
  | 'padded-numbers'
  /** `251000元` (2019 采购总金额), `0.35万元` (2021 收费金额). */
  | 'money-unit-in-cell'
  /** Blank cells printed as `-`, `/` or nothing (value null). */
  | 'dash-blanks'
  /** 2019 `本年增/减` below zero. */
  | 'negative-change'
  /** An extra 小计 row under （三）不予公开, equal to its parts. */
  | 'subtotal-rows'
  /** Unclosed `<p>`/`<span>`, a stray `</td>`, missing `</tr>`: parsers recover the same grid. */
  | 'malformed'
  /** No Word styling: `<table border="1">` with `<th>` header cells. */
  | 'bare-table';

export type PortalId = 'yanzhou' | 'wendeng' | 'gkmlpt' | 'jpaas' | 'trs';
export type SpecTemplate = '2021' | '2019' | 'older';

/** Facts the prose draws on, so that reports of different agencies do not read alike. */
export interface AgencyProfile {
  /** How the body refers to the agency: `区信访局`, `小孟镇`, `我局`. */
  readonly shortName: string;
  readonly address: string;
  readonly phone: string;
  /** 主动公开政府信息N条 in section 一. */
  readonly proactiveCount: number;
  /** Optional breakdown sentence after the count. */
  readonly proactiveBreakdown?: string;
  /** The agency's own channels, e.g. `“兖州信访”微信公众号`. */
  readonly channel: string;
  /** One sentence on what the agency published this year (its line of work). */
  readonly focus: string;
}

export interface DemoReportSpec {
  readonly slug: string;
  readonly portal: PortalId;
  readonly agency: string;
  /** xxgk `area` key, verbatim (usually an 18-char USCC; one 21-char `…MZJ`, one all-digit legacy key). */
  readonly agencyKey: string;
  readonly agencyKind: '部门' | '本级政府' | '乡镇街道';
  /** Report (statistics) year. */
  readonly year: number;
  readonly template: SpecTemplate;
  /** Title as printed on the page. */
  readonly title: string;
  /** Publish time as printed (`发布时间:` value). */
  readonly publishedAt: string;
  readonly tables: TableForm;
  /** Every key of `templateKeys(template)` → printed value (null = blank cell); `{}` for older. Money in 万元. */
  readonly cells: Readonly<Record<string, number | null>>;
  /** Check ids (`t3.balance.<col>`, `t3.results.<col>`, `t3.row.<row>`, `t4.sum.<group>`) the printed numbers violate. */
  readonly failingChecks: readonly string[];
  readonly quirks: readonly Quirk[];
  /** Charset the portal serves the page in (the body only uses characters GBK can encode). */
  readonly charset: 'utf-8' | 'gbk';
  /** `page`: an ordinary report page; `flipbook`: 文登 2021–2022 e-book, pages from `renderFlipbookPages`. */
  readonly delivery: 'page' | 'flipbook';
  /** Flip-book folder, e.g. `2021dzs/zonghexz` (delivery `flipbook` only). */
  readonly flipbookPath?: string;
  /** jcms article path where the real portal publishes reports as articles (文登), e.g. `/art/2020/1/15/art_70623_2255748.html`. */
  readonly articlePath?: string;
  readonly profile: AgencyProfile;
}

export function hasQuirk(spec: Pick<DemoReportSpec, 'quirks'>, quirk: Quirk): boolean {
  return spec.quirks.includes(quirk);
}
