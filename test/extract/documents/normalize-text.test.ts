import { describe, expect, it } from 'vitest';
import { normalizeCjk } from '../../../extract/documents/normalize-text.ts';

describe('normalizeCjk', () => {
  it('maps Kangxi radicals (NFKC) and the CJK Radicals Supplement (explicit map) to unified ideographs', () => {
    expect(normalizeCjk('⼈⺠政府')).toBe('人民政府');
    expect(normalizeCjk('⻅⻓⻔⻛⻜⻢⻋⻉⻩⻬⻚⻙⻄⻆⻘⻰')).toBe('见长门风飞马车贝黄齐页韦西角青龙');
    expect(normalizeCjk('⼀⼯⼆⼗')).toBe('一工二十');
  });

  it('leaves everything else as printed (fullwidth brackets, digits, text)', () => {
    expect(normalizeCjk('（一）予以公开 １２ 3.5万元')).toBe('（一）予以公开 １２ 3.5万元');
  });
});
