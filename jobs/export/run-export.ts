/**
 * `nianbao export`: the archive's tables (or its captures as WARC) written to a directory with a manifest.
 * Every table is read inside one read transaction, so the files describe one state of the archive even while a
 * crawl writes to it.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { StopError } from '../../common/errors.ts';
import { archiveSchemaVersion, exportTables, type ExportTable } from '../../store/exports.ts';
import { PACKAGE_VERSION } from '../version.ts';
import { keyLabelZh } from '../../extract/template/labels-zh.ts';
import { wideCanonicalKeys } from './canonical-keys.ts';
import { codebookTable } from './codebook.ts';
import { writeCsv } from './csv.ts';
import { writeJsonl } from './jsonl.ts';
import { writeManifest, type ExportFormat, type ManifestFile } from './manifest.ts';
import { writeParquet } from './parquet.ts';
import { writeWarc } from './warc.ts';
import type { WrittenFile } from './file-sink.ts';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'json', 'parquet', 'warc'];

export interface ExportRequest {
  readonly format: ExportFormat;
  readonly outDir: string;
  /** The archive file, named in the manifest (its base name only). */
  readonly archiveFile: string;
  /** Include superseded report versions (tables only; default false). */
  readonly allVersions?: boolean;
  /** Write into a directory that already holds files (default false). */
  readonly force?: boolean;
  /** WARC: start a new file past this size (default 1 GiB). */
  readonly warcMaxBytes?: number;
  /** Time recorded in the manifest (default now). */
  readonly now?: string;
}

export interface ExportResult {
  readonly dir: string;
  readonly manifestSha256: string;
  readonly files: readonly ManifestFile[];
}

const WRITERS: Record<Exclude<ExportFormat, 'warc'>, { ext: string; write: (file: string, table: ExportTable) => WrittenFile & { rows: number } }> = {
  csv: { ext: 'csv', write: writeCsv },
  json: { ext: 'jsonl', write: writeJsonl },
  parquet: { ext: 'parquet', write: writeParquet },
};

const NOTES = [
  'Money (t2.fees.amount, t2.procurement.amount) is in 万元 (10,000 yuan).',
  'A blank, dash or slash in a report is null, never 0; raw text is in the long table.',
  'wide: one row per report, one column per canonical cell key (2021 and 2019 templates unioned); long: one row per report × cell with its body, year, Chinese label (label_zh) and provenance.',
  'codebook: every canonical key with its Chinese table, row and column label, unit and the templates that print it.',
  'CSV files are UTF-8 with a byte-order mark (Excel reads the Chinese right), CRLF line ends; an empty field is null.',
  'Sources: the government portals named in each row (url); every value points to the capture it was read from (source_capture_id).',
];

function prepareDir(dir: string, force: boolean): void {
  if (existsSync(dir) && readdirSync(dir).length > 0 && !force) {
    throw new StopError('E_USAGE', `${dir} is not empty: give a new directory, or --force to write into it`, { input: dir });
  }
  mkdirSync(dir, { recursive: true });
}

export function runExport(db: Database, request: ExportRequest): ExportResult {
  const dir = path.resolve(request.outDir);
  prepareDir(dir, request.force ?? false);
  const now = request.now ?? new Date().toISOString();
  db.exec('BEGIN');
  try {
    const files: ManifestFile[] = [];
    if (request.format === 'warc') {
      files.push(...writeWarc(db, dir, { now, ...(request.warcMaxBytes === undefined ? {} : { maxFileBytes: request.warcMaxBytes }) }).files);
    } else {
      const writer = WRITERS[request.format];
      const tables = exportTables(db, { allVersions: request.allVersions ?? false, canonicalKeys: wideCanonicalKeys(), labelOf: (key) => keyLabelZh(key)?.label ?? null });
      for (const table of [...tables, codebookTable()]) {
        const name = `${table.name}.${writer.ext}`;
        const written = writer.write(path.join(dir, name), table);
        files.push({ path: name, table: table.name, format: request.format, rows: written.rows, bytes: written.bytes, sha256: written.sha256 });
      }
    }
    const manifestSha256 = writeManifest(dir, {
      format: 'nianbao-export',
      manifestVersion: 1,
      generator: `nianbao ${PACKAGE_VERSION}`,
      createdAt: now,
      exportFormat: request.format,
      archive: { file: path.basename(request.archiveFile), migrations: archiveSchemaVersion(db) },
      options: { allVersions: request.allVersions ?? false },
      notes: request.format === 'warc' ? ['WARC 1.1, one gzip member per record; see docs/research-queries.md for how records map to captures.'] : NOTES,
      files,
    });
    return { dir, manifestSha256, files };
  } finally {
    db.exec('COMMIT');
  }
}
