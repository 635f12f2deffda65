/**
 * Label normalisation for matching printed table labels and headings by meaning.
 * NFKC folds fullwidth forms (（一） → (一), ０ → 0); we then drop all whitespace
 * (`自 然 人`, `本年新<br>制作数量`), unify brackets and quotes, and optionally drop
 * guidance text in parentheses (`规章(设区的市…应提供相关数据)`).
 */

const BRACKETS: ReadonlyArray<readonly [RegExp, string]> = [
  [/[〔［【\[{｛]/g, '['],
  [/[〕］】\]}｝]/g, ']'],
  [/[“”„‟〝〞＂″]/g, '"'],
  [/[‘’‚‛′＇]/g, "'"],
  [/[—–―─－‐‑]/g, '-'],
];

/** Collapse runs of whitespace (including NBSP and ideographic space) to one ASCII space, trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, ' ').trim();
}

/** Remove every whitespace character (CJK text does not use spaces between words). */
export function stripWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '');
}

/** NFKC + no whitespace + unified brackets and quotes. */
export function normalizeLabel(text: string): string {
  let out = stripWhitespace(text.normalize('NFKC'));
  for (const [pattern, replacement] of BRACKETS) out = out.replace(pattern, replacement);
  return out;
}

/** Enumerators kept when guidance is dropped: `(一)`, `(3)`. */
const ENUMERATOR = /^\((?:[一二三四五六七八九十]+|\d+)\)$/;

/**
 * Drop parenthesised guidance from an already normalised label, keeping enumerators:
 * `(三)不予公开` stays, `规章(设区的市、自治州人民政府应提供相关数据)` → `规章`.
 */
export function dropGuidance(label: string): string {
  return label.replace(/\([^()]*\)/g, (group) => (ENUMERATOR.test(group) ? group : '')).trim();
}

/** Normalise and drop guidance in one go. */
export function labelKey(text: string): string {
  return dropGuidance(normalizeLabel(text));
}

/** Drop leading enumerators such as `一、`, `(三)`, `1.`, `2、` from a normalised label. */
export function stripEnumerator(label: string): string {
  return label.replace(/^(?:[一二三四五六七八九十]+[、.,:]?|\((?:[一二三四五六七八九十]+|\d+)\)|\d+[.、,:]?)+/, '');
}

/** True when the label contains any of the fragments. */
export function hasAny(label: string, fragments: readonly string[]): boolean {
  return fragments.some((f) => label.includes(f));
}
