/** Image bytes in PostgreSQL by SHA-256: the producer puts each image once, a worker reads the ones its job names. */
import type pg from 'pg';
import { SkipError } from '../../common/errors.ts';

export interface ImageBlob {
  readonly sha256: string;
  readonly bytes: Buffer;
}

/** Stores the images not stored yet (ON CONFLICT DO NOTHING); returns how many were new. */
export async function putImageBlobs(pool: pg.Pool, schema: string, blobs: readonly ImageBlob[]): Promise<number> {
  let stored = 0;
  for (const blob of blobs) {
    const result = await pool.query(`INSERT INTO ${schema}.image_blob (sha256, bytes) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING`, [blob.sha256, blob.bytes]);
    stored += result.rowCount ?? 0;
  }
  return stored;
}

/** The bytes of each digest; SkipError E_QUEUE_INVALID when one is not stored (the job names bytes nobody put). */
export async function readImageBlobs(pool: pg.Pool, schema: string, digests: readonly string[]): Promise<Map<string, Buffer>> {
  const unique = [...new Set(digests)];
  const result = await pool.query<{ sha256: string; bytes: Buffer }>(`SELECT sha256, bytes FROM ${schema}.image_blob WHERE sha256 = ANY($1::text[])`, [unique]);
  const out = new Map(result.rows.map((r) => [r.sha256, r.bytes]));
  const lost = unique.filter((d) => !out.has(d));
  if (lost.length > 0) throw new SkipError('E_QUEUE_INVALID', `image bytes not in the queue's store: ${lost.join(', ')}`);
  return out;
}
