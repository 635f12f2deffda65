import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../extract/html/parse-number.ts';

describe('parseNumber', () => {
  it.each([
    ['0 ', 0],
    ['  12 ', 12],
    ['1 2', 12],
    ['-417', -417],
    ['－417', -417],
    ['+3', 3],
    ['１２', 12],
    ['1,234', 1234],
    ['5件', 5],
  ])('reads %j as %d', (raw, value) => {
    expect(parseNumber(raw)).toEqual({ value, kind: 'number' });
  });

  it.each(['', ' ', '-', '—', '——', '/', '／', '无', '\u00a0'])('reads %j as null, not 0', (raw) => {
    expect(parseNumber(raw)).toEqual({ value: null, kind: 'empty' });
  });

  it('converts money to 万元', () => {
    expect(parseNumber('251000元', { money: true }).value).toBe(25.1);
    expect(parseNumber('12.5万元', { money: true }).value).toBe(12.5);
    expect(parseNumber('3.2', { money: true }).value).toBe(3.2);
  });

  it('flags text that is not a number', () => {
    expect(parseNumber('见附件')).toEqual({ value: null, kind: 'text' });
  });
});
