/**
 * The inside of one table cell as a Word-pasted (or bare) CMS table prints it, with the spec's quirks applied:
 * labels (`br-in-labels`, `split-spans`, `guidance-in-labels`, `ascii-brackets`, `spaced-labels`) and numbers
 * (`padded-numbers`, `money-unit-in-cell`, `dash-blanks`, `split-spans`).
 */
import type { DemoReportSpec, Quirk } from './report-spec.ts';

export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Rendering state of one report: its quirks and a counter that makes variations deterministic. */
export interface MarkupContext {
  readonly quirks: ReadonlySet<Quirk>;
  readonly year: number;
  /** Word markup (`MsoNormal` paragraphs and styled spans) unless `bare-table`. */
  readonly word: boolean;
  next(): number;
}

export function markupContext(spec: DemoReportSpec): MarkupContext {
  let n = 0;
  const quirks = new Set(spec.quirks);
  return { quirks, year: spec.year, word: !quirks.has('bare-table'), next: () => n++ };
}

/** Where header labels break in Word when the column is narrow (index of the first char after `<br>`). */
const BREAKS: Readonly<Record<string, number>> = {
  本年新制作数量: 3,
  本年新公开数量: 3,
  对外公开总数量: 4,
  本年制发件数: 2,
  本年废止件数: 2,
  现行有效件数: 4,
  上一年项目数量: 3,
  处理决定数量: 4,
  商业企业: 2,
  科研机构: 2,
  社会公益组织: 2,
  法律服务机构: 2,
  结果维持: 2,
  结果纠正: 2,
  其他结果: 2,
  尚未审结: 2,
  未经复议直接起诉: 4,
  '三、本年度办理结果': 5,
};

/** Labels printed letter-spaced (`自 然 人`), as in seed 001. */
const SPACED = new Set(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);

function guidance(label: string, year: number): string {
  if (label === '规章') return '规章(设区的市、自治州人民政府应提供相关数据)';
  if (label === '上一年项目数量') return `上一年项目数量(指${year - 1}年事项数)`;
  return label;
}

const WORD_TEXT = "<span style='font-size:10.5pt;font-family:宋体'>";
const WORD_DIGITS = "<span lang=EN-US style='font-size:10.5pt;font-family:\"Times New Roman\"'>";

/** Split a text into 2–3 pieces at deterministic positions. */
function pieces(text: string, ctx: MarkupContext): string[] {
  const chars = [...text];
  if (chars.length < 4) return [text];
  const first = 1 + (ctx.next() % (chars.length - 2));
  const out = [chars.slice(0, first).join('')];
  const rest = chars.slice(first);
  if (rest.length >= 4) {
    const second = 1 + (ctx.next() % (rest.length - 1));
    out.push(rest.slice(0, second).join(''), rest.slice(second).join(''));
  } else out.push(rest.join(''));
  return out;
}

/** A label cell's inner HTML. `spaced` marks the table 3 applicant column headers. */
export function labelHtml(ctx: MarkupContext, raw: string, opts: { spaced?: boolean } = {}): string {
  const brAt = ctx.quirks.has('br-in-labels') ? BREAKS[raw] : undefined;
  const chars = [...raw];
  let segments = brAt === undefined ? [raw] : [chars.slice(0, brAt).join(''), chars.slice(brAt).join('')];
  segments = segments.map((seg, i) => {
    let text = seg;
    if (i === segments.length - 1 && ctx.quirks.has('guidance-in-labels')) {
      text = seg === raw ? guidance(raw, ctx.year) : seg + guidance(raw, ctx.year).slice(raw.length);
    }
    if (ctx.quirks.has('ascii-brackets')) text = text.replace(/（/g, '(').replace(/）/g, ')');
    if (opts.spaced && ctx.quirks.has('spaced-labels') && SPACED.has(raw)) text = [...text].join(' ');
    return text;
  });
  const split = ctx.quirks.has('split-spans');
  const wrap = (text: string): string => {
    const parts = split ? pieces(text, ctx) : [text];
    if (!ctx.word) return split ? parts.map((p) => `<span>${escapeHtml(p)}</span>`).join('') : escapeHtml(text);
    return parts.map((p) => `${WORD_TEXT}${escapeHtml(p)}</span>`).join('');
  };
  if (!split && ctx.word) return `${WORD_TEXT}${segments.map(escapeHtml).join('<br>')}</span>`;
  return segments.map(wrap).join('<br>');
}

const DASHES = ['-', '/', ''] as const;

function formatMoney(value: number, key: string, ctx: MarkupContext): string {
  if (!ctx.quirks.has('money-unit-in-cell')) return String(value);
  if (key === 't2.procurement.amount') return `${Math.round(value * 10000)}元`;
  return `${value}万元`;
}

/** The printed text of a value cell (no markup). */
export function numberText(ctx: MarkupContext, key: string, value: number | null): string {
  if (value === null) return ctx.quirks.has('dash-blanks') ? DASHES[ctx.next() % DASHES.length]! : '';
  if (key === 't2.fees.amount' || key === 't2.procurement.amount') return formatMoney(value, key, ctx);
  return String(value);
}

/** A value cell's inner HTML. */
export function numberHtml(ctx: MarkupContext, key: string, value: number | null): string {
  const text = numberText(ctx, key, value);
  const digitsOnly = /^-?\d+$/.test(text);
  let inner: string;
  if (ctx.quirks.has('split-spans') && digitsOnly && text.length >= 2) {
    const open = ctx.word ? WORD_DIGITS : '<span>';
    inner = [...text].map((d) => `${open}${d}</span>`).join('');
  } else if (ctx.word) {
    inner = text === '' ? `${WORD_DIGITS}<o:p>&nbsp;</o:p></span>` : `${/^[\d.-]+$/.test(text) ? WORD_DIGITS : WORD_TEXT}${escapeHtml(text)}</span>`;
  } else inner = escapeHtml(text);
  if (!ctx.quirks.has('padded-numbers') || text === '') return inner;
  return ctx.next() % 2 === 0 ? `&nbsp;${inner}&nbsp;` : ` ${inner} `;
}
