import { describe, expect, it } from 'vitest';
import { detectTemplate, voteDocument, voteTable2, voteTable3 } from '../../../extract/template/detect-template.ts';
import type { FoundTable } from '../../../extract/html/find-tables.ts';
import { tables } from '../helpers.ts';
import { t2Table2019, t2Table2021, t3Table } from './fixtures.ts';

const of = (html: string, kind: 't2' | 't3'): FoundTable[] => tables(html).filter((t) => t.kind === kind);

describe('detectTemplate', () => {
  it('votes from the table labels', () => {
    expect(voteTable2(of(t2Table2021(), 't2'))).toBe('2021');
    expect(voteTable2(of(t2Table2019(), 't2'))).toBe('2019');
    expect(voteTable3(of(t3Table({ form: '2021' }), 't3'))).toBe('2021');
    expect(voteTable3(of(t3Table({ form: '2019' }), 't3'))).toBe('2019');
  });

  it('prefers tables over the cited document and the year', () => {
    const decision = detectTemplate({ t2: of(t2Table2019(), 't2'), t3: of(t3Table({ form: '2019' }), 't3'), text: '国办公开办函〔2021〕30号', year: 2021 });
    expect(decision).toEqual({ template: '2019', warnings: [] });
  });

  it('decides a late adopter (2021 table 2, 2019 table 3) by majority and warns', () => {
    const decision = detectTemplate({ t2: of(t2Table2021(), 't2'), t3: of(t3Table({ form: '2019' }), 't3'), text: '（国办公开办函〔2021〕30号）', year: 2021 });
    expect(decision.template).toBe('2021');
    expect(decision.warnings).toHaveLength(1);
  });

  it('table 3 alone yields to the cited document (its form occurs under either template)', () => {
    const decision = detectTemplate({ t2: [], t3: of(t3Table({ form: '2019' }), 't3'), text: '（国办公开办函〔2021〕30号）', year: 2023 });
    expect(decision.template).toBe('2021');
    expect(decision.warnings).toHaveLength(1);
    expect(detectTemplate({ t2: [], t3: of(t3Table({ form: '2019' }), 't3'), text: '', year: 2023 }).template).toBe('2019');
  });

  it('falls back to the cited document, then the year', () => {
    expect(voteDocument('《格式》（国办公开办函[2019]60号）')).toBe('2019');
    expect(detectTemplate({ t2: [], t3: [], text: '国办公开办函〔2021〕30号', year: 2020 }).template).toBe('2021');
    expect(detectTemplate({ t2: [], t3: [], text: '', year: 2020 }).template).toBe('2019');
    expect(detectTemplate({ t2: [], t3: [], text: '', year: 2022 }).template).toBe('2021');
    expect(detectTemplate({ t2: [], t3: [], text: '', year: 2016 }).template).toBe('older');
  });
});
