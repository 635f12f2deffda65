/**
 * 内容雷同: how much of this year's prose repeats last year's. Text is normalised (NFKC; whitespace, digits and
 * punctuation removed, so changed numbers and years do not hide a copy), cut into overlapping 4-character shingles,
 * and compared with the Jaccard index |A∩B| / |A∪B|. At or above SIMILARITY_THRESHOLD the report is flagged.
 */
import type { ReportSection } from '../../extract/types.ts';

/** Jaccard index at or above which two years' prose are flagged as copied (documented in the README). */
export const SIMILARITY_THRESHOLD = 0.8;
export const SHINGLE_LENGTH = 4;

/** Prose parts compared: 一 总体情况, 五 问题与改进, 六 其他事项 (the tables' labels are the same every year by design). */
const PROSE_PARTS = new Set([1, 5, 6]);

export function normaliseForSimilarity(text: string): string {
  return text.normalize('NFKC').replace(/[\s\d\p{P}\p{S}]+/gu, '');
}

export function shingles(text: string, length = SHINGLE_LENGTH): Set<string> {
  const chars = [...text];
  const out = new Set<string>();
  if (chars.length === 0) return out;
  if (chars.length < length) {
    out.add(chars.join(''));
    return out;
  }
  for (let i = 0; i + length <= chars.length; i += 1) out.add(chars.slice(i, i + length).join(''));
  return out;
}

/** Jaccard index of the two texts' shingle sets, 0..1 (two empty texts: 0, nothing to compare). */
export function textSimilarity(a: string, b: string): number {
  const sa = shingles(normaliseForSimilarity(a));
  const sb = shingles(normaliseForSimilarity(b));
  if (sa.size === 0 || sb.size === 0) return 0;
  let common = 0;
  for (const s of sa) if (sb.has(s)) common += 1;
  return common / (sa.size + sb.size - common);
}

/** The prose a report is compared on: its parts 一, 五, 六 when found, else its whole text. */
export function proseOf(sections: readonly ReportSection[], fullText: string): string {
  const prose = sections.filter((s) => s.part !== null && PROSE_PARTS.has(s.part)).map((s) => s.text);
  return prose.join('\n').trim() === '' ? fullText : prose.join('\n');
}
