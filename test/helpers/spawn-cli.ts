/** `bin/nianbao.js` as a real child process: its exit code, output, and signals sent to it. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';

const BIN = path.resolve('bin/nianbao.js');

export interface CliChild {
  readonly process: ChildProcess;
  /** Exit code (null when killed by a signal it did not handle). */
  readonly exit: Promise<number | null>;
  stdout(): string;
  stderr(): string;
}

export function spawnCli(args: readonly string[]): CliChild {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return { process: child, exit: new Promise((resolve) => child.on('exit', (code) => resolve(code))), stdout: () => stdout, stderr: () => stderr };
}

/** Rows of a read-only query on an archive another process may be writing. */
export function queryArchive<T>(file: string, sql: string): T[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all() as T[];
  } catch {
    return []; // not created or not migrated yet
  } finally {
    db.close();
  }
}

export async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
