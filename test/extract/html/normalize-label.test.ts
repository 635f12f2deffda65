import { describe, expect, it } from 'vitest';
import { dropGuidance, labelKey, normalizeLabel, stripEnumerator } from '../../../extract/html/normalize-label.ts';

describe('normalizeLabel', () => {
  it('removes whitespace inside labels and folds fullwidth forms', () => {
    expect(normalizeLabel('自 然 人')).toBe('自然人');
    expect(normalizeLabel('（一）\u00a0予以公开')).toBe('(一)予以公开');
    expect(normalizeLabel('3.危及“三安全一稳定”')).toBe('3.危及"三安全一稳定"');
    expect(normalizeLabel('国办公开办函〔2021〕30号')).toBe('国办公开办函[2021]30号');
  });

  it('drops guidance in parentheses but keeps enumerators', () => {
    expect(labelKey('规章(设区的市、自治州人民政府应提供相关数据)')).toBe('规章');
    expect(labelKey('上一年项目数量（指2019年事项数）')).toBe('上一年项目数量');
    expect(dropGuidance('(三)不予公开')).toBe('(三)不予公开');
    expect(labelKey('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe('(二)部分公开');
  });

  it('strips leading enumerators', () => {
    expect(stripEnumerator('(三)1.属于国家秘密')).toBe('属于国家秘密');
    expect(stripEnumerator('一、本年新收政府信息公开申请数量')).toBe('本年新收政府信息公开申请数量');
  });
});
