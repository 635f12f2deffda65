import { describe, expect, it } from 'vitest';
import { mapTable4 } from '../../../extract/template/table4.ts';
import { t4Keys } from '../../../extract/template/keys.ts';
import { tables } from '../helpers.ts';
import { t4Table } from './fixtures.ts';

describe('mapTable4', () => {
  it('maps the 15 cells by their resolved header paths', () => {
    const values = ['1', '2', '0', '0', '3', '0', '0', '1', '1', '2', '—', '', '0', '0', '0'];
    const mapped = mapTable4(tables(t4Table(values)).filter((t) => t.kind === 't4'));
    const map = Object.fromEntries(mapped.cells.map((c) => [c.key, c.value]));
    expect(Object.keys(map).sort()).toEqual(t4Keys().sort());
    expect(map['t4.review.upheld']).toBe(1);
    expect(map['t4.review.corrected']).toBe(2);
    expect(map['t4.review.total']).toBe(3);
    expect(map['t4.suit_direct.other']).toBe(1);
    expect(map['t4.suit_direct.total']).toBe(2);
    expect(map['t4.suit_after_review.upheld']).toBeNull();
    expect(map['t4.suit_after_review.corrected']).toBeNull();
    expect(mapped.cells.find((c) => c.key === 't4.suit_after_review.upheld')?.raw).toBe('—');
  });

  it('falls back to printed order when headers are unreadable', () => {
    const html = `<table><tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr><tr><td>审结</td>${'<td>x</td>'.repeat(14)}</tr><tr>${Array.from({ length: 15 }, (_, i) => `<td>${i}</td>`).join('')}</tr></table>`;
    const mapped = mapTable4(tables(html).filter((t) => t.kind === 't4'));
    const map = Object.fromEntries(mapped.cells.map((c) => [c.key, c.value]));
    expect(map['t4.review.upheld']).toBe(0);
    expect(map['t4.suit_after_review.total']).toBe(14);
  });
});
