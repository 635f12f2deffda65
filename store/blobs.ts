/** Content-addressed bytes: each distinct body is stored once, keyed by its SHA-256. */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { nowIso, stmt } from './statements.ts';

export function sha256Hex(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Stores `bytes` unless already present; returns their SHA-256 (lower-case hex). */
export function putBlob(db: Database, bytes: Buffer): string {
  const digest = sha256Hex(bytes);
  stmt(db, 'INSERT OR IGNORE INTO blobs (sha256, length, bytes, created_at) VALUES (?, ?, ?, ?)').run(digest, bytes.length, bytes, nowIso());
  return digest;
}

export function getBlob(db: Database, sha256: string): Buffer | null {
  const row = stmt(db, 'SELECT bytes FROM blobs WHERE sha256 = ?').get(sha256) as { bytes: Buffer } | undefined;
  return row?.bytes ?? null;
}

export function hasBlob(db: Database, sha256: string): boolean {
  return stmt(db, 'SELECT 1 FROM blobs WHERE sha256 = ?').get(sha256) !== undefined;
}

export function countBlobs(db: Database): number {
  return (stmt(db, 'SELECT count(*) AS n FROM blobs').get() as { n: number }).n;
}
