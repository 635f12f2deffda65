/**
 * `schedule --cron`: the five fields checked here, so a bad expression gets our own message naming the field
 * (the scheduler library's wording never reaches the user). Accepts what croner reads for 5-field expressions:
 * `*`, numbers, ranges `a-b`, steps `x/n`, lists `a,b`, month and weekday names, `?`, and `L` / `#` where croner does.
 */
import { StopError } from '../../common/errors.ts';

interface Field {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
  /** Extra tokens this field accepts (`L`, `?`, `5#2`, `5L`). */
  readonly extra?: RegExp;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const FIELDS: readonly Field[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31, extra: /^(L|\?)$/i },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  { name: 'day-of-week', min: 0, max: 7, names: DAYS, extra: /^(\?|[0-7](L|#[1-5])|L)$/i },
];

export const CRON_EXAMPLE = '--cron "0 2 * * *" (02:00 every day)';

/** Throws E_USAGE naming the first bad field of a 5-field cron expression. */
export function checkCronExpression(expression: string): void {
  const fields = expression.trim().split(/\s+/).filter((f) => f !== '');
  if (fields.length !== FIELDS.length) {
    fail(`--cron expects 5 fields (minute hour day-of-month month day-of-week), got ${fields.length} in "${expression}"`);
  }
  fields.forEach((text, i) => checkField(text, FIELDS[i]!, expression));
}

function checkField(text: string, field: Field, expression: string): void {
  for (const part of text.split(',')) {
    if (field.extra?.test(part) === true) continue;
    const [range = '', step, ...more] = part.split('/');
    if (more.length > 0 || (step !== undefined && !/^\d+$/.test(step)) || step === '0') {
      fail(`--cron: the ${field.name} field "${text}" has a bad step in "${expression}"`);
    }
    if (range === '*') continue;
    const bounds = range.split('-');
    if (bounds.length > 2) fail(`--cron: the ${field.name} field "${text}" is not a value or range in "${expression}"`);
    const values = bounds.map((b) => value(b, field));
    if (values.some((v) => v === null)) {
      fail(`--cron: the ${field.name} field "${text}" must be ${field.min}–${field.max}${field.names ? ` or a name (${field.names[0]}…)` : ''} in "${expression}"`);
    }
  }
}

function value(text: string, field: Field): number | null {
  const index = field.names?.indexOf(text.toUpperCase()) ?? -1;
  if (index >= 0) return index;
  if (!/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n >= field.min && n <= field.max ? n : null;
}

/** Throws E_USAGE for a time zone this Node does not know. */
export function checkTimeZone(zone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    fail(`--tz: unknown time zone "${zone}"; give an IANA name such as Asia/Shanghai`);
  }
}

function fail(message: string): never {
  throw new StopError('E_USAGE', `${message}. Example: ${CRON_EXAMPLE}`);
}
