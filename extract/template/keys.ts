/**
 * Canonical cell keys of the national report templates (国办公开办函〔2019〕60号 and 〔2021〕30号).
 * Keys are the archive's vocabulary: the same key means the same thing across templates.
 */
import type { TemplateVersion } from '../types.ts';

export const T3_COLUMNS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org', 'total'] as const;
export type T3Column = (typeof T3_COLUMNS)[number];

/** The six applicant columns whose sum is `total`. */
export const T3_APPLICANT_COLUMNS = T3_COLUMNS.filter((c) => c !== 'total');

const T3_ROWS_HEAD = [
  'new',
  'carried_in',
  'disclosed',
  'partial',
  'withheld.secret',
  'withheld.law',
  'withheld.safety',
  'withheld.third_party',
  'withheld.internal',
  'withheld.process',
  'withheld.enforcement',
  'withheld.query',
  'unable.not_held',
  'unable.needs_creation',
  'unable.unclear',
  'rejected.petition',
  'rejected.repeat',
  'rejected.publication',
  'rejected.mass',
  'rejected.confirm',
] as const;

/** Table 3 rows top to bottom, per template (2021: 25 rows, 2019: 23). */
export const T3_ROWS: Readonly<Record<'2021' | '2019', readonly string[]>> = {
  '2021': [...T3_ROWS_HEAD, 'other.no_correction', 'other.no_fee', 'other.other', 'total', 'carried_out'],
  '2019': [...T3_ROWS_HEAD, 'other', 'total', 'carried_out'],
};

export const T4_GROUPS = ['review', 'suit_direct', 'suit_after_review'] as const;
export const T4_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;

/** Table 2 keys per template, in printed order. */
export const T2_KEYS: Readonly<Record<'2021' | '2019', readonly string[]>> = {
  '2021': [
    't2.rules.issued',
    't2.rules.repealed',
    't2.rules.in_force',
    't2.normative.issued',
    't2.normative.repealed',
    't2.normative.in_force',
    't2.licensing.decisions',
    't2.penalty.decisions',
    't2.coercion.decisions',
    't2.fees.amount',
  ],
  '2019': [
    't2.rules.made',
    't2.rules.published',
    't2.rules.total',
    't2.normative.made',
    't2.normative.published',
    't2.normative.total',
    't2.licensing.prev_items',
    't2.licensing.change',
    't2.licensing.decisions',
    't2.other_services.prev_items',
    't2.other_services.change',
    't2.other_services.decisions',
    't2.penalty.prev_items',
    't2.penalty.change',
    't2.penalty.decisions',
    't2.coercion.prev_items',
    't2.coercion.change',
    't2.coercion.decisions',
    't2.fees.prev_items',
    't2.fees.change',
    't2.procurement.items',
    't2.procurement.amount',
  ],
};

/** Keys whose values are money, stored in 万元. */
export const MONEY_KEYS: ReadonlySet<string> = new Set(['t2.fees.amount', 't2.procurement.amount']);

export function t3Keys(template: '2021' | '2019'): string[] {
  return T3_ROWS[template].flatMap((row) => T3_COLUMNS.map((col) => `t3.${row}.${col}`));
}

export function t4Keys(): string[] {
  return T4_GROUPS.flatMap((group) => T4_COLUMNS.map((col) => `t4.${group}.${col}`));
}

/** Every canonical key of a template, in table order (2021: 10+175+15 = 200; 2019: 22+161+15 = 198; older: none). */
export function templateKeys(template: TemplateVersion): string[] {
  if (template === 'older') return [];
  return [...T2_KEYS[template], ...t3Keys(template), ...t4Keys()];
}
