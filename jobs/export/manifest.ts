/**
 * `manifest.json`: what an export holds, with row counts, byte sizes and SHA-256 per file, so a researcher can show
 * that the files they analysed are the ones the archive produced. `verifyManifest` re-hashes and re-counts.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parquetMetadata } from 'hyparquet';
import { StopError } from '../../common/errors.ts';
import { parseCsv } from './csv.ts';
import { countJsonlRows } from './jsonl.ts';

export const MANIFEST_FILE = 'manifest.json';

export type ExportFormat = 'csv' | 'json' | 'parquet' | 'warc';

export interface ManifestFile {
  /** Relative to the manifest's directory. */
  readonly path: string;
  /** `reports`, `wide`, … for tables; `captures` for WARC files. */
  readonly table: string;
  readonly format: ExportFormat;
  /** Data rows (header excluded); WARC records for WARC files. */
  readonly rows: number;
  readonly bytes: number;
  readonly sha256: string;
}

export interface Manifest {
  readonly format: 'nianbao-export';
  readonly manifestVersion: 1;
  readonly generator: string;
  readonly createdAt: string;
  readonly exportFormat: ExportFormat;
  readonly archive: { readonly file: string; readonly migrations: readonly { id: number; name: string }[] };
  readonly options: Record<string, unknown>;
  readonly notes: readonly string[];
  readonly files: readonly ManifestFile[];
}

export function writeManifest(dir: string, manifest: Manifest): string {
  const file = path.join(dir, MANIFEST_FILE);
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  writeFileSync(file, text);
  return createHash('sha256').update(text).digest('hex');
}

export interface FileCheck {
  readonly path: string;
  readonly ok: boolean;
  readonly problems: readonly string[];
}

export interface VerifyResult {
  readonly ok: boolean;
  readonly manifestSha256: string;
  readonly files: readonly FileCheck[];
}

export function readManifest(dir: string): { manifest: Manifest; sha256: string } {
  const file = path.join(dir, MANIFEST_FILE);
  if (!existsSync(file)) throw new StopError('E_INPUT_NOT_FOUND', `no ${MANIFEST_FILE} in ${dir}: give the directory an export was written to`, { input: dir });
  const text = readFileSync(file, 'utf8');
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch (cause) {
    throw new StopError('E_VERIFY_FAILED', `${file} is not valid JSON`, { cause, input: file });
  }
  if (manifest.format !== 'nianbao-export' || !Array.isArray(manifest.files)) {
    throw new StopError('E_VERIFY_FAILED', `${file} is not a nianbao export manifest`, { input: file });
  }
  return { manifest, sha256: createHash('sha256').update(text).digest('hex') };
}

function countRows(entry: ManifestFile, bytes: Buffer): number | null {
  switch (entry.format) {
    case 'csv':
      return parseCsv(bytes.toString('utf8')).length - 1;
    case 'json':
      return countJsonlRows(bytes.toString('utf8'));
    case 'parquet':
      return Number(parquetMetadata(new Uint8Array(bytes)).num_rows);
    case 'warc':
      return null;
  }
}

function checkFile(dir: string, entry: ManifestFile): FileCheck {
  const file = path.resolve(dir, entry.path);
  if (path.relative(path.resolve(dir), file).startsWith('..')) return { path: entry.path, ok: false, problems: ['path leaves the export directory'] };
  if (!existsSync(file)) return { path: entry.path, ok: false, problems: ['file is missing'] };
  const bytes = readFileSync(file);
  const problems: string[] = [];
  if (bytes.length !== entry.bytes) problems.push(`size ${bytes.length} bytes, manifest says ${entry.bytes}`);
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (digest !== entry.sha256) problems.push(`sha256 ${digest}, manifest says ${entry.sha256}`);
  if (problems.length === 0) {
    try {
      const rows = countRows(entry, bytes);
      if (rows !== null && rows !== entry.rows) problems.push(`${rows} rows, manifest says ${entry.rows}`);
    } catch (error) {
      problems.push(`cannot be read as ${entry.format}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { path: entry.path, ok: problems.length === 0, problems };
}

/** Re-checks every file the manifest lists: present, same size, same SHA-256, same number of rows. */
export function verifyManifest(dir: string): VerifyResult {
  const { manifest, sha256 } = readManifest(dir);
  const files = manifest.files.map((entry) => checkFile(dir, entry));
  return { ok: files.every((f) => f.ok), manifestSha256: sha256, files };
}
