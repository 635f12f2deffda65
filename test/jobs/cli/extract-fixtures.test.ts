import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const FIXTURES = path.resolve('test/fixtures/reports');
const slugs = readdirSync(FIXTURES).filter((f) => f.endsWith('.html')).map((f) => f.replace(/\.html$/, ''));

interface Expected {
  title: string;
  agency: string;
  year: number;
  publishedAt: string;
  template: string;
  tablesInHtml: boolean;
  cells: Record<string, number | null>;
  failingChecks: string[];
}

describe('nianbao extract <fixture> --json', () => {
  it('has fixtures to compare', () => {
    expect(slugs.length).toBeGreaterThanOrEqual(12);
  });

  it.each(slugs)('%s: every canonical cell, the metadata and the checks match the expected JSON', async (slug) => {
    const expected = JSON.parse(readFileSync(path.join(FIXTURES, `${slug}.expected.json`), 'utf8')) as Expected;
    const { code, stdout, stderr } = await runCli(['extract', path.join(FIXTURES, `${slug}.html`), '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const actual = JSON.parse(stdout) as { title: string; agency: string; year: number; publishedAt: string; template: string; cells: Record<string, number | null>; checks: { id: string; ok: boolean }[] };
    expect({ title: actual.title, agency: actual.agency, year: actual.year, publishedAt: actual.publishedAt, template: actual.template }).toEqual({
      title: expected.title,
      agency: expected.agency,
      year: expected.year,
      publishedAt: expected.publishedAt,
      template: expected.template,
    });
    expect(actual.cells).toEqual(expected.cells);
    const failing = actual.checks.filter((c) => !c.ok).map((c) => c.id).sort();
    expect(failing).toEqual([...expected.failingChecks].sort());
    if (expected.tablesInHtml) expect(actual.checks.length).toBeGreaterThan(0);
  });
});
