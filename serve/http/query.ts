/** Query-string parameters, validated at the edge: a bad value is a 400 with a message that says what was expected. */
import { badRequest } from './http-error.ts';

export function textParam(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name);
  return value === null || value.trim() === '' ? undefined : value.trim();
}

export function intParam(params: URLSearchParams, name: string, range: { min?: number; max?: number } = {}): number | undefined {
  const raw = textParam(params, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  const min = range.min ?? 0;
  const max = range.max ?? Number.MAX_SAFE_INTEGER;
  if (!Number.isInteger(value) || value < min || value > max) throw badRequest(`${name}: expected an integer ${min}..${max}, got "${raw}"`);
  return value;
}

/** Comma-separated list (`a,b,c`), empty entries dropped. */
export function listParam(params: URLSearchParams, name: string): string[] {
  return (textParam(params, name) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function intListParam(params: URLSearchParams, name: string, max = 50): number[] {
  const items = listParam(params, name);
  if (items.length > max) throw badRequest(`${name}: at most ${max} values, got ${items.length}`);
  return items.map((item) => {
    const value = Number(item);
    if (!Number.isInteger(value) || value < 0) throw badRequest(`${name}: expected integers, got "${item}"`);
    return value;
  });
}

/** Path id (`/api/reports/12`). */
export function pathId(raw: string | undefined, what: string): number {
  const value = Number(raw);
  if (raw === undefined || !/^\d{1,15}$/.test(raw) || !Number.isSafeInteger(value)) throw badRequest(`${what}: expected a numeric id, got "${raw ?? ''}"`);
  return value;
}

/** Cell key in a path (`/api/reports/12/cells/t3.new.total`). */
export function cellKey(raw: string | undefined): string {
  let key = '';
  try {
    key = decodeURIComponent(raw ?? '');
  } catch {
    // fall through to the shape check
  }
  if (!/^t[234](\.[a-z_]+){2,3}$/.test(key)) throw badRequest(`cell: expected a canonical key like t3.new.total, got "${raw ?? ''}"`);
  return key;
}
