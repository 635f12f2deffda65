/**
 * PostgreSQL for the queue's tests: the database ./setup.sh creates (or NIANBAO_TEST_PG), a schema of the test's own
 * so test files running in parallel never share queue tables or pg-boss state. PostgreSQL that cannot be reached
 * fails the test, never skips it.
 */
import pg from 'pg';

export const TEST_PG_URL = process.env.NIANBAO_TEST_PG ?? 'postgres://nianbao:nianbao@127.0.0.1:5432/nianbao_test';

export interface TestSchema {
  readonly url: string;
  readonly schema: string;
  /** One query on the test database (the schema is not on the search path: name it). */
  query<T extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<T[]>;
  /** Drops the schema and every schema named after it (`<schema>_a` …: pg-boss's tables and the queue's), and closes the connection. */
  drop(): Promise<void>;
}

/** A fresh, empty schema named `q_<name>_<pid>` (dropped first if a killed run left it); a test may use `<schema>_<suffix>` too. */
export async function testSchema(name: string): Promise<TestSchema> {
  const pool = new pg.Pool({ connectionString: TEST_PG_URL, max: 2, connectionTimeoutMillis: 5_000 });
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(
      `PostgreSQL for the queue tests cannot be reached at ${TEST_PG_URL.replace(/:[^:@/]*@/, ':***@')} (${error instanceof Error ? error.message : String(error)}): run ./setup.sh (it installs and starts PostgreSQL and creates the test role and database), or set NIANBAO_TEST_PG`,
    );
  }
  const schema = `q_${name.replace(/[^a-z0-9]/g, '_')}_${process.pid}`;
  const dropAll = async (): Promise<void> => {
    const found = await pool.query<{ name: string }>(`SELECT nspname AS name FROM pg_namespace WHERE nspname = $1 OR nspname LIKE $1 || '\_%'`, [schema]);
    for (const { name } of found.rows) await pool.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
  };
  await dropAll();
  return {
    url: TEST_PG_URL,
    schema,
    async query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []) {
      return (await pool.query<T>(sql, values)).rows;
    },
    async drop() {
      await dropAll();
      await pool.end();
    },
  };
}
