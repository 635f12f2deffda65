import { closeSync, openSync, readdirSync, readFileSync, writeFileSync, ftruncateSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExpectedDocument } from '../../../demo/document-fixtures/expected-json.ts';
import { libreOfficePath } from '../../../extract/documents/doc/libreoffice.ts';
import { tempArchive } from '../../helpers/temp-archive.ts';
import { runCli } from './run-cli.ts';

const DIR = path.resolve('test/fixtures/documents');
const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => JSON.parse(readFileSync(path.join(DIR, f), 'utf8')) as ExpectedDocument)
  .filter((e) => e.exact && e.format !== 'flipbook' && ((e.format !== 'doc' && e.format !== 'xls') || libreOfficePath() !== null));

describe('nianbao extract <document> --json', () => {
  it.each(fixtures.map((e) => [e.fixture, e] as const))('%s: the same contract as an HTML page', { timeout: 60_000 }, async (fixture, want) => {
    const { code, stdout, stderr } = await runCli(['extract', path.join(DIR, fixture), '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { title: string; year: number; template: string; cells: Record<string, number | null>; checks: { ok: boolean }[]; provenance: { method: string }[]; extractorVersion: string };
    expect({ title: json.title, year: json.year, template: json.template }).toEqual({ title: want.title, year: want.year, template: want.template });
    expect(json.cells).toEqual(want.cells);
    expect(json.checks.length).toBeGreaterThan(0);
    expect(json.extractorVersion).toMatch(/^documents-/);
  });

  it('an enormous or empty document is refused with its code (exit 4)', async () => {
    const dir = tempArchive().dir;
    const big = path.join(dir, 'huge.pdf');
    writeFileSync(big, '%PDF-1.7\n');
    const fd = openSync(big, 'r+');
    ftruncateSync(fd, 60 * 1024 * 1024);
    closeSync(fd);
    const huge = await runCli(['extract', big]);
    expect(huge.code).toBe(4);
    expect(huge.stderr).toContain('E_DOCUMENT_TOO_LARGE');
    const empty = path.join(dir, 'empty.docx');
    writeFileSync(empty, '');
    const none = await runCli(['extract', empty]);
    expect(none.code).toBe(4);
    expect(none.stderr).toContain('E_DOCUMENT_EMPTY');
  });
});
