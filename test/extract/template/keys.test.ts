import { describe, expect, it } from 'vitest';
import { templateKeys } from '../../../extract/template/keys.ts';

describe('templateKeys', () => {
  it('counts the cells of each template', () => {
    expect(templateKeys('2021')).toHaveLength(200);
    expect(templateKeys('2019')).toHaveLength(198);
    expect(templateKeys('older')).toHaveLength(0);
  });
});
