/** Cell-level difference between two versions of a report: every key whose value changed (null and 0 are different). */
export interface CellChange {
  readonly key: string;
  readonly before: number | null;
  /** `undefined` keys (absent in one version) are reported as null. */
  readonly after: number | null;
}

export function diffCells(before: Readonly<Record<string, number | null>>, after: Readonly<Record<string, number | null>>): CellChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changes: CellChange[] = [];
  for (const key of keys) {
    const a = before[key] ?? null;
    const b = after[key] ?? null;
    if (a !== b) changes.push({ key, before: a, after: b });
  }
  return changes;
}
