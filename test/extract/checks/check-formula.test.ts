import { describe, expect, it } from 'vitest';
import { explainCheck } from '../../../extract/checks/check-formula.ts';
import { runChecks } from '../../../extract/checks/run-checks.ts';

const failing = (cells: Record<string, number | null>, id: string) => {
  const check = runChecks('2021', cells).find((c) => c.id === id)!;
  return { checkId: check.id, ok: check.ok, left: check.left, right: check.right, nullsAsZero: check.nullsAsZero };
};

describe('check formulas in Chinese', () => {
  it('writes a row check as the applicant columns adding up to the printed total', () => {
    const cells = { 't3.new.natural': 6, 't3.new.commercial': 0, 't3.new.research': 0, 't3.new.nonprofit': 0, 't3.new.legal': 0, 't3.new.other_org': 0, 't3.new.total': 7 };
    const explained = explainCheck(failing(cells, 't3.row.new'), '2021', cells);
    expect(explained.formula).toBe('自然人 6 + 商业企业 0 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 6 ≠ 总计 7');
    expect(explained.meaning).toContain('一、本年新收申请');
    expect(explained.meaning).toContain('之和应等于总计');
  });

  it('names rows when the terms share a column, prints blanks and says they count as 0', () => {
    const cells = { 't3.new.total': 5, 't3.carried_in.total': null, 't3.total.total': 4, 't3.carried_out.total': 0 };
    const explained = explainCheck(failing(cells, 't3.balance.total'), '2021', cells);
    expect(explained.formula).toBe('一、本年新收申请 5 + 二、上年结转申请 空 = 5 ≠ 4 = （七）总计 4 + 四、结转下年度继续办理 0（空格按 0 计）');
    expect(explained.meaning).toContain('「总计」一列');
  });

  it('uses = for a passing check, and explains table 4 and cross-year checks', () => {
    const cells = { 't4.review.upheld': 1, 't4.review.corrected': 1, 't4.review.other': 0, 't4.review.pending': 0, 't4.review.total': 2 };
    const t4 = explainCheck(failing(cells, 't4.sum.review'), '2021', cells);
    expect(t4.formula).toBe('结果维持 1 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 2 = 总计 2');
    expect(t4.meaning).toContain('行政复议');
    const carry = explainCheck({ checkId: 'cross.carry.natural', ok: false, left: 3, right: 2, nullsAsZero: [] }, '2021', {});
    expect(carry.formula).toBe('本年 二、上年结转申请（自然人）3 ≠ 上年 四、结转下年度继续办理（自然人）2');
    expect(explainCheck({ checkId: 'cross.similar', ok: false, left: 0.93, right: 0.9, nullsAsZero: [] }, '2021', {}).formula).toBe('与上年正文相似度 0.93 ≥ 阈值 0.9');
  });
});
