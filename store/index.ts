/** The archive's public API: one module per aggregate, plain functions taking the Database first. */
export { openArchive, BUSY_TIMEOUT_MS } from './open-archive.ts';
export { migrate, appliedMigrations, type AppliedMigration } from './migrate.ts';
export { isValidUscc, usccCheckChar, usccFromKey } from './uscc.ts';
export { putBlob, getBlob, hasBlob, countBlobs, sha256Hex } from './blobs.ts';
export * from './captures.ts';
export * from './runs.ts';
export * from './frontier.ts';
export * from './portals.ts';
export * from './agencies.ts';
export * from './reports.ts';
export { contentDigest, normaliseText } from './report-content.ts';
