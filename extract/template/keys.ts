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

/**
 * The two printed forms of table 3: 25 rows with （六）其他处理 split into three sub-rows (the 2021 format), or 23 rows
 * with （六） as one row (the 2019 format). Either form occurs under either template (late and early adopters), and
 * each maps to its own keys: `t3.other.<col>` (23 rows) or `t3.other.{no_correction,no_fee,other}.<col>` (25 rows).
 */
export type T3Form = '25-row' | '23-row';

export const T3_FORM_ROWS: Readonly<Record<T3Form, readonly string[]>> = { '25-row': T3_ROWS['2021'], '23-row': T3_ROWS['2019'] };

/** The form a template's official table prints. */
export function defaultT3Form(template: '2021' | '2019'): T3Form {
  return template === '2021' ? '25-row' : '23-row';
}

/** The form a report's keys show (`t3.other.natural` → 23 rows, `t3.other.no_fee.natural` → 25), else the template's. */
export function t3FormOfKeys(template: '2021' | '2019', keys: Iterable<string>): T3Form {
  for (const key of keys) {
    if (!key.startsWith('t3.other.')) continue;
    return key.split('.').length === 3 ? '23-row' : '25-row';
  }
  return defaultT3Form(template);
}

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

export function t3Keys(template: '2021' | '2019', form: T3Form = defaultT3Form(template)): string[] {
  return T3_FORM_ROWS[form].flatMap((row) => T3_COLUMNS.map((col) => `t3.${row}.${col}`));
}

export function t4Keys(): string[] {
  return T4_GROUPS.flatMap((group) => T4_COLUMNS.map((col) => `t4.${group}.${col}`));
}

/**
 * Every canonical key of a template, in table order (2021: 10+175+15 = 200; 2019: 22+161+15 = 198; older: none);
 * `form` overrides the template's table-3 form (2021 with 23 rows: 186; 2019 with 25 rows: 212).
 */
export function templateKeys(template: TemplateVersion, form?: T3Form): string[] {
  if (template === 'older') return [];
  return [...T2_KEYS[template], ...t3Keys(template, form), ...t4Keys()];
}

/** Every canonical key of a report: its template's, with table 3 in the form its keys show (t3FormOfKeys). */
export function reportKeys(template: TemplateVersion, keys: Iterable<string>): string[] {
  if (template === 'older') return [];
  return templateKeys(template, t3FormOfKeys(template, keys));
}
