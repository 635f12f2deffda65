/**
 * The one label matcher of the table mappings (HTML pages, and through them PDF, DOCX, DOC/WPS, XLS(X) and
 * flip-book text rows): a printed label is matched to a vocabulary entry by meaning, not equality.
 *
 * 1. Meaning fragments: an entry matches when the label holds one of its key phrases (`不掌握`, `三安全一稳定`), so
 *    numbering (missing, `（1）`, `1、`), spaces, brackets, guidance in parentheses and extra words do not matter.
 * 2. Failing that, similarity to the entry's wordings (official and known variants): characters dropped or misread
 *    (OCR, lost `<span>` text) or a shortened wording still match, if the best entry is clearly better than the
 *    next (a margin), so an ambiguous label is left unmatched (and reported) rather than guessed.
 */
import { labelKey } from '../html/normalize-label.ts';

export interface VocabularyEntry<Id extends string> {
  readonly id: Id;
  /** Key phrases; any one contained in the label identifies the entry. */
  readonly fragments: readonly string[];
  /** Full wordings (official first) for the similarity fallback. */
  readonly wordings: readonly string[];
}

export interface LabelMatch<Id extends string> {
  readonly id: Id;
  /** 1 for a fragment match, else the similarity 0..1. */
  readonly score: number;
  readonly by: 'fragment' | 'similarity';
}

export interface MatchOptions {
  /** Least similarity accepted by the fallback. Default 0.6. */
  readonly minSimilarity?: number;
  /** Least lead of the best entry over the next one. Default 0.12. */
  readonly margin?: number;
}

/** Punctuation that carries no meaning in a label (after NFKC). */
const NOISE = /["'“”‘’、,，.。:：;；!！?？·_\-—~()[\]{}<>《》〈〉]/g;

/**
 * Leading enumerators: `一、` `(三)` `1.` `1、` `(1)` `①`, and a bare number (an OCR'd `1.` without its dot). A
 * Chinese numeral needs its punctuation or brackets, so `三安全一稳定` and `四类过程性信息` keep theirs.
 */
const ENUMERATORS = /^(?:[一二三四五六七八九十]+[、.,:]|\([一二三四五六七八九十]+\)|\(\d{1,2}\)|\d{1,2}[、.,:]?|[①-⑳])+/;

/** Compare form: normalised (NFKC, no whitespace, guidance dropped), enumerators and punctuation removed. */
export function matchForm(label: string): string {
  return labelKey(label).replace(ENUMERATORS, '').replace(NOISE, '');
}

function lcsLength(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j += 1) cur[j] = a[i - 1] === b[j - 1] ? (prev[j - 1] ?? 0) + 1 : Math.max(prev[j] ?? 0, cur[j - 1] ?? 0);
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/**
 * Similarity 0..1 of two labels in compare form: the common subsequence over the mean length (Dice on the LCS), so
 * a dropped character costs little and a label that is a shortened form of a wording still scores well.
 */
export function labelSimilarity(a: string, b: string): number {
  return formSimilarity(matchForm(a), matchForm(b));
}

function formSimilarity(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  if (x.length === 0 || y.length === 0) return 0;
  return (2 * lcsLength(x, y)) / (x.length + y.length);
}

/** Does a label in compare form hold the key phrase? */
function formHolds(form: string, fragment: string): boolean {
  const f = fragment.replace(NOISE, '');
  return f !== '' && form.includes(f);
}

/** The entry a label means, or null when none or more than one fit. */
export function matchLabel<Id extends string>(label: string, vocabulary: readonly VocabularyEntry<Id>[], options: MatchOptions = {}): LabelMatch<Id> | null {
  const form = matchForm(label);
  if (form === '') return null;
  const byFragment = vocabulary.filter((e) => e.fragments.some((f) => formHolds(form, f)));
  if (byFragment.length === 1 && byFragment[0] !== undefined) return { id: byFragment[0].id, score: 1, by: 'fragment' };
  const pool = byFragment.length > 1 ? byFragment : vocabulary;
  const scored = pool
    .map((e) => ({ id: e.id, score: Math.max(0, ...e.wordings.map((w) => formSimilarity(form, matchForm(w)))) }))
    .sort((a, b) => b.score - a.score);
  const [best, next] = scored;
  if (best === undefined || best.score < (options.minSimilarity ?? 0.6)) return null;
  if (next !== undefined && best.score - next.score < (options.margin ?? 0.12)) return null;
  return { id: best.id, score: best.score, by: 'similarity' };
}
