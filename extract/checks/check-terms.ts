/** The cells a check adds up on each side, from its id (`t3.balance.<col>`, `t3.results.<col>`, `t3.row.<row>`, `t4.sum.<group>`), for highlighting. */
import { T3_APPLICANT_COLUMNS, T3_ROWS, T4_COLUMNS } from '../template/keys.ts';
import type { TemplateVersion } from '../types.ts';

export interface CheckTerms {
  readonly left: readonly string[];
  readonly right: readonly string[];
}

export function checkTerms(checkId: string, template: TemplateVersion): CheckTerms {
  if (template === 'older') return { left: [], right: [] };
  const rows = T3_ROWS[template];
  const [table, kind, ...rest] = checkId.split('.');
  const arg = rest.join('.');
  if (table === 't3' && kind === 'balance') return { left: [`t3.new.${arg}`, `t3.carried_in.${arg}`], right: [`t3.total.${arg}`, `t3.carried_out.${arg}`] };
  if (table === 't3' && kind === 'results') {
    return { left: [`t3.total.${arg}`], right: rows.slice(rows.indexOf('disclosed'), rows.indexOf('total')).map((row) => `t3.${row}.${arg}`) };
  }
  if (table === 't3' && kind === 'row') return { left: [`t3.${arg}.total`], right: T3_APPLICANT_COLUMNS.map((col) => `t3.${arg}.${col}`) };
  if (table === 't4' && kind === 'sum') return { left: [`t4.${arg}.total`], right: T4_COLUMNS.filter((c) => c !== 'total').map((c) => `t4.${arg}.${c}`) };
  return { left: [], right: [] };
}
