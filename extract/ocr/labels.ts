/**
 * Label vocabulary of the three tables (the printed wording of 国办公开办函〔2019〕60号 / 〔2021〕30号) and fuzzy
 * matching of OCR'd labels against it. Labels only have to identify a row, so a similarity on normalised text
 * (edit distance) plus an order-preserving alignment is enough even at 10–20 % character errors. The wording of
 * table 3's rows is the one vocabulary of the table mappings (extract/template/t3-labels.ts).
 */
import { T2_KEYS, T3_ROWS } from '../template/keys.ts';
import { T2_GROUP_LABELS } from '../template/t2-labels.ts';
import { T3_ROW_WORDING } from '../template/t3-labels.ts';

export type Template = '2021' | '2019';

export function t3RowLabels(template: Template): { key: string; label: string }[] {
  return T3_ROWS[template].map((key) => ({ key, label: T3_ROW_WORDING[key] ?? key }));
}

/** Table-2 data rows per template: label and the keys of its value cells, left to right. */
export function t2Rows(template: Template): { group: string; label: string; keys: string[] }[] {
  const groups: string[] = [];
  for (const key of T2_KEYS[template]) {
    const group = key.split('.')[1]!;
    if (!groups.includes(group)) groups.push(group);
  }
  return groups.map((group) => ({
    group,
    label: template === '2021' && group === 'normative' ? '行政规范性文件' : T2_GROUP_LABELS[group]!,
    keys: T2_KEYS[template].filter((k) => k.split('.')[1] === group),
  }));
}

/** Normalise for comparison: NFKC, no whitespace or punctuation, brackets and quotes dropped, 0/O-style slips kept. */
export function normaliseOcrLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[()（）\[\]【】“”"'‘’、，,。.·:：;；|!！_—\-~]/g, '');
}

/**
 * A table-2 label with its trailing parenthesised note cut off: provincial forms print guidance inside the label
 * (`规章(设区的市、自治州人民政府应提供相关数据)`), which would otherwise outweigh the two characters that name the row.
 */
export function withoutNote(text: string): string {
  const i = text.search(/[（(]/);
  return i > 0 ? text.slice(0, i) : text;
}

export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length]!;
}

/**
 * Similarity 0..1 of an OCR'd label to a canonical one. When `prefixOnly`, the OCR text may be a truncated
 * reading (first line of a wrapped label) and is compared with the canonical prefix of the same length.
 */
export function labelSimilarity(ocr: string, canonical: string, prefixOnly = false): number {
  const a = normaliseOcrLabel(ocr);
  let b = normaliseOcrLabel(canonical);
  if (a.length === 0 || b.length === 0) return 0;
  if (prefixOnly && [...a].length < [...b].length) b = [...b].slice(0, Math.max([...a].length, 2)).join('');
  return 1 - editDistance(a, b) / Math.max([...a].length, [...b].length);
}

export interface Alignment {
  /** For each observed label, the index of the canonical label it matched, or -1 (extra row). */
  readonly match: readonly number[];
  /** Sum of similarities of matched pairs. */
  readonly score: number;
}

/**
 * Order-preserving alignment of observed labels to canonical ones (both top to bottom). Observed rows may skip
 * canonical rows (a partial table) and may be left unmatched (an extra subtotal row), at a small cost.
 */
export function alignLabels(
  observed: readonly string[],
  canonical: readonly string[],
  options: { readonly minSimilarity?: number; readonly prefixOnly?: boolean } = {},
): Alignment {
  const min = options.minSimilarity ?? 0.25;
  const n = observed.length;
  const m = canonical.length;
  const sim = observed.map((o) => canonical.map((c) => labelSimilarity(o, c, options.prefixOnly)));
  // dp[i][j]: best score aligning observed[0..i) with canonical[0..j).
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const from: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = 1; i <= n; i++) {
    dp[i]![0] = dp[i - 1]![0]! - 0.2;
    from[i]![0] = 1;
  }
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const s = sim[i - 1]![j - 1]!;
      const options3 = [s >= min ? dp[i - 1]![j - 1]! + s : -Infinity, dp[i - 1]![j]! - 0.2, dp[i]![j - 1]!];
      const best = Math.max(...options3);
      dp[i]![j] = best;
      from[i]![j] = options3.indexOf(best);
    }
  }
  const match = new Array<number>(n).fill(-1);
  let i = n;
  let j = m;
  while (i > 0) {
    const step = j === 0 ? 1 : from[i]![j]!;
    if (step === 0) {
      match[i - 1] = j - 1;
      i--;
      j--;
    } else if (step === 1) i--;
    else j--;
  }
  return { match, score: dp[n]![m]! };
}
