import type { Database } from 'better-sqlite3';

/** One numbered schema change. Applied once, in id order, in one transaction with its `schema_migrations` row. */
export interface Migration {
  /** 1, 2, 3, … — never reused, never renumbered. */
  readonly id: number;
  /** kebab-case, matches the file name after the number. */
  readonly name: string;
  up(db: Database): void;
}
