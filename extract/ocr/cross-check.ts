/**
 * Two independent readers per number. A cell is contested when the engines read different values, or either is
 * unsure; its candidates are both readings. The table's checks then decide: within each group of contested cells
 * that share checks, every combination of candidates is tried, and a combination is taken only when it is the
 * single one under which every check of those cells holds. Cells in no check (table 2, a table only partly shown)
 * have nothing to decide them: they stay contested (flagged).
 */
import { runChecks, type CheckedTable } from '../checks/run-checks.ts';
import type { Template } from './labels.ts';
import { checkMembership } from './repair.ts';

type Cells = Record<string, number | null>;

export interface EngineReading {
  readonly engine: string;
  /** As the engine returned it (charset-filtered). */
  readonly text: string;
  readonly confidence: number;
  /** Parsed under the cell's charset; null when it does not parse. */
  readonly value: number | null;
}

const UNIT = /(万元|元)$/;

/**
 * The value a reading without the printed unit has when the other reading shows the same digits with their unit
 * (tesseract's eng model has no 万/元: `251000` beside PP-OCR's `251000元`), else its own value.
 */
export function withUnitOf(bare: EngineReading, withUnit: EngineReading): EngineReading {
  if (UNIT.test(bare.text) || !UNIT.test(withUnit.text)) return bare;
  return withUnit.text.replace(UNIT, '') === bare.text ? { ...bare, value: withUnit.value } : bare;
}

/** Candidate values of a cell when the two readings do not settle it, else null (agreed and both sure). */
export function contestedCandidates(
  primary: EngineReading,
  second: EngineReading,
  unsureBelow: { readonly primary: number; readonly second: number },
): number[] | null {
  const agree = primary.value !== null && primary.value === second.value;
  if (agree && primary.confidence >= unsureBelow.primary && second.confidence >= unsureBelow.second) return null;
  return [...new Set([primary.value, second.value].filter((v): v is number => v !== null))];
}

export interface Resolution {
  /** Contested keys the checks settled on exactly one candidate (which may equal the current value). */
  readonly picks: ReadonlyMap<string, number>;
  /** Contested keys the checks could not settle (no checks, none or several combinations fit, too many). */
  readonly unresolved: ReadonlySet<string>;
}

/** Most search steps per group (a step = one candidate tried for one cell); a larger search stays unresolved. */
const MAX_STEPS = 50_000;

/** Groups of keys linked by shared checks (union–find over check ids). */
function groupsByChecks(keys: readonly string[], membership: ReadonlyMap<string, readonly string[]>): string[][] {
  const parent = new Map(keys.map((k) => [k, k]));
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(k, r);
    return r;
  };
  const byCheck = new Map<string, string>();
  for (const key of keys) {
    for (const id of membership.get(key) ?? []) {
      const other = byCheck.get(id);
      if (other === undefined) byCheck.set(id, key);
      else parent.set(find(key), find(other));
    }
  }
  const groups = new Map<string, string[]>();
  for (const key of keys) groups.set(find(key), [...(groups.get(find(key)) ?? []), key]);
  return [...groups.values()];
}

export function resolveByChecks(
  template: Template,
  cells: Readonly<Cells>,
  contested: ReadonlyMap<string, readonly number[]>,
  skip: readonly CheckedTable[],
): Resolution {
  const membership = checkMembership(template);
  const checked = (key: string): boolean => {
    const table = key.slice(0, 2);
    return (table === 't3' || table === 't4') && !skip.includes(table) && (membership.get(key)?.length ?? 0) > 0;
  };
  const picks = new Map<string, number>();
  const unresolved = new Set<string>();
  for (const key of contested.keys()) if (!checked(key)) unresolved.add(key);
  const decidable = [...contested.keys()].filter(checked);
  for (const group of groupsByChecks(decidable, membership)) {
    const solutions = solveGroup(template, cells, group, contested, membership, skip);
    if (solutions !== null && solutions.length === 1) group.forEach((k, i) => picks.set(k, solutions[0]![i]!));
    else group.forEach((k) => unresolved.add(k));
  }
  return { picks, unresolved };
}

/**
 * Up to two assignments of the group's candidates under which every check of the group holds (null when the search
 * is too large). Backtracking in key order: a check is tested as soon as its last contested cell is assigned, so a
 * table with dozens of contested cells (a font tesseract misreads throughout) is searched row by row.
 */
function solveGroup(
  template: Template,
  cells: Readonly<Cells>,
  group: readonly string[],
  contested: ReadonlyMap<string, readonly number[]>,
  membership: ReadonlyMap<string, readonly string[]>,
  skip: readonly CheckedTable[],
): number[][] | null {
  const options = group.map((k) => contested.get(k)!);
  if (options.some((o) => o.length === 0)) return [];
  // Checks to test after assigning group[d]: those whose last contested cell is group[d].
  const lastOf = new Map<string, number>();
  group.forEach((k, d) => (membership.get(k) ?? []).forEach((id) => lastOf.set(id, d)));
  const closing = group.map((_, d) => new Set([...lastOf].filter(([, last]) => last === d).map(([id]) => id)));
  const trial: Cells = { ...cells };
  const pick: number[] = new Array<number>(group.length).fill(0);
  const solutions: number[][] = [];
  let steps = 0;
  const search = (d: number): boolean => {
    if (d === group.length) {
      solutions.push([...pick]);
      return solutions.length < 2;
    }
    for (const value of options[d]!) {
      if (++steps > MAX_STEPS) return false;
      trial[group[d]!] = value;
      pick[d] = value;
      const ids = closing[d]!;
      const holds = ids.size === 0 || runChecks(template, trial, skip).every((c) => c.ok || !ids.has(c.id));
      if (holds && !search(d + 1)) return false;
    }
    return true;
  };
  search(0);
  return steps > MAX_STEPS ? null : solutions;
}
