/** Columns of the wide export: the 2021 and 2019 templates' canonical keys, unioned, in table order. */
import { T2_KEYS, T3_COLUMNS, T3_ROWS, t4Keys } from '../../extract/template/keys.ts';

function union(...lists: readonly (readonly string[])[]): string[] {
  const out: string[] = [];
  for (const list of lists) for (const item of list) if (!out.includes(item)) out.push(item);
  return out;
}

/** t2 (2021 keys, then 2019-only keys), t3 rows of both templates × columns, t4. */
export function wideCanonicalKeys(): string[] {
  const t3Rows = union(T3_ROWS['2021'].slice(0, -2), T3_ROWS['2019'].slice(0, -2), ['total', 'carried_out']);
  return [...union(T2_KEYS['2021'], T2_KEYS['2019']), ...t3Rows.flatMap((row) => T3_COLUMNS.map((col) => `t3.${row}.${col}`)), ...t4Keys()];
}
