/**
 * Numbers printed in the OCR fixture tables: consistent sets from the demo value generator (so the checks pass),
 * spread over small and large magnitudes, plus a few with one printed typo (so the checks fail as printed).
 */
import { generateCells, withViolation, type Cells, type ValueProfile } from '../reports/generate-values.ts';

export interface ValueSet {
  readonly id: string;
  readonly template: '2021' | '2019';
  readonly cells: Cells;
  /** The printed typo, when the set deliberately does not add up. */
  readonly violation?: { readonly key: string; readonly delta: number };
}

/** A profile for seed `seed`: the seed also drives the magnitude, so sets differ in digit count. */
export function profileFor(template: '2021' | '2019', seed: number): ValueProfile {
  const scale = [60, 240, 900, 2600][seed % 4]!;
  return {
    seed,
    template,
    applications: scale + (seed % 37),
    carriedIn: Math.round(scale / 15),
    carriedOut: Math.round(scale / 20),
    orgShare: 0.22,
    reviews: 3 + (seed % 9),
    suitsDirect: 1 + (seed % 5),
    suitsAfterReview: seed % 3,
    negativeChange: template === '2019' && seed % 2 === 0,
    blanks: seed % 3 === 0 ? 4 : 0,
    table2: {
      normative: 4 + (seed % 20),
      rules: seed % 4 === 1 ? 3 : 0,
      licensing: 120 + ((seed * 37) % 3000),
      otherServices: 10 + (seed % 40),
      penalty: 15 + ((seed * 11) % 600),
      coercion: seed % 25,
      fees: Math.round(((seed * 13) % 900) * 10 + 5) / 100,
      feeItems: 2 + (seed % 6),
      procurement: { items: 3 + (seed % 30), amount: Math.round(((seed * 97) % 50000) + 12) / 100 },
    },
  };
}

export function valueSet(template: '2021' | '2019', seed: number): ValueSet {
  return { id: `${template}-s${seed}`, template, cells: generateCells(profileFor(template, seed)) };
}

/** A set whose table 3 carries one printed typo in a body cell (checks fail as printed). */
export function violatingSet(template: '2021' | '2019', seed: number): ValueSet {
  const base = valueSet(template, seed);
  const key = 't3.unable.not_held.natural';
  const delta = 2;
  return { id: `${base.id}-typo`, template, cells: withViolation(base.cells, key, delta), violation: { key, delta } };
}
