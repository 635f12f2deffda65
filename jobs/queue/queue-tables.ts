/**
 * The queue's own PostgreSQL tables, beside pg-boss's in the same schema:
 *  - `image_blob`: image bytes by SHA-256 (content-addressed, written once), how bytes reach a worker with no shared
 *    filesystem;
 *  - `image_tables_result`: a job's ImageTablesResult (JSON) by input digest and extractor version, with the worker
 *    that read it — written once (a second completion of the same input changes nothing).
 * Created idempotently under an advisory lock, so processes starting together do not race.
 */
import type pg from 'pg';

export async function ensureQueueTables(pool: pg.Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`nianbao-queue-tables:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${schema}.image_blob (
      sha256     text PRIMARY KEY CHECK (length(sha256) = 64),
      bytes      bytea NOT NULL,
      stored_at  timestamptz NOT NULL DEFAULT now()
    )`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${schema}.image_tables_result (
      input_digest       text NOT NULL CHECK (length(input_digest) = 64),
      extractor_version  text NOT NULL,
      result             jsonb NOT NULL,
      worker             text NOT NULL,
      job_id             text,
      cpu_ms             integer,
      completed_at       timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (input_digest, extractor_version)
    )`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
