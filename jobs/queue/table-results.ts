/**
 * Results of image-table jobs by (input digest, extractor version), each with the worker that read it. Written once:
 * a job retried after its worker seemed dead, or sent twice, finds the row there and changes nothing.
 */
import type pg from 'pg';
import type { ImageTablesResult } from '../../extract/ocr/types.ts';

export interface StoredTableResult {
  readonly result: ImageTablesResult;
  readonly worker: string;
  readonly jobId: string | null;
}

export async function findTableResult(pool: pg.Pool, schema: string, inputDigest: string, extractorVersion: string): Promise<StoredTableResult | null> {
  const found = await pool.query<{ result: ImageTablesResult; worker: string; job_id: string | null }>(
    `SELECT result, worker, job_id FROM ${schema}.image_tables_result WHERE input_digest = $1 AND extractor_version = $2`,
    [inputDigest, extractorVersion],
  );
  const row = found.rows[0];
  return row === undefined ? null : { result: row.result, worker: row.worker, jobId: row.job_id };
}

export interface NewTableResult {
  readonly inputDigest: string;
  readonly extractorVersion: string;
  readonly result: ImageTablesResult;
  readonly worker: string;
  readonly jobId: string;
  readonly cpuMs: number;
}

/** Records a result unless one is there already; true when this call recorded it. */
export async function saveTableResult(pool: pg.Pool, schema: string, r: NewTableResult): Promise<boolean> {
  const inserted = await pool.query(
    `INSERT INTO ${schema}.image_tables_result (input_digest, extractor_version, result, worker, job_id, cpu_ms)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (input_digest, extractor_version) DO NOTHING`,
    [r.inputDigest, r.extractorVersion, JSON.stringify(r.result), r.worker, r.jobId, Math.round(r.cpuMs)],
  );
  return (inserted.rowCount ?? 0) === 1;
}
