/**
 * Which national format a report follows: table labels first, then the cited format document, then the year.
 * Table 2 and table 3 vote separately; when they disagree (late adopters) the document and the year break the tie.
 * Table 3 alone (table 2 in an image, say) yields to a cited document that says otherwise, since its form is
 * printed under either template.
 */
import type { TemplateVersion } from '../types.ts';
import type { FoundTable } from '../html/find-tables.ts';
import { gridTexts } from '../html/grid.ts';
import { hasAny, labelKey, normalizeLabel } from '../html/normalize-label.ts';

type Vote = '2021' | '2019' | null;

export interface TemplateDecision {
  readonly template: TemplateVersion;
  readonly warnings: readonly string[];
}

export interface TemplateEvidence {
  readonly t2: readonly FoundTable[];
  readonly t3: readonly FoundTable[];
  /** Body text, any normalisation. */
  readonly text: string;
  readonly year: number | null;
}

/** Vote of table 2 from its labels. */
export function voteTable2(tables: readonly FoundTable[]): Vote {
  const labels = tables.flatMap((t) => gridTexts(t.grid).map(labelKey));
  const joined = labels.join('|');
  let score = 0;
  for (const f of ['制发件数', '废止件数', '现行有效', '行政规范性文件', '收费金额']) if (joined.includes(f)) score += 1;
  for (const f of ['新制作数量', '新公开数量', '公开总数量', '其他对外管理服务', '集中采购', '上一年项目']) if (joined.includes(f)) score -= 1;
  if (labels.some((l) => /^(?:\d+[.、])?规范性文件$/.test(l))) score -= 1;
  return score > 0 ? '2021' : score < 0 ? '2019' : null;
}

/** Vote of table 3: （六）其他处理 split into 3 sub-rows (2021) or a single row (2019). */
export function voteTable3(tables: readonly FoundTable[]): Vote {
  const joined = tables.flatMap((t) => gridTexts(t.grid).map(labelKey)).join('|');
  if (tables.length === 0) return null;
  if (hasAny(joined, ['逾期不补正', '收费通知', '缴纳费用'])) return '2021';
  if (joined.includes('其他处理')) return '2019';
  return null;
}

/** Vote of the cited format document: 国办公开办函〔2021〕30号 / 〔2019〕60号. */
export function voteDocument(text: string): Vote {
  const t = normalizeLabel(text);
  if (/\[2021\]30号/.test(t)) return '2021';
  if (/\[2019\]60号/.test(t)) return '2019';
  return null;
}

export function templateOfYear(year: number | null): TemplateVersion | null {
  if (year === null) return null;
  if (year >= 2021) return '2021';
  if (year >= 2019) return '2019';
  return 'older';
}

function majority(votes: readonly Vote[]): Vote {
  const n2021 = votes.filter((v) => v === '2021').length;
  const n2019 = votes.filter((v) => v === '2019').length;
  return n2021 > n2019 ? '2021' : n2019 > n2021 ? '2019' : null;
}

export function detectTemplate(evidence: TemplateEvidence): TemplateDecision {
  const t2 = voteTable2(evidence.t2);
  const t3 = voteTable3(evidence.t3);
  const doc = voteDocument(evidence.text);
  const byYear = templateOfYear(evidence.year);
  const yearVote: Vote = byYear === 'older' ? null : byYear;
  if (t2 !== null && t3 !== null && t2 !== t3) {
    const template = majority([t2, t3, doc, yearVote]) ?? t3;
    return {
      template,
      warnings: [`mixed template: table 2 looks ${t2}, table 3 looks ${t3}; using ${template}`],
    };
  }
  if (t2 !== null) return { template: t2, warnings: [] };
  if (t3 !== null) {
    // Table 3's form (（六） as one row or three) occurs under either template: the cited format outranks it.
    if (doc !== null && doc !== t3) return { template: doc, warnings: [`table 3 has the ${t3} form of （六）其他处理, the cited format is ${doc}; using ${doc}`] };
    return { template: t3, warnings: [] };
  }
  if (doc !== null) return { template: doc, warnings: [] };
  if (byYear !== null) return { template: byYear, warnings: [] };
  return { template: '2021', warnings: ['template undetermined (no tables, no cited format, no year); assuming 2021'] };
}
