/**
 * `GET /api/compare?agencies=1,2&years=2022,2023&keys=t3.new.total,…`: values of the chosen cells in the current
 * reports of the chosen bodies, as one series per body × key (points by year). One body over years and several
 * bodies in one year are the same query.
 */
import type { Database } from 'better-sqlite3';
import { getAgency } from '../../store/agencies.ts';
import { compareValues } from '../../store/serve-compare.ts';
import { badRequest } from '../http/http-error.ts';
import { intListParam, listParam } from '../http/query.ts';
import { keyLabel } from './key-labels.ts';

export const DEFAULT_COMPARE_KEYS = ['t3.new.total', 't3.disclosed.total', 't3.total.total', 't4.review.total', 't4.suit_direct.total'] as const;
const KEY_SHAPE = /^t[234](\.[a-z_]+){2,3}$/;

export interface CompareSeries {
  readonly agencyId: number;
  readonly agencyName: string;
  readonly key: string;
  readonly label: string;
  readonly points: readonly { readonly year: number; readonly value: number | null; readonly reportId: number }[];
}

export function compareAnswer(db: Database, params: URLSearchParams): { keys: string[]; years: number[]; series: CompareSeries[] } {
  const agencyIds = intListParam(params, 'agencies', 30);
  const years = intListParam(params, 'years', 40);
  const keys = listParam(params, 'keys');
  const chosenKeys = keys.length === 0 ? [...DEFAULT_COMPARE_KEYS] : keys;
  if (chosenKeys.length > 20) throw badRequest(`keys: at most 20, got ${chosenKeys.length}`);
  const bad = chosenKeys.find((k) => !KEY_SHAPE.test(k));
  if (bad !== undefined) throw badRequest(`keys: expected canonical keys like t3.new.total, got "${bad}"`);
  if (agencyIds.length === 0) throw badRequest('agencies: give at least one agency id');
  const values = compareValues(db, { agencyIds, years, keys: chosenKeys });
  const series: CompareSeries[] = [];
  for (const agencyId of agencyIds) {
    const agencyName = getAgency(db, agencyId)?.name ?? `#${agencyId}`;
    for (const key of chosenKeys) {
      const points = values.filter((v) => v.agencyId === agencyId && v.key === key).map((v) => ({ year: v.year, value: v.value, reportId: v.reportId }));
      series.push({ agencyId, agencyName, key, label: keyLabel(key), points });
    }
  }
  const allYears = years.length > 0 ? years : [...new Set(values.map((v) => v.year))].sort((a, b) => a - b);
  return { keys: chosenKeys, years: allYears, series };
}
