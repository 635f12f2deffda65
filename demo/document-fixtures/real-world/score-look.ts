/**
 * A look's extraction against what it prints: cells right (value as printed, blank as null, a row the report does
 * not print named by E_ROW_NOT_FOUND), tables entirely right, and wrong values left unflagged (a wrong cell is
 * flagged when a failing check covers it or a named problem lists it). Also whether the template, the failing
 * checks and the named problems are the ones written in the look.
 */
import { T2_KEYS, T3_APPLICANT_COLUMNS, T3_COLUMNS, T3_FORM_ROWS, t4Keys, T4_COLUMNS, type T3Form } from '../../../extract/template/keys.ts';
import { reportProblems } from '../../../extract/template/report-problems.ts';
import type { ExtractedReport } from '../../../extract/types.ts';
import type { Look } from './look.ts';

export type LookTable = 't2' | 't3' | 't4';

/** Every canonical key of the look → the value it must come out as (written in the look, never read back). */
export function expectedCells(look: Look): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const key of T2_KEYS[look.template]) out.set(key, look.t2[key]?.value ?? null);
  const omitted = new Set(look.t3.omit ?? []);
  for (const row of T3_FORM_ROWS[look.t3.form]) {
    T3_COLUMNS.forEach((col, i) => out.set(`t3.${row}.${col}`, omitted.has(row) ? null : (look.t3.rows[row]?.[i] ?? null)));
  }
  t4Keys().forEach((key, i) => out.set(key, look.t4[i] ?? null));
  return out;
}

/** The keys an arithmetic check adds up (see extract/checks/run-checks.ts). */
export function checkKeys(id: string, form: T3Form): string[] {
  const rows = T3_FORM_ROWS[form];
  const [table, kind, arg] = id.split('.') as [string, string, string];
  if (table === 't4') return T4_COLUMNS.map((c) => `t4.${arg}.${c}`);
  if (kind === 'balance') return ['new', 'carried_in', 'total', 'carried_out'].map((r) => `t3.${r}.${arg}`);
  if (kind === 'results') return rows.slice(rows.indexOf('disclosed'), rows.indexOf('total') + 1).map((r) => `t3.${r}.${arg}`);
  const row = id.slice('t3.row.'.length);
  return [...T3_APPLICANT_COLUMNS, 'total'].map((c) => `t3.${row}.${c}`);
}

export interface WrongCell {
  readonly key: string;
  readonly expected: number | null;
  readonly got: number | null | undefined;
  readonly flagged: boolean;
}

export interface LookScore {
  readonly look: string;
  readonly heldOut: boolean;
  readonly cells: number;
  readonly right: number;
  readonly tables: number;
  readonly tablesRight: number;
  readonly wrong: readonly WrongCell[];
  readonly wrongUnflagged: number;
  readonly templateRight: boolean;
  /** Failing checks the look does not expect, and expected ones that do not fail. */
  readonly checksUnexpected: readonly string[];
  readonly checksMissed: readonly string[];
  /** Expected problems (E_ROW_NOT_FOUND …) the report does not name. */
  readonly problemsMissed: readonly string[];
}

const same = (a: number | null | undefined, b: number | null): boolean => (a === null || a === undefined || b === null ? a === b : Math.abs(a - b) < 1e-6);

export function scoreLook(look: Look, report: ExtractedReport): LookScore {
  const expected = expectedCells(look);
  const problems = reportProblems(report);
  const failing = report.checks.filter((c) => !c.ok).map((c) => c.id);
  const flaggedKeys = new Set([...failing.flatMap((id) => checkKeys(id, look.t3.form)), ...problems.flatMap((p) => p.keys)]);
  const named = new Set(problems.map((p) => `${p.code}:${p.row ?? ''}`));
  const omitted = new Set((look.t3.omit ?? []).map((r) => `t3.${r}`));
  const wrong: WrongCell[] = [];
  for (const [key, value] of expected) {
    const got = report.cells[key];
    const row = key.slice(0, key.lastIndexOf('.'));
    const ok = same(got, value) && (!omitted.has(row) || named.has(`E_ROW_NOT_FOUND:${row}`));
    if (!ok) wrong.push({ key, expected: value, got, flagged: flaggedKeys.has(key) });
  }
  const tableOf = (key: string): LookTable => key.slice(0, 2) as LookTable;
  const tablesWrong = new Set(wrong.map((w) => tableOf(w.key)));
  const expectedFailing = new Set(look.failingChecks);
  return {
    look: look.name,
    heldOut: look.heldOut,
    cells: expected.size,
    right: expected.size - wrong.length,
    tables: 3,
    tablesRight: 3 - tablesWrong.size,
    wrong,
    wrongUnflagged: wrong.filter((w) => !w.flagged).length,
    templateRight: report.template === look.template,
    checksUnexpected: failing.filter((id) => !expectedFailing.has(id)).sort(),
    checksMissed: look.failingChecks.filter((id) => !failing.includes(id)),
    problemsMissed: look.problems.filter((p) => !named.has(`${p.code}:${p.row ?? ''}`)).map((p) => `${p.code}:${p.row ?? ''}`),
  };
}
