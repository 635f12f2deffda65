import { describe, expect, it } from 'vitest';
import { domLines } from '../../../extract/html/dom-lines.ts';
import { headingPart, splitSections } from '../../../extract/html/sections.ts';
import { parse } from '../helpers.ts';

describe('sections', () => {
  it.each([
    ['一、总体情况', 1],
    ['二、行政机关主动公开政府信息情况', 2],
    ['二、主动公开政府信息政府情况', 2],
    ['三.收到和处理政府信息公开申请情况', 3],
    ['收到和处理政府信息公开申请情况', 3],
    ['四、因政府信息公开工作被申请行政复议、提起行政诉讼情况', 4],
    ['五、政府信息公开工作存在的主要问题及改进情况', 5],
    ['六、其他需要报告的事项', 6],
  ])('recognises %s', (text, part) => {
    expect(headingPart(text)).toBe(part);
  });

  it.each(['（一）主动公开情况', '一是工作机制还不够健全。', '2023年，我局主动公开政府信息35条。'])('does not take %s for a heading', (text) => {
    expect(headingPart(text)).toBeNull();
  });

  it('splits the body in order and keeps sub-headings in their part', () => {
    const html = '<p>引言</p><p>一、总体情况</p><p>（一）主动公开情况</p><p>公开35条。</p><p>二、主动公开政府信息情况</p><p>表</p><p>六、其他需要报告的事项</p><p>无。</p>';
    const sections = splitSections(domLines(parse(html)), new Set());
    expect(sections.map((s) => [s.part, s.heading, s.text])).toEqual([
      [1, '一、总体情况', '（一）主动公开情况\n公开35条。'],
      [2, '二、主动公开政府信息情况', '表'],
      [6, '六、其他需要报告的事项', '无。'],
    ]);
  });
});
