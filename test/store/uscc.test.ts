import { describe, expect, it } from 'vitest';
import { isValidUscc, usccCheckChar, usccFromKey } from '../../store/uscc.ts';

describe('isValidUscc', () => {
  it('accepts real codes of government bodies (xxgk area keys)', () => {
    // 兖州区 bodies, 济宁市, 汶上县 事业单位, 威海市 (org code with X), 荣成市信访局
    for (const code of ['11370812004322760Y', '11370812004322007N', '12370812F50341961E', '11370800004312466C', '12370830684820666X', '1137100000435982XT', '11371082004230911E']) {
      expect(isValidUscc(code), code).toBe(true);
    }
  });

  it('accepts codes whose check character is a digit', () => {
    // computed: the GB 32100 check character of 11370826004329268 is '7' and the org-code check of 00432926 is '8'
    expect(usccCheckChar('11370826004329268')).toBe('7');
    expect(isValidUscc('113708260043292687')).toBe(true);
    expect(isValidUscc('113325000026455663')).toBe(true);
  });

  it('accepts companies registered by 市场监管 (sample from the standard, Tencent)', () => {
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(isValidUscc('91440300708461136T')).toBe(true);
  });

  it('rejects wrong lengths, wrong check characters and forbidden letters', () => {
    expect(isValidUscc('113708120043225000MZJ')).toBe(false); // 21 chars: area key with a name suffix
    expect(isValidUscc('11370812004322760X')).toBe(false); // check char should be Y
    expect(isValidUscc('113708260043292688')).toBe(false); // check char should be 7
    expect(isValidUscc('11370812004322770Y')).toBe(false); // org-code check broken (and the main one)
    expect(isValidUscc('11370812004322760y')).toBe(false); // lower case
    expect(isValidUscc('1137081200432276OY')).toBe(false); // letter O is not in the charset
    expect(isValidUscc('')).toBe(false);
  });

  it('derives a USCC from a key only when it validates', () => {
    expect(usccFromKey('11370812004322760Y')).toBe('11370812004322760Y');
    expect(usccFromKey('113708120043225000MZJ')).toBeNull();
  });
});
