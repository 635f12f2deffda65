import { describe, expect, it } from 'vitest';
import { reportKeys, t3FormOfKeys, t3Keys, templateKeys } from '../../../extract/template/keys.ts';

describe('templateKeys', () => {
  it('counts the cells of each template', () => {
    expect(templateKeys('2021')).toHaveLength(200);
    expect(templateKeys('2019')).toHaveLength(198);
    expect(templateKeys('older')).toHaveLength(0);
  });

  it('counts the cells of a template printing the other form of table 3', () => {
    expect(templateKeys('2021', '23-row')).toHaveLength(186);
    expect(templateKeys('2019', '25-row')).toHaveLength(212);
    expect(t3Keys('2021', '23-row')).toContain('t3.other.natural');
    expect(t3Keys('2019', '25-row')).toContain('t3.other.no_fee.total');
  });
});

describe('the form of table 3 a report has', () => {
  it('is read from its keys: （六） as one row (t3.other.<col>) or three (t3.other.<item>.<col>), else the template’s', () => {
    expect(t3FormOfKeys('2021', ['t3.new.total', 't3.other.total'])).toBe('23-row');
    expect(t3FormOfKeys('2019', ['t3.other.no_fee.total'])).toBe('25-row');
    expect(t3FormOfKeys('2021', ['t2.rules.issued'])).toBe('25-row');
    expect(t3FormOfKeys('2019', [])).toBe('23-row');
    expect(reportKeys('2021', ['t3.other.legal'])).toEqual(templateKeys('2021', '23-row'));
    expect(reportKeys('older', ['t3.other.legal'])).toEqual([]);
  });
});
