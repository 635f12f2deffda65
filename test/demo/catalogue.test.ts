import { describe, expect, it } from 'vitest';
import { templateKeys } from '../../extract/template/keys.ts';
import { DEMO_REPORTS, demoReport } from '../../demo/reports/catalogue.ts';
import { expectedExtraction } from '../../demo/reports/expected.ts';
import { generateCells, withViolation } from '../../demo/reports/generate-values.ts';
import type { Quirk } from '../../demo/reports/report-spec.ts';
import { failingChecks } from './table-checks.ts';

const ALL_QUIRKS: Quirk[] = [
  'br-in-labels',
  'split-spans',
  'guidance-in-labels',
  'ascii-brackets',
  'spaced-labels',
  'padded-numbers',
  'money-unit-in-cell',
  'dash-blanks',
  'negative-change',
  'subtotal-rows',
  'malformed',
  'bare-table',
];

describe('demo report catalogue', () => {
  it('has unique slugs and covers both portals, all templates and table forms', () => {
    const slugs = DEMO_REPORTS.map((r) => r.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(new Set(DEMO_REPORTS.map((r) => r.portal))).toEqual(new Set(['yanzhou', 'wendeng']));
    expect(new Set(DEMO_REPORTS.map((r) => r.template))).toEqual(new Set(['2021', '2019', 'older']));
    expect(new Set(DEMO_REPORTS.map((r) => r.tables))).toEqual(new Set(['html', 'image', 'pdf-attachment', 'none']));
    expect(DEMO_REPORTS.filter((r) => r.delivery === 'flipbook').map((r) => r.year)).toEqual([2021, 2022]);
    expect(DEMO_REPORTS.filter((r) => r.charset === 'gbk')).toHaveLength(1);
  });

  it('uses every quirk at least once', () => {
    const used = new Set(DEMO_REPORTS.flatMap((r) => r.quirks));
    expect([...used].sort()).toEqual([...ALL_QUIRKS].sort());
  });

  it('keys agencies with USCC-like codes, one 21-char …MZJ and one all-digit legacy key', () => {
    for (const r of DEMO_REPORTS) expect(r.agencyKey).toMatch(/^(1[12]\d{6}[0-9A-Z]{9}[0-9A-Z]|\d{18}MZJ)$/);
    expect(DEMO_REPORTS.filter((r) => r.agencyKey.length === 21)).toHaveLength(1);
    expect(DEMO_REPORTS.filter((r) => /^\d{18}$/.test(r.agencyKey))).toHaveLength(1);
  });

  it.each(DEMO_REPORTS.map((r) => [r.slug, r] as const))('%s: cells cover exactly the template keys', (_slug, r) => {
    expect(Object.keys(r.cells).sort()).toEqual(templateKeys(r.template).sort());
    for (const value of Object.values(r.cells)) {
      if (value !== null) expect(Number.isFinite(value)).toBe(true);
    }
  });

  it.each(DEMO_REPORTS.filter((r) => r.template !== 'older').map((r) => [r.slug, r] as const))(
    '%s: the printed numbers fail exactly the declared checks',
    (_slug, r) => {
      expect(failingChecks(r.cells, r.template as '2021' | '2019').sort()).toEqual([...r.failingChecks].sort());
    },
  );

  it('prints nulls only where the report has dash-blanks', () => {
    for (const r of DEMO_REPORTS) {
      const nulls = Object.values(r.cells).filter((v) => v === null).length;
      expect(nulls > 0, r.slug).toBe(r.quirks.includes('dash-blanks'));
    }
  });

  it('keeps negative numbers to 2019 本年增/减 of negative-change reports', () => {
    for (const r of DEMO_REPORTS) {
      const negative = Object.entries(r.cells).filter(([, v]) => v !== null && v < 0);
      for (const [key] of negative) expect(key).toMatch(/^t2\.[a-z_]+\.change$/);
      expect(negative.length > 0, r.slug).toBe(r.quirks.includes('negative-change'));
    }
  });

  it('has the real-world numbers the brief asks for', () => {
    expect(demoReport('yanzhou-caizheng-2019').cells['t2.procurement.amount']).toBe(25.1);
    expect(demoReport('wendeng-caizheng-2025').cells['t2.fees.amount']).toBe(0.35);
    const gov = demoReport('yanzhou-zhengfu-2023').cells;
    expect(gov['t3.new.total']).toBe(86);
    expect(gov['t4.review.total']).toBeGreaterThan(0);
    expect(demoReport('yanzhou-xinfang-2023').cells['t3.new.total']).toBe(0);
  });
});

describe('generateCells', () => {
  it('is deterministic and consistent for many seeds', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const template = seed % 2 ? '2021' : '2019';
      const profile = { seed, template, applications: seed * 3, carriedIn: seed % 4, carriedOut: seed % 3, reviews: seed % 5 } as const;
      const cells = generateCells(profile);
      expect(generateCells(profile)).toEqual(cells);
      expect(failingChecks(cells, template)).toEqual([]);
      expect(cells['t3.new.total']).toBe(seed * 3);
    }
  });

  it('withViolation shifts one printed value', () => {
    const cells = generateCells({ seed: 7, template: '2021', applications: 4 });
    const broken = withViolation(cells, 't4.review.total', 2);
    expect(failingChecks(broken, '2021')).toEqual(['t4.sum.review']);
    expect(() => withViolation(cells, 't9.nope', 1)).toThrow(/Expected a key/);
  });
});

describe('expectedExtraction', () => {
  it('expects numbers only from HTML tables', () => {
    for (const r of DEMO_REPORTS) {
      const e = expectedExtraction(r);
      expect(e.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Object.keys(e.cells).sort()).toEqual(templateKeys(r.template).sort());
      expect(e.tablesInHtml).toBe(r.tables === 'html' && r.delivery === 'page');
      if (!e.tablesInHtml) {
        expect(Object.values(e.cells).every((v) => v === null)).toBe(true);
        expect(e.failingChecks).toEqual([]);
      } else expect(e.cells).toEqual(r.cells);
    }
    expect(expectedExtraction(demoReport('yanzhou-ziran-2021')).failingChecks).toEqual(['t3.row.new', 't3.balance.total']);
  });
});
