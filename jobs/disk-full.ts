/** Out of disk space, from SQLite (SQLITE_FULL) or the file system (ENOSPC), anywhere in an error's cause chain. */
export function isDiskFull(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e !== null && e !== undefined && depth < 10; e = (e as { cause?: unknown }).cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'E_DISK_FULL') return true;
    if (e instanceof Error && /database or disk is full|no space left on device/i.test(e.message)) return true;
  }
  return false;
}
