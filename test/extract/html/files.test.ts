import { describe, expect, it } from 'vitest';
import { descendants } from '../../../extract/html/dom.ts';
import { findFiles } from '../../../extract/html/files.ts';
import { parse } from '../helpers.ts';

describe('findFiles', () => {
  it('lists body images and attachments as absolute URLs, not chrome images', () => {
    const root = parse(`<div class="logo"><img src="/images/logo.png"></div>
      <div id="zoom"><p><img src="../picture/0/t2.png" alt="表二"></p><p><img src="data:image/gif;base64,AA"></p>
      <a href="/module/download/downfile.jsp?classid=0&amp;filename=ab12.pdf">年报.pdf</a>
      <a href="files/统计表.xlsx">统计表</a><a href="/col/col1/index.html">返回</a></div>
      <div class="fj"><a href="/module/download/downfile.jsp?classid=0&amp;filename=cd34.docx">附件</a></div>`);
    const body = descendants(root, 'div').find((d) => d.attribs['id'] === 'zoom');
    if (body === undefined) throw new Error('no body');
    expect(findFiles(root, body, 'https://www.example.gov.cn/art/2024/1/15/art_1_2.html')).toEqual([
      { url: 'https://www.example.gov.cn/art/2024/1/picture/0/t2.png', kind: 'image', label: '表二' },
      { url: 'https://www.example.gov.cn/module/download/downfile.jsp?classid=0&filename=ab12.pdf', kind: 'attachment', label: '年报.pdf' },
      { url: 'https://www.example.gov.cn/art/2024/1/15/files/%E7%BB%9F%E8%AE%A1%E8%A1%A8.xlsx', kind: 'attachment', label: '统计表' },
      { url: 'https://www.example.gov.cn/module/download/downfile.jsp?classid=0&filename=cd34.docx', kind: 'attachment', label: '附件' },
    ]);
  });
});
