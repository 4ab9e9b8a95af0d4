/**
 * The databases a store or API suite runs on: SQLite always (a temporary folder), PostgreSQL
 * when TEST_DATABASE_URL is set (a fresh schema per database, dropped afterwards), so one suite
 * covers both dialects (CI sets the variable).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { OpenStoreOptions } from '../../src/server/store/index.js';

export interface TestDatabase {
  readonly options: OpenStoreOptions;
  drop(): Promise<void>;
}

export interface TestDialect {
  readonly name: 'sqlite' | 'postgres';
  fresh(): Promise<TestDatabase>;
}

const tempRoots: string[] = [];
/** Removes the SQLite folders made so far (call in afterAll). */
export function removeTempRoots(): void {
  for (const root of tempRoots.splice(0)) rmSync(root, { recursive: true, force: true });
}

const sqlite: TestDialect = {
  name: 'sqlite',
  fresh() {
    const dir = mkdtempSync(join(tmpdir(), 'lestari-db-'));
    tempRoots.push(dir);
    return Promise.resolve({ options: { dataDir: dir }, drop: () => Promise.resolve() });
  },
};

function postgres(baseUrl: string): TestDialect {
  async function admin(statement: string): Promise<void> {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  }
  return {
    name: 'postgres',
    async fresh() {
      const schema = `lestari_test_${randomUUID().replaceAll('-', '')}`;
      await admin(`CREATE SCHEMA ${schema}`);
      const url = new URL(baseUrl);
      url.searchParams.set('options', `-c search_path=${schema}`);
      return {
        options: { databaseUrl: url.toString() },
        drop: () => admin(`DROP SCHEMA ${schema} CASCADE`),
      };
    },
  };
}

const testDatabaseUrl = process.env['TEST_DATABASE_URL'];
export const testDialects: readonly TestDialect[] = [
  sqlite,
  ...(testDatabaseUrl ? [postgres(testDatabaseUrl)] : []),
];
