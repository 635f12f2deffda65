/**
 * Calendar dates for deadlines and statuses. Deadlines and printed publish dates are dates in China (UTC+8, no daylight
 * saving); archive times are UTC instants. `YYYY-MM-DD` strings throughout.
 */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 86_400_000;

/** The date in China at `instant`. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last instant (UTC ISO) of `date` in China. */
export function endOfChinaDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - CHINA_OFFSET_MS + DAY_MS - 1).toISOString();
}

/** The first instant (UTC ISO) of `date` in China. */
export function startOfChinaDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - CHINA_OFFSET_MS).toISOString();
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS);
}

/** A real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}
