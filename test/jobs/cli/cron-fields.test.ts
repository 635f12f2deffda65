/** `schedule --cron` checks: every expression the scheduler runs passes; a bad one is E_USAGE naming the field. */
import { Cron } from 'croner';
import { describe, expect, it } from 'vitest';
import { checkCronExpression, checkTimeZone } from '../../../jobs/cli/cron-fields.ts';
import { editDistance, nearest } from '../../../jobs/cli/nearest.ts';

const VALID = ['0 2 * * *', '*/15 * * * *', '0 0 1 JAN *', '0 9-17 * * MON-FRI', '30 4 1,15 * *', '0 2 * * 0', '0 2 * * 7', '0 2 L * *', '0 2 ? * SUN', '5 0 * 8 *', '0 22 * * 1-5', '0 0,12 1 */2 *', '0 2 * * 5L', '0 2 * * 1#2'];
const INVALID: [string, string][] = [
  ['0 2 * *', 'four fields'],
  ['0 2 * * * *', 'six fields'],
  ['60 * * * *', 'minute 60'],
  ['0 24 * * *', 'hour 24'],
  ['0 2 0 * *', 'day of month 0'],
  ['0 2 * 13 *', 'month 13'],
  ['0 2 * * 8', 'weekday 8'],
  ['0 2 * * MON-FRY', 'weekday name'],
  ['*/0 * * * *', 'step 0'],
  ['a b c d e', 'words'],
  ['0 2-1-3 * * *', 'range of three'],
];

describe('checkCronExpression', () => {
  it.each(VALID)('accepts "%s", which the scheduler runs too', (expression) => {
    expect(() => checkCronExpression(expression)).not.toThrow();
    expect(() => new Cron(expression, { paused: true })).not.toThrow();
  });

  it.each(INVALID)('refuses "%s" (%s) with E_USAGE', (expression) => {
    expect(() => checkCronExpression(expression)).toThrow(expect.objectContaining({ code: 'E_USAGE' }));
  });

  it('time zones', () => {
    expect(() => checkTimeZone('Asia/Shanghai')).not.toThrow();
    expect(() => checkTimeZone('Mars/Olympus')).toThrow(expect.objectContaining({ code: 'E_USAGE' }));
  });
});

describe('nearest option', () => {
  it('suggests the option a typo was meant to be, and nothing for a different word', () => {
    const options = ['db', 'json', 'help', 'portal', 'year', 'agency', 'all-versions'];
    expect(nearest('yaer', options)).toBe('year');
    expect(nearest('portl', options)).toBe('portal');
    expect(nearest('agnecy', options)).toBe('agency');
    expect(nearest('all', options)).toBe('all-versions');
    expect(nearest('colour', options)).toBeUndefined();
    expect(editDistance('yaer', 'year')).toBe(1);
  });
});
