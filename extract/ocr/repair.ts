/**
 * Arithmetic repair: a single misread breaks one row sum and one column sum. Where the alternative readings of the
 * suspect cells give exactly one combination that satisfies every check of the table, that combination is taken
 * and recorded; otherwise nothing changes and the cells are left for review. Confident values are never candidates,
 * so a table whose printed numbers do not add up comes out as printed.
 */
import { runChecks, type CheckedTable } from '../checks/run-checks.ts';
import type { CheckResult } from '../types.ts';
import { templateKeys } from '../template/keys.ts';
import type { Template } from './labels.ts';

type Cells = Record<string, number | null>;

export interface Repair {
  readonly key: string;
  readonly from: number | null;
  readonly to: number;
}

export interface RepairOutcome {
  readonly cells: Cells;
  readonly repairs: readonly Repair[];
  /** Per table: ok (nothing failed), repaired, ambiguous (several combinations fit), unrepairable. */
  readonly status: Readonly<Partial<Record<CheckedTable, 'ok' | 'repaired' | 'ambiguous' | 'unrepairable'>>>;
  readonly checks: readonly CheckResult[];
}

const membershipCache = new Map<Template, Map<string, string[]>>();

/** Check ids each key takes part in (found by perturbing the key once), for either form of table 3. */
export function checkMembership(template: Template): Map<string, string[]> {
  const cached = membershipCache.get(template);
  if (cached) return cached;
  const out = new Map<string, string[]>();
  for (const form of ['25-row', '23-row'] as const) {
    const keys = templateKeys(template, form);
    const zero: Cells = Object.fromEntries(keys.map((k) => [k, 0]));
    const base = runChecks(template, zero);
    for (const key of keys) {
      const after = runChecks(template, { ...zero, [key]: 1 });
      const ids = after.filter((c, i) => c.left !== base[i]!.left || c.right !== base[i]!.right).map((c) => c.id);
      if (ids.length > 0) out.set(key, ids);
    }
  }
  membershipCache.set(template, out);
  return out;
}

const tableOfCheck = (id: string): CheckedTable => (id.startsWith('t4.') ? 't4' : 't3');

export interface RepairOptions {
  /** Tables not checked (absent or incomplete). */
  readonly skip?: readonly CheckedTable[];
  /** Most combinations tried per table. Default 20 000. */
  readonly maxCombinations?: number;
  /**
   * Glyph count of suspect cells. When given, a suspect may also take the value a failing check implies for it
   * (solving the identity for that one cell), provided the value has that many digits.
   */
  readonly glyphCounts?: ReadonlyMap<string, number>;
}

/** Value of `key` that would make check `id` hold, other cells unchanged, or null. */
function implied(template: Template, cells: Cells, key: string, id: string): number | null {
  const before = runChecks(template, cells).find((c) => c.id === id);
  const after = runChecks(template, { ...cells, [key]: (cells[key] ?? 0) + 1 }).find((c) => c.id === id);
  if (before === undefined || after === undefined) return null;
  const onLeft = after.left !== before.left;
  const value = (cells[key] ?? 0) + (onLeft ? before.right - before.left : before.left - before.right);
  return Number.isInteger(value) && value >= 0 ? value : null;
}

/**
 * `candidates`: for suspect keys only, alternative values (other than the current one), best first.
 */
export function repairByChecks(
  template: Template,
  cells: Readonly<Cells>,
  candidates: ReadonlyMap<string, readonly (number | null)[]>,
  options: RepairOptions = {},
): RepairOutcome {
  const skip = options.skip ?? [];
  const limit = options.maxCombinations ?? 20_000;
  const current: Cells = { ...cells };
  const membership = checkMembership(template);
  const repairs: Repair[] = [];
  const status: Partial<Record<CheckedTable, 'ok' | 'repaired' | 'ambiguous' | 'unrepairable'>> = {};
  for (const table of (['t3', 't4'] as const).filter((t) => !skip.includes(t))) {
    const otherTables = (['t3', 't4'] as const).filter((t) => t !== table);
    const checksOf = (c: Cells): CheckResult[] => runChecks(template, c, [...skip, ...otherTables]);
    const failing = new Set(checksOf(current).filter((c) => !c.ok).map((c) => c.id));
    if (failing.size === 0) {
      status[table] = 'ok';
      continue;
    }
    const inTable = (key: string): boolean => (membership.get(key) ?? []).some((id) => failing.has(id) && tableOfCheck(id) === table);
    const pool = new Map<string, (number | null)[]>();
    for (const [key, alts] of candidates) if (inTable(key)) pool.set(key, [...alts]);
    for (const [key, glyphs] of options.glyphCounts ?? []) {
      if (!inTable(key)) continue;
      const alts = pool.get(key) ?? [];
      for (const id of (membership.get(key) ?? []).filter((i) => failing.has(i))) {
        const v = implied(template, current, key, id);
        if (v !== null && String(v).length === glyphs && !alts.includes(v)) alts.push(v);
      }
      if (alts.length > 0) pool.set(key, alts);
    }
    let suspects = [...pool.entries()].filter(([, alts]) => alts.length > 0);
    if (suspects.length > 8) suspects = suspects.filter(([key]) => (membership.get(key) ?? []).every((id) => failing.has(id)));
    // Every check a suspect takes part in must hold; checks elsewhere (a printed typo) may still fail.
    const watched = new Set(suspects.flatMap(([key]) => membership.get(key) ?? []));
    const options2 = suspects.map(([key, alts]) => [current[key] ?? null, ...alts.filter((a) => a !== (current[key] ?? null))]);
    const combos = options2.reduce((n, o) => n * o.length, 1);
    if (suspects.length === 0 || combos > limit) {
      status[table] = 'unrepairable';
      continue;
    }
    const solutions: (number | null)[][] = [];
    const pick = new Array<number>(suspects.length).fill(0);
    for (let n = 0; n < combos; n++) {
      let rest = n;
      for (let i = 0; i < suspects.length; i++) {
        pick[i] = rest % options2[i]!.length;
        rest = Math.floor(rest / options2[i]!.length);
      }
      if (pick.every((p) => p === 0)) continue;
      const trial: Cells = { ...current };
      suspects.forEach(([key], i) => (trial[key] = options2[i]![pick[i]!]!));
      if (checksOf(trial).every((c) => c.ok || !watched.has(c.id))) {
        solutions.push(pick.map((p, i) => options2[i]![p]!));
        if (solutions.length > 1) break;
      }
    }
    if (solutions.length !== 1) {
      status[table] = solutions.length === 0 ? 'unrepairable' : 'ambiguous';
      continue;
    }
    suspects.forEach(([key], i) => {
      const to = solutions[0]![i]!;
      if (to !== (current[key] ?? null) && to !== null) {
        repairs.push({ key, from: current[key] ?? null, to });
        current[key] = to;
      }
    });
    status[table] = 'repaired';
  }
  return { cells: current, repairs, status, checks: runChecks(template, current, skip) };
}
