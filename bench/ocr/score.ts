/** Compare an ImageTablesResult with a fixture's expected JSON: right cells, wrong cells, wrong and unflagged. */
import type { ImageTablesResult } from '../../extract/ocr/extract-image-tables.ts';

export interface ExpectedFixture {
  readonly file: string;
  readonly look: string;
  readonly template: '2021' | '2019';
  readonly tables: readonly string[];
  readonly cells: Readonly<Record<string, number | null>>;
  readonly failingChecks: readonly string[];
}

export interface Score {
  readonly cells: number;
  readonly right: number;
  readonly wrong: readonly { key: string; expected: number | null; got: number | null | undefined; flagged: boolean }[];
  readonly wrongUnflagged: number;
  readonly flagged: number;
  readonly tableRight: boolean;
  readonly templateRight: boolean;
}

export function scoreResult(result: ImageTablesResult, expected: ExpectedFixture): Score {
  const details = new Map(result.cellDetails.map((d) => [d.key, d]));
  const wrong: Score['wrong'][number][] = [];
  let right = 0;
  for (const [key, value] of Object.entries(expected.cells)) {
    const d = details.get(key);
    const got = d === undefined ? undefined : d.value;
    if (got === value) right++;
    else wrong.push({ key, expected: value, got, flagged: d?.flagged ?? false });
  }
  const templateRight = !expected.tables.some((t) => t !== 't4') || result.template === expected.template;
  return {
    cells: Object.keys(expected.cells).length,
    right,
    wrong,
    wrongUnflagged: wrong.filter((w) => !w.flagged).length,
    flagged: result.cellDetails.filter((d) => d.flagged).length,
    tableRight: wrong.length === 0,
    templateRight,
  };
}
